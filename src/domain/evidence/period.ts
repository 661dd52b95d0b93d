/**
 * The period an evidence pack covers: the dashboard's "last 3 months" or "last 12 months" (the
 * same months the dashboard's KPIs use, so every figure matches), or any run of whole UTC months.
 * Months are UTC calendar months, as everywhere in the app, so a pack never shifts with a time zone.
 */
import { z } from 'zod';
import { PERIODS, addMonths, lastMonths, monthStart, rangeLabel } from '../dashboard';

/** A custom period spans at most two years (the rollups the pack reads: it and the period before). */
export const MAX_CUSTOM_MONTHS = 24;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'months look like 2026-03' });

export const evidencePeriodSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('quarter') }),
    z.strictObject({ kind: z.literal('year') }),
    z.strictObject({ kind: z.literal('custom'), from: month, to: month }),
  ],
  { error: 'period must be quarter, year or custom (from, to)' },
);
export type EvidencePeriod = z.infer<typeof evidencePeriodSchema>;

export interface ResolvedPeriod {
  period: EvidencePeriod;
  /** The months of the period, oldest first. */
  months: string[];
  /** As many months just before it, for "this period against the previous one". */
  previousMonths: string[];
  label: string;
  previousLabel: string;
  /** Epoch millis: first instant of the first month, first instant after the last month. */
  startMs: number;
  endMs: number;
  /** Calendar days (yyyy-mm-dd) of the first and the last day, for day-keyed records. */
  firstDay: string;
  lastDay: string;
}

export type PeriodResult = { ok: true; value: ResolvedPeriod } | { ok: false; message: string; field: string };

/** Months from `from` to `to` inclusive (empty when `to` is before `from`). */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let current = from; current <= to && months.length <= MAX_CUSTOM_MONTHS; current = addMonths(current, 1)) months.push(current);
  return months;
}

/** The months of a period as of `today` (a UTC day), with the previous period of the same length. */
export function resolvePeriod(period: EvidencePeriod, today: string): PeriodResult {
  let months: string[];
  if (period.kind === 'custom') {
    if (period.to < period.from) return { ok: false, message: 'The period must not end before it starts', field: 'period.to' };
    if (period.to > today.slice(0, 7)) return { ok: false, message: 'The period must not end in the future', field: 'period.to' };
    months = monthsBetween(period.from, period.to);
    if (months.length > MAX_CUSTOM_MONTHS) return { ok: false, message: `A custom period spans at most ${String(MAX_CUSTOM_MONTHS)} months`, field: 'period.from' };
  } else {
    months = lastMonths(today, PERIODS[period.kind]);
  }
  const first = months[0] ?? today.slice(0, 7);
  const last = months.at(-1) ?? first;
  const previousMonths = months.map((value) => addMonths(value, -months.length));
  const endMs = monthStart(addMonths(last, 1));
  return {
    ok: true,
    value: {
      period,
      months,
      previousMonths,
      label: rangeLabel(months),
      previousLabel: rangeLabel(previousMonths),
      startMs: monthStart(first),
      endMs,
      firstDay: `${first}-01`,
      lastDay: new Date(endMs - 1).toISOString().slice(0, 10),
    },
  };
}

/** Where `value` (epoch millis) lies in the period, 0…1: the paging progress of a date-ordered list. */
export function periodPosition(resolved: Pick<ResolvedPeriod, 'startMs' | 'endMs'>, value: number): number {
  const span = resolved.endMs - resolved.startMs;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (value - resolved.startMs) / span));
}
