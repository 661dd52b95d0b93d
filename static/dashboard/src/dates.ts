/** A calendar day (2026-03-14) as "14 Mar 2026", without any time zone shifting it. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant's UTC day, the way the dashboard counts months. */
export const dayOfInstant = (iso: string): string => formatDay(iso.slice(0, 10));
