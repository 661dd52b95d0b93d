import type { DashboardSummary, OverdueActionsPage, OverdueActionView } from '../api/dashboard';
import { addCalendarDays, dayOf, daysBetween, daysOverdue } from '../domain/actions';
import {
  DUE_SOON_DAYS,
  OPEN_PERIOD,
  PERIODS,
  buildTrend,
  computeKpis,
  lastMonths,
  openWork,
  rangeLabel,
  repeatCategories,
  type Counters,
  type PeriodId,
} from '../domain/dashboard';
import { fullTaxonomy } from '../domain/settings';
import { ENTITY, queryIndex, type AttributeFilter } from '../platform/store';
import { actionOfRecord, type ActionRecord } from './actions-records';
import { readRollups } from './rollups';
import { loadProjectSettings } from './settings-store';

/**
 * The project page's first screen (R17–R19): KPIs, trends, repeat root causes and counts from the
 * rollups, whatever the number of incidents — storage cost: one settings read and one batch read
 * of 25 rollup records (24 months + the project-wide `open` record), in parallel.
 */

/** 24 months: this year-long period and the previous one. */
const WINDOW_MONTHS = 24;
const TREND_MONTHS = 12;

export async function loadDashboardSummary(projectKey: string, now = new Date()): Promise<DashboardSummary> {
  const today = dayOf(now);
  const window = lastMonths(today, WINDOW_MONTHS);
  const [loaded, rollups] = await Promise.all([loadProjectSettings(projectKey), readRollups(projectKey, [...window, OPEN_PERIOD])]);
  const { settings } = loaded;
  const months = new Map<string, Counters>(window.map((month) => [month, rollups.get(month)?.counters ?? {}]));
  const taxonomy = fullTaxonomy(settings);
  const trendWindow = window.slice(-TREND_MONTHS);
  const kpiSettings = { significantSeverities: settings.significantSeverities, reviewTargetDays: settings.reviewTargetDays };
  const periodLabels = (period: PeriodId) => ({ current: rangeLabel(window.slice(-PERIODS[period])), previous: rangeLabel(window.slice(-2 * PERIODS[period], -PERIODS[period])) });
  const open = openWork(rollups.get(OPEN_PERIOD)?.counters ?? {}, today);
  return {
    projectKey,
    today,
    periods: { quarter: periodLabels('quarter'), year: periodLabels('year') },
    kpis: { quarter: computeKpis(months, window, 'quarter', kpiSettings, TREND_MONTHS), year: computeKpis(months, window, 'year', kpiSettings, TREND_MONTHS) },
    trendMonths: trendWindow,
    trends: { month: buildTrend(months, trendWindow, 'month', taxonomy), quarter: buildTrend(months, trendWindow, 'quarter', taxonomy) },
    repeats: repeatCategories(months, trendWindow, taxonomy),
    counts: { openActions: open.openActions, overdue: open.overdue, dueSoon: open.dueSoon, reviewsByStage: open.reviewsByStage },
    owners: open.owners,
    categories: settings.rootCauseTaxonomy.map(({ key, label, retired }) => ({ key, label, retired })),
    settings: { significantSeverities: [...settings.significantSeverities], reviewTargetDays: settings.reviewTargetDays, effectivenessWindowDays: settings.effectivenessWindowDays },
  };
}

export interface OverdueQuery {
  scope: 'overdue' | 'due-soon';
  ownerAccountId?: string;
  category?: string;
  order: 'oldest-first' | 'newest-first';
  cursor?: string;
}

/**
 * R17: one page (≤ 20) of open actions past their target date — or due within the next 14 days —
 * from the `by-project-due` index, the status/owner/category conditions applied by storage while
 * it reads the date range. Storage cost: one query per page, whatever the project's size.
 */
export async function listOverdueActions(projectKey: string, query: OverdueQuery, now = new Date()): Promise<OverdueActionsPage> {
  const today = dayOf(now);
  const filters: AttributeFilter[] = [
    { attribute: 'status', condition: 'notEqualTo', value: 'done' },
    { attribute: 'status', condition: 'notEqualTo', value: 'deleted' },
    ...(query.ownerAccountId === undefined ? [] : [{ attribute: 'ownerAccountId', condition: 'equalTo' as const, value: query.ownerAccountId }]),
    ...(query.category === undefined ? [] : [{ attribute: 'rootCauseCategory', condition: 'equalTo' as const, value: query.category }]),
  ];
  const range = query.scope === 'overdue' ? { lessThan: today } : { between: [today, addCalendarDays(today, DUE_SOON_DAYS)] as const };
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-project-due', [projectKey], {
    ...range,
    filters,
    sort: query.order === 'oldest-first' ? 'ASC' : 'DESC',
    limit: 20,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  const items = page.items.map(({ value }): OverdueActionView => {
    const action = actionOfRecord(value);
    return {
      actionId: action.id,
      ...(action.jira === undefined ? {} : { jiraIssueKey: action.jira.issueKey }),
      summary: action.summary,
      kind: action.kind,
      status: action.status,
      ownerAccountId: action.ownerAccountId,
      targetDate: action.targetDate,
      daysOverdue: daysOverdue(action, today),
      daysUntilDue: Math.max(0, daysBetween(today, action.targetDate)),
      incidentKey: action.incident.issueKey,
      category: action.rootCauseCategory,
    };
  });
  return { today, items, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
