/**
 * Structured, concise logs (one JSON line per event) for `forge logs`. Never log payloads or
 * personal data: only keys, codes, counts and durations.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export function logEvent(event: string, fields: LogFields): void {
  const line = JSON.stringify({ event, ...fields });
  if (fields.level === 'error') console.error(line);
  else console.log(line);
}
