import { randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import { actionSchema, dayOf, type Action } from '../domain/actions';
import {
  REMINDABLE_STATUSES,
  actionReminderDue,
  actionReminderMessage,
  mayClaim,
  reminderKey,
  remindUpTo,
  reviewPastTarget,
  reviewReminderMessage,
  type JobTotals,
  type Message,
  type ReminderMark,
  type ReminderSubject,
} from '../domain/reminders';
import { parseReview, type Review } from '../domain/review';
import type { RetryPolicy } from '../domain/retry-policy';
import type { ProjectSettings } from '../domain/settings';
import { notifyIssue, type NotifyOutcome, type NotifyRecipients } from '../platform/jira/notify';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, getRecords, queryIndex, transact } from '../platform/store';
import type { ActionRecord } from './actions-records';
import type { ReviewRecord } from './review-records';

/**
 * R17 reminders, sent by the daily job as the app: actions due within the project's lead time or
 * overdue (to the owner, the issue's assignee and — when configured — its watchers), and reviews
 * of significant incidents past their target (to the incident manager, else the incident's
 * assignee). Each as a Jira notification on the issue itself.
 *
 * At most one reminder per subject per day, even when the trigger fires twice or two runs overlap:
 * before sending, the run claims the subject for today with a conditional write on its `reminder`
 * record; only the run whose write lands sends. A send whose answer is lost keeps its claim (it
 * may have gone out — never twice), a send Jira definitely refused gives the claim back so a later
 * run may try again.
 */

export interface ReminderRecord {
  subjectKey: string;
  projectKey: string;
  lastDay: string;
  version: number;
  document: ReminderMark;
}

type SendResult = 'sent' | 'skipped' | 'unconfirmed' | 'refused';

/** Jira asks for the project permission key on `restrict`: only people who may see the issue get it. */
const RESTRICT = ['BROWSE_PROJECTS'];
/** Notifications sent at once per page (bounded, to stay well inside Jira's per-app rate). */
const PARALLEL_SENDS = 5;

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}

async function claim(subject: ReminderSubject, projectKey: string, today: string, runId: string, current: ReminderRecord | undefined): Promise<ReminderRecord | undefined> {
  if (!mayClaim(current, today)) return undefined;
  const mark: ReminderMark = { lastDay: today, ...(current === undefined ? {} : { previousDay: current.lastDay }), claimedAt: new Date().toISOString(), runId };
  const next: ReminderRecord = { subjectKey: reminderKey(subject), projectKey, lastDay: today, version: (current?.version ?? 0) + 1, document: mark };
  try {
    await transact([{ entity: ENTITY.reminder, key: next.subjectKey, value: next, expect: current === undefined ? 'absent' : current.version }]);
    return next;
  } catch (error) {
    // Another run claimed it first: it sends, this one does not.
    if (error instanceof AppError && error.code === 'CONFLICT') return undefined;
    throw error;
  }
}

/** Gives a claim back after Jira definitely did not send, so a later run today may try again. */
async function release(claimed: ReminderRecord): Promise<void> {
  const previous = claimed.document.previousDay ?? '';
  const next: ReminderRecord = { ...claimed, lastDay: previous, version: claimed.version + 1, document: { ...claimed.document, lastDay: previous } };
  await transact([{ entity: ENTITY.reminder, key: claimed.subjectKey, value: next, expect: claimed.version }]).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  });
}

async function claimAndSend(
  subject: ReminderSubject,
  projectKey: string,
  today: string,
  runId: string,
  current: ReminderRecord | undefined,
  send: () => Promise<NotifyOutcome>,
): Promise<SendResult> {
  const claimed = await claim(subject, projectKey, today, runId, current);
  if (claimed === undefined) return 'skipped';
  const outcome = await send().catch((error: unknown): NotifyOutcome => {
    // A refusal we can name (rate limit after retries, permissions) was not sent; anything else may have been.
    if (error instanceof AppError && error.code !== 'INTERNAL' && error.code !== 'UPSTREAM') return { kind: 'refused', status: 0, message: error.message };
    return { kind: 'unknown' };
  });
  if (outcome.kind === 'sent') return 'sent';
  if (outcome.kind === 'unknown') return 'unconfirmed';
  await release(claimed);
  logEvent('reminder-refused', { level: 'info', subject: claimed.subjectKey, status: outcome.status });
  return 'refused';
}

const tally = (results: readonly SendResult[], sentKey: 'actionReminders' | 'reviewReminders'): Partial<JobTotals> => ({
  [sentKey]: results.filter((r) => r === 'sent').length,
  unconfirmed: results.filter((r) => r === 'unconfirmed').length,
  refused: results.filter((r) => r === 'refused').length,
  skipped: results.filter((r) => r === 'skipped').length,
});

/** The daily job may wait longer for Jira than a resolver (it has minutes, not seconds). */
const DAILY_JOB_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000, deadlineMs: 30_000 };

const send = (issueId: string, message: Message, to: NotifyRecipients) => () => notifyIssue(new JiraTransport('app', DAILY_JOB_RETRY), issueId, { ...message, to, restrictToPermissions: RESTRICT });

export interface PageResult {
  done: boolean;
  cursor?: string;
  totals: Partial<JobTotals>;
}

const pageResult = (cursor: string | undefined, totals: Partial<JobTotals>): PageResult => (cursor === undefined ? { done: true, totals } : { done: false, cursor, totals });

/** One page (≤ 20) of a project's open actions due up to the lead time, each reminded at most once today. */
export async function remindActionsPage(projectKey: string, settings: ProjectSettings, now: Date, runId: string, cursor: string | undefined): Promise<PageResult> {
  if (!settings.reminders.enabled) return { done: true, totals: {} };
  const today = dayOf(now);
  // Due dates up to today + lead time, overdue ones included (due < today + lead + 1); the status filter runs in storage.
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-project-due', [projectKey], {
    lessThan: remindUpTo(today, settings.reminders.daysBeforeDue + 1),
    sort: 'ASC',
    anyOf: { attribute: 'status', values: REMINDABLE_STATUSES },
    ...(cursor === undefined ? {} : { cursor }),
  });
  const due = page.items.flatMap(({ value }) => {
    const parsed = actionSchema.safeParse(value.document);
    if (!parsed.success) return [];
    const when = actionReminderDue(parsed.data, today, settings.reminders.daysBeforeDue);
    return when === null ? [] : [{ action: parsed.data, when }];
  });
  if (due.length === 0) return pageResult(page.cursor, {});
  const subjects = due.map(({ action }): ReminderSubject => ({ kind: 'action', actionId: action.id }));
  const marks = await getRecords<ReminderRecord>(ENTITY.reminder, subjects.map(reminderKey));
  const results = await inBatches(due, PARALLEL_SENDS, ({ action, when }: { action: Action; when: NonNullable<ReturnType<typeof actionReminderDue>> }) => {
    const subject: ReminderSubject = { kind: 'action', actionId: action.id };
    const to: NotifyRecipients = { assignee: true, users: [action.ownerAccountId], watchers: settings.reminders.notifyWatchers };
    return claimAndSend(subject, projectKey, today, runId, marks.get(reminderKey(subject)), send(action.jira?.issueId ?? '', actionReminderMessage(action, when), to));
  });
  return pageResult(page.cursor, tally(results, 'actionReminders'));
}

/** One page of a project's reviews in one unapproved stage: late ones of significant incidents get a reminder. */
export async function remindReviewsPage(projectKey: string, stage: Review['workflow']['stage'], settings: ProjectSettings, now: Date, runId: string, cursor: string | undefined): Promise<PageResult> {
  if (!settings.reminders.enabled) return { done: true, totals: {} };
  const today = dayOf(now);
  const page = await queryIndex<ReviewRecord>(ENTITY.review, 'by-project-stage', [projectKey], { equalTo: stage, ...(cursor === undefined ? {} : { cursor }) });
  const late = page.items.flatMap(({ value }) => {
    const parsed = parseReview(value.document);
    if (!parsed.ok) return [];
    const overdue = reviewPastTarget(parsed.value, settings, now);
    return overdue === null ? [] : [{ review: parsed.value, overdue }];
  });
  if (late.length === 0) return pageResult(page.cursor, {});
  const marks = await getRecords<ReminderRecord>(ENTITY.reminder, late.map(({ review }) => reminderKey({ kind: 'review', issueId: review.incident.issueId })));
  const results = await inBatches(late, PARALLEL_SENDS, ({ review, overdue }) => {
    const subject: ReminderSubject = { kind: 'review', issueId: review.incident.issueId };
    const manager = review.people.incidentManager;
    const to: NotifyRecipients = manager === undefined ? { assignee: true } : { users: [manager] };
    return claimAndSend(subject, projectKey, today, runId, marks.get(reminderKey(subject)), send(review.incident.issueId, reviewReminderMessage(review, overdue, settings.reviewTargetDays), to));
  });
  return pageResult(page.cursor, tally(results, 'reviewReminders'));
}

export const newRunId = (): string => randomUUID();
