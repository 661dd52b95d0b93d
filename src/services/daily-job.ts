import { AppError } from '../api/errors';
import { dayOf } from '../domain/actions';
import {
  addTotals,
  afterDiscovery,
  afterFailure,
  afterUnit,
  currentProject,
  leasedByOther,
  startDay,
  type JobProgress,
  type JobTotals,
  type ProjectStep,
} from '../domain/reminders';
import type { ReviewStage } from '../domain/review';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, transact } from '../platform/store';
import { judgeProjectEffectiveness } from './actions-effectiveness';
import { addToRegistry, discoverProjectsPage, readRegistry } from './daily-job-registry';
import { remindActionsPage, remindReviewsPage, type PageResult } from './reminders';
import { refreshOverduePage, repairPropertiesPage } from './property-sync';
import { recomputeProjectRollups } from './rollups-recompute';
import { loadProjectSettings } from './settings-store';

/**
 * The daily job (scheduledTrigger, runs as the app): per project with app data — action
 * reminders, late-review reminders, effectiveness judgement, rollup repair (the dashboard's
 * `recomputeProjectRollups`, itself resumable by cursor).
 *
 * Chunked and resumable: the work is cut into units of at most one storage page (≤ 20 items); the
 * progress (day, project, step, cursor) is stored after every unit, so a run that reaches its
 * deadline stops and the next run resumes where it stopped. A new day starts over.
 *
 * Safe to fire twice or concurrently: a run takes a lease on the progress record with a
 * conditional write (one run works on a day at a time; a run that finds a live lease leaves), every
 * progress write is conditional on the version it read (a run that lost its lease stops at once),
 * and each reminder is claimed per subject and day before it is sent (see reminders.ts).
 */

export const JOB_KEY = 'daily-job';
/** Forge stops a scheduled function at 900 s; the job stops starting new units well before. */
export const DEFAULT_BUDGET_MS = 800_000;
/** A lease outlives the longest possible run, so only a crashed run's lease expires while unused. */
const LEASE_MARGIN_MS = 120_000;

export interface JobRecord {
  version: number;
  updatedAt: number;
  document: JobProgress;
}

export interface DailyJobOptions {
  now: Date;
  runId: string;
  /** Time budget of this run in ms (default 800 s); at least one unit is always done. */
  budgetMs?: number;
  /** The clock the budget is measured with (tests may inject one). */
  clock?: () => number;
}

export type DailyJobStatus = 'finished' | 'paused' | 'already-done' | 'busy' | 'lost-lease';

export interface DailyJobOutcome {
  status: DailyJobStatus;
  day: string;
  units: number;
  progress?: JobProgress;
}

/** The rollup repair step's signature (the dashboard's `recomputeProjectRollups`, resumable by cursor). */
export type RollupRepair = (projectKey: string, cursor: string | undefined, budgetMs: number) => Promise<{ done: boolean; cursor?: string }>;

/** A rollup unit gets the run's remaining time, but at least enough to make progress and at most a minute. */
const ROLLUP_UNIT_MS = { min: 2_000, max: 60_000 };

const recompute: RollupRepair = (projectKey, cursor, budgetMs) => recomputeProjectRollups(projectKey, cursor, { budgetMs });
let rollupRepair: RollupRepair = recompute;
/** Tests may replace the repair step (undefined restores the dashboard's). */
export const registerRollupRepair = (repair: RollupRepair | undefined): void => {
  rollupRepair = repair ?? recompute;
};

/** Discovery runs on the first day and weekly after that, so a project whose registration failed is found again. */
const needsDiscovery = (registry: Awaited<ReturnType<typeof readRegistry>>, now: Date): boolean =>
  registry === undefined || !registry.document.backfilled || (now.getUTCDay() === 0 && registry.document.discoveredOn !== dayOf(now));

export const readJob = (): Promise<JobRecord | undefined> => getRecord<JobRecord>(ENTITY.jobState, JOB_KEY);

async function writeJob(progress: JobProgress, base: JobRecord | undefined): Promise<JobRecord> {
  const next: JobRecord = { version: (base?.version ?? 0) + 1, updatedAt: Date.now(), document: progress };
  await transact([{ entity: ENTITY.jobState, key: JOB_KEY, value: next, expect: base === undefined ? 'absent' : base.version }]);
  return next;
}

const isConflict = (error: unknown): boolean => error instanceof AppError && error.code === 'CONFLICT';

type Acquired = { kind: 'acquired'; record: JobRecord } | { kind: 'done'; outcome: DailyJobOutcome };

/** Reads today's progress (starting the day if needed) and takes the lease, or says why not. */
async function acquire(options: DailyJobOptions, deadline: number): Promise<Acquired> {
  const day = dayOf(options.now);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const record = await readJob();
    let progress = record?.document.day === day ? record.document : undefined;
    if (progress === undefined) {
      const registry = await readRegistry();
      progress = startDay(day, options.now.toISOString(), registry?.document.projects ?? [], needsDiscovery(registry, options.now));
    }
    if (progress.phase === 'done' && record?.document.day === day) return { kind: 'done', outcome: { status: 'already-done', day, units: 0, progress } };
    if (leasedByOther(progress, options.runId, Date.now())) return { kind: 'done', outcome: { status: 'busy', day, units: 0, progress } };
    try {
      const leased: JobProgress = { ...progress, runs: progress.runs + 1, lease: { runId: options.runId, until: deadline + LEASE_MARGIN_MS } };
      return { kind: 'acquired', record: await writeJob(leased, record) };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return { kind: 'done', outcome: { status: 'busy', day, units: 0 } };
}

const REVIEW_STEPS: Partial<Record<ProjectStep, ReviewStage>> = {
  'review-reminders:draft': 'draft',
  'review-reminders:in_review': 'in_review',
  'review-reminders:awaiting_approval': 'awaiting_approval',
};

async function judge(projectKey: string, now: Date): Promise<PageResult> {
  // A concurrent judgement of the same action conflicts; judged actions are skipped, so once more finishes it.
  const run = await judgeProjectEffectiveness(projectKey, now).catch((error: unknown) => {
    if (isConflict(error)) return judgeProjectEffectiveness(projectKey, now);
    throw error;
  });
  return { done: true, totals: { judged: run.judged } };
}

/** One bounded unit of a project's step. */
async function workUnit(progress: JobProgress, now: Date, runId: string, remainingMs: number): Promise<PageResult> {
  const projectKey = currentProject(progress);
  if (projectKey === undefined) return { done: true, totals: {} };
  const { settings } = await loadProjectSettings(projectKey);
  const step = progress.step;
  const stage = REVIEW_STEPS[step];
  if (step === 'action-reminders') return remindActionsPage(projectKey, settings, now, runId, progress.cursor);
  if (stage !== undefined) return remindReviewsPage(projectKey, stage, settings, now, runId, progress.cursor);
  if (step === 'effectiveness') return judge(projectKey, now);
  if (step === 'jira-properties:repair' || step === 'jira-properties:overdue') {
    const page = await (step === 'jira-properties:repair' ? repairPropertiesPage : refreshOverduePage)(projectKey, now, progress.cursor);
    return { done: page.done, ...(page.cursor === undefined ? {} : { cursor: page.cursor }), totals: { propertiesWritten: page.outcome.written } };
  }
  const budget = Math.min(ROLLUP_UNIT_MS.max, Math.max(ROLLUP_UNIT_MS.min, remainingMs));
  const repaired = await rollupRepair(projectKey, progress.cursor, budget);
  return { done: repaired.done, ...(repaired.cursor === undefined ? {} : { cursor: repaired.cursor }), totals: {} };
}

async function discoveryUnit(progress: JobProgress, now: Date): Promise<JobProgress> {
  const page = await discoverProjectsPage(progress.cursor);
  if (!page.done) return afterDiscovery(progress, page, progress.projects, now.toISOString());
  const projects = await addToRegistry([], { day: dayOf(now) });
  return afterDiscovery(progress, page, projects, now.toISOString());
}

export async function runDailyJob(options: DailyJobOptions): Promise<DailyJobOutcome> {
  const clock = options.clock ?? Date.now;
  const deadline = clock() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const acquired = await acquire(options, deadline);
  if (acquired.kind === 'done') return acquired.outcome;
  let record = acquired.record;
  let units = 0;
  const at = () => options.now.toISOString();
  while (record.document.phase !== 'done' && (units === 0 || clock() < deadline)) {
    const progress = record.document;
    let next: JobProgress;
    try {
      if (progress.phase === 'discover') {
        next = await discoveryUnit(progress, options.now);
      } else {
        const page = await workUnit(progress, options.now, options.runId, deadline - clock());
        next = { ...afterUnit(progress, page, at()), totals: addTotals(progress.totals, { ...page.totals, units: 1 } satisfies Partial<JobTotals>) };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unknown error';
      logEvent('daily-job-unit-failed', { level: 'error', project: currentProject(progress), step: progress.step, message: message.slice(0, 200) });
      next = afterFailure(progress, message, at());
    }
    units += 1;
    try {
      record = await writeJob(next, record);
    } catch (error) {
      if (!isConflict(error)) throw error;
      logEvent('daily-job', { day: progress.day, status: 'lost-lease', units });
      return { status: 'lost-lease', day: progress.day, units };
    }
  }
  // Release the lease so the next run (or tomorrow's) can start at once.
  const { lease: _lease, ...released } = record.document;
  try {
    record = await writeJob(released, record);
  } catch (error) {
    if (!isConflict(error)) throw error;
    return { status: 'lost-lease', day: record.document.day, units };
  }
  const status: DailyJobStatus = record.document.phase === 'done' ? 'finished' : 'paused';
  const { totals } = record.document;
  logEvent('daily-job', { day: record.document.day, status, units, actionReminders: totals.actionReminders, reviewReminders: totals.reviewReminders, unconfirmed: totals.unconfirmed, judged: totals.judged, propertiesWritten: totals.propertiesWritten });
  return { status, day: record.document.day, units, progress: record.document };
}
