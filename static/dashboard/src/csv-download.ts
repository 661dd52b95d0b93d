import { toCsv, type CsvCell } from '../../../src/domain/dashboard/csv';

/** Saves rows the page already shows as a CSV file (built in the browser: no extra call). */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  // A byte-order mark so spreadsheet apps read the UTF-8 names and lessons correctly.
  const blob = new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 1000);
}

export const csvName = (projectKey: string, what: string, today: string): string => `lessons-learned-${projectKey}-${what}-${today}.csv`;
