/** Narrowing helpers for request bodies (already schema-validated, but `fields` maps are free-form). */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Jira accepts `{id}` as a string or a number in references such as `{"id": "10001"}`. */
export function refId(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const id = value['id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number') return String(id);
  return undefined;
}

export function refString(value: unknown, property: string): string | undefined {
  return isObject(value) ? optionalString(value[property]) : undefined;
}
