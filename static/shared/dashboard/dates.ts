import { useDates } from '../environment';

/**
 * The dashboard's days, in the user's locale from the Forge context: calendar days as they are,
 * and an instant on its UTC day — the dashboard counts its months in UTC.
 */
export function useDays(): { day: (date: string) => string; dayOf: (iso: string) => string } {
  const { day } = useDates();
  return { day, dayOf: (iso) => day(iso.slice(0, 10)) };
}
