/**
 * Calendar dates (`2026-03-14`): target dates, due dates and review dates are days, not instants,
 * exactly as Jira's `duedate`. Strings in this form sort in date order, so they index well.
 */
import { z } from 'zod';
import { addDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isCalendarDate = (value: string): boolean => DATE.test(value) && isValid(parseISO(value));

export const calendarDate = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .refine(isCalendarDate, { error: `${label} must be a date such as 2026-03-14` });

/** The UTC calendar day of an instant (servers and Jira's duedate both work in days without zones). */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addCalendarDays = (date: string, days: number): string => format(addDays(parseISO(date), days), 'yyyy-MM-dd');

/** Whole days from `from` to `to` (positive when `to` is later). */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/** Jira's instants (`2026-03-14T10:00:00.000+0000`) as ISO strings with `Z`; undefined when unreadable. */
export function isoInstant(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const millis = Date.parse(normalised);
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}
