/**
 * R19 KPIs from monthly rollups: each one's formula, its definition in words (shown to managers
 * and auditors), this period against the previous one, and its month-by-month trend. Pure: the
 * same numbers whatever the number of incidents, as they only read per-month counters.
 */
import { INCIDENT_TYPES, SEVERITIES, type Severity } from '../review';
import { counterGroup, counterKey, sumCounters, type Counters } from './counters';

export const PERIODS = { quarter: 3, year: 12 } as const;
export type PeriodId = keyof typeof PERIODS;

export type KpiUnit = 'count' | 'percent' | 'hours' | 'days';

export interface KpiValue {
  /** Null when there is nothing to measure (no incidents, no closed actions…): shown as "—", never as 0. */
  value: number | null;
  numerator?: number;
  denominator?: number;
}

export interface Kpi {
  id: string;
  label: string;
  /** The formula in words, for the tooltip/disclosure and the CSV. */
  definition: string;
  unit: KpiUnit;
  /** Which direction is an improvement (for the change arrow's wording). */
  better: 'higher' | 'lower' | 'neither';
  /** What the basis counts ("13 of 26 incidents", "over 26 actions"). */
  subject: 'incidents' | 'significant incidents' | 'actions';
  current: KpiValue;
  previous: KpiValue;
  /** One value per month of the trend window, oldest first. */
  monthly: (number | null)[];
}

export interface KpiSettings {
  significantSeverities: readonly Severity[];
  reviewTargetDays: number;
}

const HOUR_MS = 3_600_000;

const ratio = (numerator: number, denominator: number, scale = 1): KpiValue =>
  denominator === 0 ? { value: null, numerator, denominator } : { value: (numerator / denominator) * scale, numerator, denominator };

const count = (value: number): KpiValue => ({ value });

interface KpiFormula {
  id: string;
  label: string;
  definition: (settings: KpiSettings) => string;
  unit: KpiUnit;
  better: Kpi['better'];
  subject?: Kpi['subject'];
  measure: (counters: Counters, settings: KpiSettings) => KpiValue;
}

const meanDuration = (name: string) => (counters: Counters): KpiValue =>
  ratio((counters[counterKey(name, 'sum')] ?? 0) / HOUR_MS, counters[counterKey(name, 'n')] ?? 0);

/** Completed reviews of significant incidents approved within the target, over all significant incidents. */
function reviewsWithinTarget(counters: Counters, settings: KpiSettings): KpiValue {
  let onTime = 0;
  let significant = 0;
  for (const severity of settings.significantSeverities) {
    significant += counters[counterKey('severity', severity)] ?? 0;
    for (const [days, n] of Object.entries(counterGroup(counters, counterKey('reviewLag', severity)))) if (Number(days) <= settings.reviewTargetDays) onTime += n;
  }
  return ratio(onTime, significant, 100);
}

const action = (key: string) => (counters: Counters) => counters[counterKey('actions', key)] ?? 0;

const TYPE_LABELS: Record<(typeof INCIDENT_TYPES)[number], string> = { accidental: 'Accidental', malicious: 'Malicious', environmental: 'Environmental' };

export const KPI_FORMULAS: readonly KpiFormula[] = [
  {
    id: 'incidents',
    label: 'Incidents',
    definition: () => 'Incidents with a review, counted in the month they occurred (else detected, reported, or when the review started).',
    unit: 'count',
    better: 'lower',
    measure: (counters) => count(counters.incidents ?? 0),
  },
  ...INCIDENT_TYPES.map((type): KpiFormula => ({
    id: `incidents-${type}`,
    label: `${TYPE_LABELS[type]} incidents`,
    definition: () => `Incidents whose review records the type "${type}", in the month they occurred.`,
    unit: 'count',
    better: 'lower',
    measure: (counters) => count(counters[counterKey('type', type)] ?? 0),
  })),
  {
    id: 'mttd',
    label: 'Mean time to detect',
    definition: () => 'Average hours from "occurred" to "detected", over incidents of the period with both timestamps.',
    unit: 'hours',
    better: 'lower',
    measure: meanDuration('detect'),
  },
  {
    id: 'mttc',
    label: 'Mean time to contain (respond)',
    definition: () => 'Average hours from "detected" to "contained", over incidents of the period with both timestamps.',
    unit: 'hours',
    better: 'lower',
    measure: meanDuration('contain'),
  },
  {
    id: 'mttr',
    label: 'Mean time to resolve',
    definition: () => 'Average hours from "detected" to "resolved", over incidents of the period with both timestamps.',
    unit: 'hours',
    better: 'lower',
    measure: meanDuration('resolve'),
  },
  {
    id: 'reviews-on-time',
    label: 'Significant incidents reviewed on time',
    definition: (settings) =>
      `Significant incidents (severity ${settings.significantSeverities.join(' or ') || 'none set'}) of the period whose review was approved within ${String(settings.reviewTargetDays)} days of resolution, as a share of all significant incidents of the period. Reviews still open count as not (yet) on time.`,
    unit: 'percent',
    better: 'higher',
    subject: 'significant incidents',
    measure: reviewsWithinTarget,
  },
  {
    id: 'actions-on-time',
    label: 'Actions closed on time',
    definition: () => 'Actions completed in the period on or before their target date, as a share of all actions completed in the period.',
    unit: 'percent',
    better: 'higher',
    subject: 'actions',
    measure: (counters) => ratio(action('onTime')(counters), action('closed')(counters), 100),
  },
  {
    id: 'action-close-days',
    label: 'Mean days to close an action',
    definition: () => 'Average calendar days from planning an action to its Jira issue being done, over actions completed in the period.',
    unit: 'days',
    better: 'lower',
    subject: 'actions',
    measure: (counters) => ratio(action('closeDays')(counters), action('closed')(counters)),
  },
  {
    id: 'actions-verified',
    label: 'Completed actions verified',
    definition: () => 'Actions completed in the period whose completion someone other than the owner verified with evidence, as a share of all actions completed in the period.',
    unit: 'percent',
    better: 'higher',
    subject: 'actions',
    measure: (counters) => ratio(action('verified')(counters), action('closed')(counters), 100),
  },
  {
    id: 'actions-effective',
    label: 'Actions verified effective',
    definition: () =>
      'Actions completed in the period judged effective (no incident with the same root-cause category within the effectiveness window after completion), as a share of the actions judged so far.',
    unit: 'percent',
    better: 'higher',
    subject: 'actions',
    measure: (counters) => ratio(action('effective')(counters), action('effective')(counters) + action('notEffective')(counters), 100),
  },
];

/**
 * KPIs for a period: `months` are the rollups by month (missing = nothing happened), `window`
 * the last months, oldest first, of which the final `PERIODS[period]` are "this period" and the
 * ones before them "the previous period"; the trend shows the last `trendMonths`.
 */
export function computeKpis(months: ReadonlyMap<string, Counters>, window: readonly string[], period: PeriodId, settings: KpiSettings, trendMonths = 12): Kpi[] {
  const length = PERIODS[period];
  return computeKpisOver(months, { current: window.slice(-length), previous: window.slice(-2 * length, -length), trend: window.slice(-trendMonths) }, settings);
}

/**
 * The same KPIs for any months: the dashboard's periods and the evidence pack's custom periods
 * go through this one function, so a figure never differs between the two for the same months.
 */
export function computeKpisOver(
  months: ReadonlyMap<string, Counters>,
  span: { current: readonly string[]; previous: readonly string[]; trend: readonly string[] },
  settings: KpiSettings,
): Kpi[] {
  const current = sumCounters(span.current.map((month) => months.get(month)));
  const previous = sumCounters(span.previous.map((month) => months.get(month)));
  return KPI_FORMULAS.map((formula) => ({
    id: formula.id,
    label: formula.label,
    definition: formula.definition(settings),
    unit: formula.unit,
    better: formula.better,
    subject: formula.subject ?? 'incidents',
    current: formula.measure(current, settings),
    previous: formula.measure(previous, settings),
    monthly: span.trend.map((month) => formula.measure(months.get(month) ?? {}, settings).value),
  }));
}

/** Severities in their display order, for labels. */
export const SEVERITY_ORDER = SEVERITIES;
