/** A DOM id for a field path such as `facts.timestamps.detectedAt` (errors come back with that path). */
export const fieldId = (path: string): string => `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export const errorId = (path: string): string => `${fieldId(path)}-error`;
export const hintId = (path: string): string => `${fieldId(path)}-hint`;

/** Field errors by path, as the forms show them. */
export type FieldErrors = Readonly<Record<string, string>>;
