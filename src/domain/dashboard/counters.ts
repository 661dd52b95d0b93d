/**
 * Rollups are flat maps of named counters per period (`incidents`, `type|malicious`,
 * `detect|sum` …), so a record's contribution can be added, subtracted and compared without
 * knowing what each counter means. Every counter is a whole number (milliseconds, days, counts),
 * so adding and subtracting the same contribution gives back exactly what was there.
 */

export type Counters = Record<string, number>;

/** The period of the project-wide rollup (open work by due day, reviews by stage). */
export const OPEN_PERIOD = 'open';

/** Period (`2026-03` or `open`) → counters: what one record adds to its project's rollups. */
export type Contribution = Record<string, Counters>;

export const counterKey = (...parts: readonly string[]): string => parts.join('|');

/** Adds one to a counter of a contribution. */
export function bump(contribution: Contribution, period: string, key: string, by = 1): void {
  if (by === 0) return;
  const counters = (contribution[period] ??= {});
  counters[key] = (counters[key] ?? 0) + by;
}

/** `base + sign × delta`, without the counters that became zero. */
export function addCounters(base: Counters, delta: Counters, sign: 1 | -1 = 1): Counters {
  const sums = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(delta)) sums.set(key, (sums.get(key) ?? 0) + sign * value);
  return Object.fromEntries([...sums].filter(([, sum]) => sum !== 0));
}

/** `after − before`, only the periods and counters that changed. Empty = nothing to write. */
export function contributionDelta(before: Contribution, after: Contribution): Contribution {
  const delta: Contribution = {};
  for (const period of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const changed = addCounters(after[period] ?? {}, before[period] ?? {}, -1);
    if (Object.keys(changed).length > 0) delta[period] = changed;
  }
  return delta;
}

export const isEmptyContribution = (contribution: Contribution): boolean => Object.keys(contribution).length === 0;

/** Sums contributions period by period (the recompute's accumulator). */
export function mergeInto(target: Map<string, Counters>, contribution: Contribution): void {
  for (const [period, counters] of Object.entries(contribution)) target.set(period, addCounters(target.get(period) ?? {}, counters));
}

/** Several contributions as one (periods whose counters cancel out are dropped). */
export function sumContributions(contributions: readonly Contribution[]): Contribution {
  const total = new Map<string, Counters>();
  for (const contribution of contributions) mergeInto(total, contribution);
  return Object.fromEntries([...total].filter(([, counters]) => Object.keys(counters).length > 0));
}

/** The counters under a prefix (`type`) as `{ malicious: 3, … }`. */
export function counterGroup(counters: Counters, prefix: string): Record<string, number> {
  const group: Record<string, number> = {};
  const start = `${prefix}|`;
  for (const [key, value] of Object.entries(counters)) if (key.startsWith(start)) group[key.slice(start.length)] = value;
  return group;
}

/** Sums counters of several periods (missing periods count as zero). */
export function sumCounters(periods: readonly (Counters | undefined)[]): Counters {
  let total: Counters = {};
  for (const counters of periods) if (counters !== undefined) total = addCounters(total, counters);
  return total;
}
