import { randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import type { ProcessReviewSuggestion, ProcessReviewsView } from '../api/process-review';
import { addCalendarDays, dayOf, OPEN_STATUSES } from '../domain/actions';
import { newProcessReview, processReviewSchema, processReviewStatus, type ProcessReview, type ProcessReviewStatus } from '../domain/process-review';
import { ENTITY, getRecord, queryIndex, transact } from '../platform/store';
import type { Grant } from './access';
import type { ActionRecord } from './actions-records';
import { isApprover } from './approvers';
import { registerProject } from './daily-job-registry';
import { toAppError } from './domain-errors';
import { spawnProcessReviewActions } from './process-review-actions';
import { loadProjectSettings } from './settings-store';

/**
 * R25 the periodic review of the incident process: recorded on the project settings page by a
 * project admin or an approver, kept one record per review (indexed by project and review date),
 * its actions spawned as Jira issues; `processReviewStatus(projectKey)` is the overdue flag for
 * the dashboard.
 */

export interface ProcessReviewRecord {
  processReviewId: string;
  projectKey: string;
  heldOn: string;
  version: number;
  recordedAt: number;
  document: ProcessReview;
}

const recordKey = (projectKey: string, id: string): string => `process-review-${projectKey}-${id}`;

const parse = (record: ProcessReviewRecord): ProcessReview => {
  const parsed = processReviewSchema.safeParse(record.document);
  if (!parsed.success) throw new AppError('INTERNAL', `A stored process review (${record.processReviewId}) could not be read.`);
  return parsed.data;
};

async function latestReview(projectKey: string): Promise<ProcessReview | undefined> {
  const page = await queryIndex<ProcessReviewRecord>(ENTITY.processReview, 'by-project', [projectKey], { sort: 'DESC', limit: 1 });
  const record = page.items[0]?.value;
  return record === undefined ? undefined : parse(record);
}

/** For the dashboard: when the process was last reviewed, when the next review is due, and whether it is overdue. */
export async function processReviewStatusOf(projectKey: string, now: Date = new Date()): Promise<ProcessReviewStatus> {
  return processReviewStatus(await latestReview(projectKey), dayOf(now));
}
export { processReviewStatusOf as processReviewStatus };

async function canRecord(projectKey: string, grant: Grant, actor: string): Promise<boolean> {
  if (grant.permissions.has('ADMINISTER_PROJECTS')) return true;
  const { settings } = await loadProjectSettings(projectKey);
  return isApprover(settings, actor, projectKey);
}

export async function loadProcessReviews(projectKey: string, grant: Promise<Grant> | Grant, actor: string, cursor?: string): Promise<ProcessReviewsView> {
  const [page, loaded] = await Promise.all([
    queryIndex<ProcessReviewRecord>(ENTITY.processReview, 'by-project', [projectKey], { sort: 'DESC', limit: 20, ...(cursor === undefined ? {} : { cursor }) }),
    loadProjectSettings(projectKey),
  ]);
  const reviews = page.items.map((item) => parse(item.value));
  const latest = cursor === undefined ? reviews[0] : await latestReview(projectKey);
  const recordable = await canRecord(projectKey, await grant, actor);
  return {
    projectKey,
    status: processReviewStatus(latest, dayOf(new Date())),
    reviews,
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    canRecord: recordable,
    actionTarget: { projectKey: loaded.settings.actions.projectKey ?? projectKey, issueTypeName: loaded.settings.actions.issueTypeName },
  };
}

async function requireRecorder(projectKey: string, grant: Grant, actor: string): Promise<void> {
  if (!(await canRecord(projectKey, grant, actor))) throw new AppError('FORBIDDEN', 'Only project admins and approvers can record a review of the incident process.');
}

async function saveActions(review: ProcessReview, projectKey: string): Promise<void> {
  const { settings } = await loadProjectSettings(projectKey);
  const actions = await spawnProcessReviewActions(review, settings);
  const next: ProcessReview = { ...review, actions, version: review.version + 1 };
  await transact([{ entity: ENTITY.processReview, key: recordKey(projectKey, review.id), value: toRecord(next), expect: review.version }]);
}

const toRecord = (review: ProcessReview): ProcessReviewRecord => ({
  processReviewId: review.id,
  projectKey: review.projectKey,
  heldOn: review.heldOn,
  version: review.version,
  recordedAt: Date.parse(review.recordedAt),
  document: review,
});

export async function recordProcessReview(projectKey: string, input: unknown, grant: Grant, actor: string): Promise<ProcessReviewsView> {
  await requireRecorder(projectKey, grant, actor);
  const actionCount = Array.isArray((input as { actions?: unknown } | null)?.actions) ? ((input as { actions: unknown[] }).actions.length) : 0;
  const created = newProcessReview(input, { id: randomUUID(), projectKey, actor, at: new Date().toISOString(), actionIds: Array.from({ length: actionCount }, () => randomUUID()) });
  if (!created.ok) throw toAppError(created.error);
  const review = created.value;
  // The record lands first (actions "pending"): whatever Jira does next, the review itself is kept.
  await transact([{ entity: ENTITY.processReview, key: recordKey(projectKey, review.id), value: toRecord(review), expect: 'absent' }]);
  await registerProject(projectKey);
  if (review.actions.length > 0) await saveActions(review, projectKey);
  return loadProcessReviews(projectKey, grant, actor);
}

export async function retryProcessReviewActions(projectKey: string, processReviewId: string, grant: Grant, actor: string): Promise<ProcessReviewsView> {
  await requireRecorder(projectKey, grant, actor);
  const record = await getRecord<ProcessReviewRecord>(ENTITY.processReview, recordKey(projectKey, processReviewId));
  if (record === undefined) throw new AppError('NOT_FOUND', 'That process review does not exist in this project.', 'processReviewId');
  const review = parse(record);
  if (review.actions.some((action) => action.status !== 'created')) await saveActions(review, projectKey);
  return loadProcessReviews(projectKey, grant, actor);
}

/** Counts one index query's matches page by page, up to a cap (shown as "200+"). */
async function count(query: (cursor?: string) => Promise<{ items: unknown[]; cursor?: string }>, cap = 200): Promise<string> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await query(cursor);
    total += page.items.length;
    cursor = page.cursor;
  } while (cursor !== undefined && total < cap);
  return cursor === undefined ? String(total) : `${cap}+`;
}

/**
 * Figures for the period since the last process review (or the last year): what the app can count
 * cheaply from its indexes. The dashboard's KPI service (R19) will supply the full set.
 */
export async function suggestProcessReviewInputs(projectKey: string, now: Date = new Date()): Promise<ProcessReviewSuggestion> {
  const today = dayOf(now);
  const latest = await latestReview(projectKey);
  const periodFrom = latest?.heldOn ?? addCalendarDays(today, -365);
  const since = Date.parse(`${periodFrom}T00:00:00Z`);
  const stage = (value: string) => (cursor?: string) => queryIndex(ENTITY.review, 'by-project-stage', [projectKey], { equalTo: value, ...(cursor === undefined ? {} : { cursor }) });
  const [drafts, inReview, awaiting, approved, closed, overdue, completed] = await Promise.all([
    count(stage('draft')),
    count(stage('in_review')),
    count(stage('awaiting_approval')),
    count(stage('approved')),
    count(stage('closed')),
    count((cursor) => queryIndex<ActionRecord>(ENTITY.action, 'by-project-due', [projectKey], { lessThan: today, anyOf: { attribute: 'status', values: OPEN_STATUSES }, ...(cursor === undefined ? {} : { cursor }) })),
    count((cursor) => queryIndex<ActionRecord>(ENTITY.action, 'by-project-resolved', [projectKey], { atLeast: since, ...(cursor === undefined ? {} : { cursor }) })),
  ]);
  return {
    periodFrom,
    periodTo: today,
    kpis: [
      { label: 'Reviews in progress (draft, in review, awaiting approval)', value: `${drafts} / ${inReview} / ${awaiting}` },
      { label: 'Reviews approved or closed', value: `${approved} / ${closed}` },
      { label: 'Corrective actions overdue today', value: overdue },
      { label: `Corrective actions completed since ${periodFrom}`, value: completed },
    ],
    source: 'Counted from the app’s records today; review and adjust before saving.',
  };
}
