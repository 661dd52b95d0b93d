/**
 * Structured, concise logs (one JSON line per event) for `forge logs`. Never log payloads or
 * personal data: only keys, codes, counts and durations. LOG_LEVEL (a Forge environment
 * variable: `forge variables set LOG_LEVEL error`) quiets info lines; errors always print.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export function logEvent(event: string, fields: LogFields): void {
  const line = JSON.stringify({ event, ...fields });
  if (fields.level === 'error') console.error(line);
  else if (process.env.LOG_LEVEL !== 'error' && process.env.LOG_LEVEL !== 'silent') console.log(line);
}
