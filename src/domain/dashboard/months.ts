/**
 * Calendar months and quarters for rollups and trends. Every month is a UTC calendar month
 * (`2026-03`), whatever the server's or the reader's time zone: rollups are counted once, for
 * everyone, so the bucket of an incident must not depend on who looks at it.
 */
const MONTH = /^(\d{4})-(\d{2})$/;

/** The UTC month of an instant (ISO string, epoch millis or Date). */
export function monthOf(instant: string | number | Date): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  return date.toISOString().slice(0, 7);
}

/** `month` moved by `delta` months (negative goes back). */
export function addMonths(month: string, delta: number): string {
  const match = MONTH.exec(month);
  if (match === null) throw new Error(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with the month of `today` (a UTC day such as 2026-03-14), oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: count }, (_, index) => addMonths(current, index - count + 1));
}

/** `2026-Q1` for `2026-02`. */
export function quarterOf(month: string): string {
  const monthNumber = Number(month.slice(5, 7));
  return `${month.slice(0, 4)}-Q${String(Math.ceil(monthNumber / 3))}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Mar 2026" — month labels are built here rather than with Intl so they never shift by a time zone. */
export function monthLabel(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** "Q1 2026". */
export const quarterLabel = (quarter: string): string => `${quarter.slice(5)} ${quarter.slice(0, 4)}`;

/** "Jan 2026 – Mar 2026" (or one month's label). */
export function rangeLabel(months: readonly string[]): string {
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return '';
  return first === last ? monthLabel(first) : `${monthLabel(first)} – ${monthLabel(last)}`;
}

/** Epoch millis of the first instant of a month (UTC). */
export const monthStart = (month: string): number => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
