/**
 * R18 recurrence trends: incidents and root causes per category per month or quarter, incidents
 * per type, and repeat root causes (the same category in two or more incidents of the window).
 */
import { INCIDENT_TYPES, categoryLabel, type RootCauseTaxonomy } from '../review';
import { counterGroup, sumCounters, type Counters } from './counters';
import { monthLabel, quarterLabel, quarterOf } from './months';

export type Granularity = 'month' | 'quarter';

export interface TrendBucket {
  id: string;
  label: string;
  months: string[];
}

export interface TrendSeries {
  key: string;
  label: string;
  values: number[];
  total: number;
}

export interface TrendView {
  granularity: Granularity;
  buckets: TrendBucket[];
  incidents: number[];
  /** Categories with data in the window, most frequent first. */
  incidentsByCategory: TrendSeries[];
  rootCausesByCategory: TrendSeries[];
  incidentsByType: TrendSeries[];
}

export function bucketsOf(window: readonly string[], granularity: Granularity): TrendBucket[] {
  if (granularity === 'month') return window.map((month) => ({ id: month, label: monthLabel(month), months: [month] }));
  const buckets: TrendBucket[] = [];
  for (const month of window) {
    const id = quarterOf(month);
    const last = buckets.at(-1);
    if (last?.id === id) last.months.push(month);
    else buckets.push({ id, label: quarterLabel(id), months: [month] });
  }
  return buckets;
}

function series(bucketCounters: readonly Counters[], prefix: string, labelOf: (key: string) => string, keys?: readonly string[]): TrendSeries[] {
  const found = new Set<string>(keys ?? []);
  for (const counters of bucketCounters) for (const key of Object.keys(counterGroup(counters, prefix))) found.add(key);
  return [...found]
    .map((key) => {
      const values = bucketCounters.map((counters) => counterGroup(counters, prefix)[key] ?? 0);
      return { key, label: labelOf(key), values, total: values.reduce((sum, value) => sum + value, 0) };
    })
    .filter((entry) => keys !== undefined || entry.total > 0)
    .sort((a, b) => (keys === undefined ? b.total - a.total || a.label.localeCompare(b.label) : 0));
}

const TYPE_LABELS: Record<string, string> = { accidental: 'Accidental', malicious: 'Malicious', environmental: 'Environmental', unknown: 'Type not recorded' };

export function buildTrend(months: ReadonlyMap<string, Counters>, window: readonly string[], granularity: Granularity, taxonomy: RootCauseTaxonomy): TrendView {
  const buckets = bucketsOf(window, granularity);
  const bucketCounters = buckets.map((bucket) => sumCounters(bucket.months.map((month) => months.get(month))));
  const typeKeys = [...INCIDENT_TYPES, ...(bucketCounters.some((counters) => (counters['type|unknown'] ?? 0) > 0) ? ['unknown'] : [])];
  return {
    granularity,
    buckets,
    incidents: bucketCounters.map((counters) => counters.incidents ?? 0),
    incidentsByCategory: series(bucketCounters, 'category', (key) => categoryLabel(taxonomy, key)),
    rootCausesByCategory: series(bucketCounters, 'rootCauses', (key) => categoryLabel(taxonomy, key)),
    incidentsByType: series(bucketCounters, 'type', (key) => TYPE_LABELS[key] ?? key, typeKeys),
  };
}

export interface RepeatCategory {
  category: string;
  label: string;
  /** Incidents of the window with a root cause in this category (≥ 2). */
  incidents: number;
  rootCauses: number;
}

/** Root-cause categories found in two or more incidents of the window: the recurrences to look at first. */
export function repeatCategories(months: ReadonlyMap<string, Counters>, window: readonly string[], taxonomy: RootCauseTaxonomy): RepeatCategory[] {
  const total = sumCounters(window.map((month) => months.get(month)));
  const rootCauses = counterGroup(total, 'rootCauses');
  return Object.entries(counterGroup(total, 'category'))
    .filter(([, incidents]) => incidents >= 2)
    .map(([category, incidents]) => ({ category, label: categoryLabel(taxonomy, category), incidents, rootCauses: rootCauses[category] ?? 0 }))
    .sort((a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label));
}
