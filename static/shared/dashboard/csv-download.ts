import { toCsv, type CsvCell } from '../../../src/domain/dashboard/csv';

/** Saves rows the page already shows as a CSV file (built in the browser: no extra call). */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  downloadText(fileName, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** Saves text the page built as a file (Blob + a download link). CSV gets a byte-order mark so spreadsheet apps read UTF-8 names correctly. */
export function downloadText(fileName: string, text: string, type: string): void {
  const blob = new Blob(type.startsWith('text/csv') ? ['\ufeff', text] : [text], { type });
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
