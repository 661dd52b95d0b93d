import type { GlobalOverdueAction, GlobalProjectRow, GlobalSummary } from '../api/jira-native';
import { AppError } from '../api/errors';
import { dayOf, daysOverdue } from '../domain/actions';
import { OPEN_PERIOD, PERIODS, addCounters, buildTrend, computeKpis, lastMonths, openWork, rangeLabel, type Counters, type Kpi, type PeriodId } from '../domain/dashboard';
import type { RootCauseTaxonomy } from '../domain/review';
import { fullTaxonomy, type ProjectSettings } from '../domain/settings';
import { projectsWithPermission } from '../platform/jira/permissions';
import { projectsByKeys } from '../platform/jira/projects';
import { JiraTransport } from '../platform/jira/transport';
import { ENTITY, queryIndex } from '../platform/store';
import { actionOfRecord, type ActionRecord } from './actions-records';
import { readRegistry } from './daily-job-registry';
import { readRollups, type RollupRecord } from './rollups';
import { loadProjectSettings } from './settings-store';

/**
 * The all-projects page (jira:globalPage) for the ISMS manager: KPIs, trends and overdue actions
 * across every incident project the caller may browse — built from each project's rollups, so
 * its cost grows with the number of projects, never with the number of incidents.
 *
 * Which projects: those with app data (the daily job's registry), looked up once as the app (ids,
 * names), then filtered by Jira **as the caller** in one `POST /rest/api/3/permissions/check` for
 * BROWSE_PROJECTS — a project they cannot browse is never read, let alone shown. Cost: one
 * registry read, two Jira calls, and per visible project three storage reads in parallel
 * (settings, one batch of 25 rollup records, the five most overdue actions).
 */
const WINDOW_MONTHS = 24;
const TREND_MONTHS = 12;
/** Per project, the most overdue actions shown here; the project page lists them all. */
const OVERDUE_PER_PROJECT = 5;
/** Depends on each project's own significance and target, so it is shown per project, never summed. */
const PER_PROJECT_KPI = 'reviews-on-time';

interface ProjectFigures {
  row: GlobalProjectRow;
  settings: ProjectSettings;
  rollups: Map<string, RollupRecord>;
  overdue: GlobalOverdueAction[];
  overdueMore: boolean;
}

export const NO_VISIBLE_PROJECT = 'No project you can browse has lessons-learned data yet. Ask a Jira admin for access to your incident projects if you need it.';

/** The incident projects (with app data) the caller may browse — also the evidence pack's starting list (global-evidence). */
export async function visibleIncidentProjects(): Promise<{ id: string; key: string; name: string }[]> {
  const registry = await readRegistry();
  const keys = registry?.document.projects ?? [];
  if (keys.length === 0) return [];
  const projects = await projectsByKeys(new JiraTransport('app'), keys);
  const browsable = await projectsWithPermission(new JiraTransport('user'), projects.map((project) => project.id), 'BROWSE_PROJECTS');
  return projects.filter((project) => browsable.has(project.id)).map(({ id, key, name }) => ({ id, key, name })).sort((a, b) => a.key.localeCompare(b.key));
}

async function projectFigures(project: { key: string; name: string }, window: readonly string[], today: string): Promise<ProjectFigures> {
  const [loaded, rollups, overduePage] = await Promise.all([
    loadProjectSettings(project.key),
    readRollups(project.key, [...window, OPEN_PERIOD]),
    queryIndex<ActionRecord>(ENTITY.action, 'by-project-due', [project.key], {
      lessThan: today,
      filters: [
        { attribute: 'status', condition: 'notEqualTo', value: 'done' },
        { attribute: 'status', condition: 'notEqualTo', value: 'deleted' },
      ],
      sort: 'ASC',
      limit: OVERDUE_PER_PROJECT,
    }),
  ]);
  const { settings } = loaded;
  const months = new Map<string, Counters>(window.map((month) => [month, rollups.get(month)?.counters ?? {}]));
  const yearly = computeKpis(months, window, 'year', { significantSeverities: settings.significantSeverities, reviewTargetDays: settings.reviewTargetDays }, TREND_MONTHS);
  const open = openWork(rollups.get(OPEN_PERIOD)?.counters ?? {}, today);
  const overdue = overduePage.items.map(({ value }): GlobalOverdueAction => {
    const action = actionOfRecord(value);
    return {
      projectKey: project.key,
      actionId: action.id,
      ...(action.jira === undefined ? {} : { jiraIssueKey: action.jira.issueKey }),
      summary: action.summary,
      ownerAccountId: action.ownerAccountId,
      targetDate: action.targetDate,
      daysOverdue: daysOverdue(action, today),
      incidentKey: action.incident.issueKey,
    };
  });
  return {
    row: {
      projectKey: project.key,
      name: project.name,
      incidentsLastYear: yearly.find((kpi) => kpi.id === 'incidents')?.current.value ?? 0,
      reviewsOnTime: yearly.find((kpi) => kpi.id === PER_PROJECT_KPI)?.current ?? { value: null },
      reviewTargetDays: settings.reviewTargetDays,
      openActions: open.openActions,
      overdue: open.overdue,
      awaitingApproval: open.reviewsByStage.awaiting_approval,
    },
    settings,
    rollups,
    overdue,
    overdueMore: open.overdue > overdue.length,
  };
}

/** Categories of every project's taxonomy, each key once (the first project's label wins). */
function mergedTaxonomy(settings: readonly ProjectSettings[]): RootCauseTaxonomy {
  const byKey = new Map<string, RootCauseTaxonomy[number]>();
  for (const one of settings) for (const category of fullTaxonomy(one)) if (!byKey.has(category.key)) byKey.set(category.key, category);
  return [...byKey.values()];
}

export async function loadGlobalSummary(now = new Date()): Promise<GlobalSummary> {
  const projects = await visibleIncidentProjects();
  if (projects.length === 0) throw new AppError('FORBIDDEN', NO_VISIBLE_PROJECT);
  const today = dayOf(now);
  const window = lastMonths(today, WINDOW_MONTHS);
  const figures = await Promise.all(projects.map((project) => projectFigures(project, window, today)));
  // Counters add up across projects: the same KPI, trend and open-work functions as one project's page.
  const months = new Map<string, Counters>(window.map((month) => [month, figures.reduce<Counters>((sum, one) => addCounters(sum, one.rollups.get(month)?.counters ?? {}), {})]));
  const openCounters = figures.reduce<Counters>((sum, one) => addCounters(sum, one.rollups.get(OPEN_PERIOD)?.counters ?? {}), {});
  const open = openWork(openCounters, today);
  const taxonomy = mergedTaxonomy(figures.map((one) => one.settings));
  const trendWindow = window.slice(-TREND_MONTHS);
  const kpisFor = (period: PeriodId): Kpi[] => computeKpis(months, window, period, { significantSeverities: [], reviewTargetDays: 0 }, TREND_MONTHS).filter((kpi) => kpi.id !== PER_PROJECT_KPI);
  const periodLabels = (period: PeriodId) => ({ current: rangeLabel(window.slice(-PERIODS[period])), previous: rangeLabel(window.slice(-2 * PERIODS[period], -PERIODS[period])) });
  return {
    today,
    projects: figures.map((one) => one.row),
    periods: { quarter: periodLabels('quarter'), year: periodLabels('year') },
    kpis: { quarter: kpisFor('quarter'), year: kpisFor('year') },
    trendMonths: trendWindow,
    trends: { month: buildTrend(months, trendWindow, 'month', taxonomy), quarter: buildTrend(months, trendWindow, 'quarter', taxonomy) },
    counts: { openActions: open.openActions, overdue: open.overdue, dueSoon: open.dueSoon, reviewsByStage: open.reviewsByStage },
    overdueActions: figures.flatMap((one) => one.overdue).sort((a, b) => b.daysOverdue - a.daysOverdue || a.projectKey.localeCompare(b.projectKey)),
    overdueMoreIn: figures.filter((one) => one.overdueMore).map((one) => one.row.projectKey),
  };
}
