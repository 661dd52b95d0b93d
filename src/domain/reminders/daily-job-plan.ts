/**
 * The daily job's progress as a pure state machine, so it can be stored after every bounded unit
 * of work and resumed by the next run: day → (discover projects once) → for each project, each
 * step, page by page (cursor) → done. Who may work on it is decided by a lease in the same record.
 */

/** What the job does per project, in order. */
export const PROJECT_STEPS = [
  'action-reminders',
  'review-reminders:draft',
  'review-reminders:in_review',
  'review-reminders:awaiting_approval',
  'effectiveness',
  'rollups',
  // After everything that writes actions today: JQL properties left behind by a failed sync, then "overdue" counts.
  'jira-properties:repair',
  'jira-properties:overdue',
] as const;
export type ProjectStep = (typeof PROJECT_STEPS)[number];

export interface JobTotals {
  actionReminders: number;
  reviewReminders: number;
  /** Sends whose answer was lost: maybe delivered, never repeated the same day. */
  unconfirmed: number;
  /** Sends Jira refused (the claim is given back so a later run may try again). */
  refused: number;
  /** Already reminded today (another run, or the trigger fired twice). */
  skipped: number;
  judged: number;
  /** Issue property values written to Jira (JQL mirror repair and overdue refresh). */
  propertiesWritten: number;
  units: number;
}

export interface JobFailure {
  projectKey: string;
  step: ProjectStep | 'discover';
  message: string;
}

export interface JobProgress {
  /** The UTC day this progress belongs to; a new day starts over. */
  day: string;
  phase: 'discover' | 'projects' | 'done';
  /** The projects to visit, fixed when the day's work starts (so resuming never skips or repeats one). */
  projects: string[];
  projectIndex: number;
  step: ProjectStep;
  cursor?: string;
  /** Consecutive failures of the current unit; after MAX_UNIT_FAILURES it is skipped and recorded. */
  failures: number;
  startedAt: string;
  finishedAt?: string;
  /** Runs that worked on this day (a resumed day has more than one). */
  runs: number;
  totals: JobTotals;
  errors: JobFailure[];
  /** The run working on it now, until when (epoch millis). */
  lease?: { runId: string; until: number };
}

export const MAX_UNIT_FAILURES = 3;
const MAX_ERRORS_KEPT = 20;

export const emptyTotals = (): JobTotals => ({ actionReminders: 0, reviewReminders: 0, unconfirmed: 0, refused: 0, skipped: 0, judged: 0, propertiesWritten: 0, units: 0 });

const FIRST_STEP: ProjectStep = PROJECT_STEPS[0];

export function startDay(day: string, at: string, projects: readonly string[], needsDiscovery: boolean): JobProgress {
  const base: JobProgress = { day, phase: needsDiscovery ? 'discover' : 'projects', projects: [...projects].sort(), projectIndex: 0, step: FIRST_STEP, failures: 0, startedAt: at, runs: 0, totals: emptyTotals(), errors: [] };
  return needsDiscovery || projects.length > 0 ? base : { ...base, phase: 'done', finishedAt: at };
}

/** Whether another run is working on the day right now. */
export const leasedByOther = (progress: JobProgress, runId: string, now: number): boolean =>
  progress.lease !== undefined && progress.lease.runId !== runId && progress.lease.until > now;

const withoutCursor = (progress: JobProgress): JobProgress => {
  const { cursor: _cursor, ...rest } = progress;
  return rest;
};

/** After discovery: either the next page of it, or the project list for the day. */
export function afterDiscovery(progress: JobProgress, page: { done: boolean; cursor?: string }, projects: readonly string[], at: string): JobProgress {
  if (!page.done) return { ...progress, failures: 0, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  const next: JobProgress = { ...withoutCursor(progress), failures: 0, phase: 'projects', projects: [...projects].sort(), projectIndex: 0, step: FIRST_STEP };
  return next.projects.length === 0 ? { ...next, phase: 'done', finishedAt: at } : next;
}

/** After one unit of a project step: the same step's next page, the next step, the next project, or done. */
export function afterUnit(progress: JobProgress, page: { done: boolean; cursor?: string }, at: string): JobProgress {
  if (!page.done) return { ...withoutCursor(progress), failures: 0, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  const base = { ...withoutCursor(progress), failures: 0 };
  const stepIndex = PROJECT_STEPS.indexOf(progress.step);
  const nextStep = PROJECT_STEPS[stepIndex + 1];
  if (nextStep !== undefined) return { ...base, step: nextStep };
  const projectIndex = progress.projectIndex + 1;
  if (projectIndex < progress.projects.length) return { ...base, projectIndex, step: FIRST_STEP };
  return { ...base, projectIndex, step: FIRST_STEP, phase: 'done', finishedAt: at };
}

/** A unit failed: try it again (next loop or next run) a few times, then skip it and record why. */
export function afterFailure(progress: JobProgress, message: string, at: string): JobProgress {
  const failures = progress.failures + 1;
  if (failures < MAX_UNIT_FAILURES) return { ...progress, failures };
  const failure: JobFailure = { projectKey: progress.phase === 'discover' ? '*' : (progress.projects[progress.projectIndex] ?? '?'), step: progress.phase === 'discover' ? 'discover' : progress.step, message: message.slice(0, 200) };
  const errors = [...progress.errors, failure].slice(-MAX_ERRORS_KEPT);
  const skipped = progress.phase === 'discover' ? afterDiscovery(progress, { done: true }, progress.projects, at) : afterUnit(progress, { done: true }, at);
  return { ...skipped, errors };
}

export const currentProject = (progress: JobProgress): string | undefined => (progress.phase === 'projects' ? progress.projects[progress.projectIndex] : undefined);

export function addTotals(totals: JobTotals, delta: Partial<JobTotals>): JobTotals {
  const next = { ...totals };
  for (const [key, value] of Object.entries(delta) as [keyof JobTotals, number | undefined][]) next[key] += value ?? 0;
  return next;
}
