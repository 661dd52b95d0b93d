/**
 * CSV for the dashboard's exports (overdue actions, KPIs, library results), safe to open in a
 * spreadsheet: a cell starting with `=`, `+`, `-`, `@` (or a tab / carriage return) would run as a
 * formula, so it gets a leading apostrophe (OWASP "CSV injection"); every cell is quoted.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  // Negative numbers are numbers, not formulas; only text is defused.
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 lines (CRLF), header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
