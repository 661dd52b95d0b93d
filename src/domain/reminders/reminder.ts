/**
 * R17 reminders, as pure rules: which actions are due soon or overdue, which reviews of
 * significant incidents are past their target, the once-a-day claim, and the e-mail texts.
 */
import { addCalendarDays, daysBetween, dayOf, type Action } from '../actions';
import { escapeHtml } from '../communication/escape';
import type { Review } from '../review';
import type { ProjectSettings } from '../settings/project-settings';

/** What a reminder is about; the claim record is keyed by it. */
export type ReminderSubject = { kind: 'action'; actionId: string } | { kind: 'review'; issueId: string };

export const reminderKey = (subject: ReminderSubject): string => (subject.kind === 'action' ? `reminder-action-${subject.actionId}` : `reminder-review-${subject.issueId}`);

/** Open statuses that have a Jira issue to notify on (a draft has none yet). */
export const REMINDABLE_STATUSES = ['todo', 'in-progress'] as const;

export type ActionDue = { kind: 'due-soon'; daysLeft: number } | { kind: 'overdue'; daysOverdue: number };

/** The last due date a run for `today` must look at: due within `daysBeforeDue` days, or overdue. */
export const remindUpTo = (today: string, daysBeforeDue: number): string => addCalendarDays(today, daysBeforeDue);

/** Whether an action gets a reminder today, and which kind; null when not (done, draft, not due yet). */
export function actionReminderDue(action: Pick<Action, 'status' | 'targetDate' | 'jira'>, today: string, daysBeforeDue: number): ActionDue | null {
  if (!(REMINDABLE_STATUSES as readonly string[]).includes(action.status) || action.jira === undefined) return null;
  const daysLeft = daysBetween(today, action.targetDate);
  if (daysLeft < 0) return { kind: 'overdue', daysOverdue: -daysLeft };
  return daysLeft <= daysBeforeDue ? { kind: 'due-soon', daysLeft } : null;
}

/** Review stages that are not approved yet: a significant incident in one of them may be late. */
export const UNAPPROVED_STAGES = ['draft', 'in_review', 'awaiting_approval'] as const;

export interface LateReview {
  /** Whole days past the target (0 on the day it became late). */
  daysLate: number;
  dueOn: string;
}

/**
 * A significant incident's review is late when it is not approved `reviewTargetDays` after the
 * incident was resolved (R22). Reviews without a resolution time or severity are not judged.
 */
export function reviewPastTarget(review: Pick<Review, 'facts' | 'workflow'>, settings: Pick<ProjectSettings, 'significantSeverities' | 'reviewTargetDays'>, now: Date): LateReview | null {
  if (!(UNAPPROVED_STAGES as readonly string[]).includes(review.workflow.stage)) return null;
  const severity = review.facts.severity;
  if (severity === undefined || !settings.significantSeverities.includes(severity)) return null;
  const resolvedAt = review.facts.timestamps.resolvedAt;
  if (resolvedAt === undefined) return null;
  const dueOn = addCalendarDays(dayOf(new Date(resolvedAt)), settings.reviewTargetDays);
  const daysLate = daysBetween(dueOn, dayOf(now));
  return daysLate > 0 ? { daysLate, dueOn } : null;
}

/** The stored claim: the last day a reminder for the subject was claimed (and so sent, or tried once). */
export interface ReminderMark {
  lastDay: string;
  /** The previous claimed day, so a claim whose send Jira definitely refused can be given back. */
  previousDay?: string;
  claimedAt: string;
  runId: string;
}

/** At most one reminder per subject per day: claim only if nothing was claimed today. */
export const mayClaim = (mark: Pick<ReminderMark, 'lastDay'> | undefined, today: string): boolean => mark === undefined || mark.lastDay < today;

export interface Message {
  subject: string;
  textBody: string;
  htmlBody: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const whenDue = (due: ActionDue, targetDate: string): string =>
  due.kind === 'overdue' ? `was due on ${targetDate} (${plural(due.daysOverdue, 'day')} overdue)` : due.daysLeft === 0 ? `is due today (${targetDate})` : `is due on ${targetDate} (in ${plural(due.daysLeft, 'day')})`;

/** The reminder to an action's owner: what, which incident it comes from, when it is due. */
export function actionReminderMessage(action: Pick<Action, 'summary' | 'targetDate' | 'jira' | 'incident'>, due: ActionDue): Message {
  const key = action.jira?.issueKey ?? '';
  const when = whenDue(due, action.targetDate);
  const lead = due.kind === 'overdue' ? 'Overdue corrective action' : 'Corrective action due soon';
  const text = [
    `The corrective action ${key} "${action.summary}" ${when}.`,
    `It was raised in the lessons-learned review of incident ${action.incident.issueKey}.`,
    'Please complete it, or agree a new target date with the incident manager and update the due date in Jira.',
  ];
  return {
    subject: `${lead}: ${key} ${action.summary}`.slice(0, 255),
    textBody: text.join('\n\n'),
    htmlBody: [
      `<p>The corrective action <strong>${escapeHtml(key)}</strong> “${escapeHtml(action.summary)}” ${escapeHtml(when)}.</p>`,
      `<p>It was raised in the lessons-learned review of incident ${escapeHtml(action.incident.issueKey)}.</p>`,
      '<p>Please complete it, or agree a new target date with the incident manager and update the due date in Jira.</p>',
    ].join(''),
  };
}

/** The reminder to whoever is accountable for a late review. */
export function reviewReminderMessage(review: Pick<Review, 'incident' | 'facts' | 'workflow'>, late: LateReview, targetDays: number): Message {
  const key = review.incident.issueKey;
  const stage = review.workflow.stage.replace(/_/g, ' ');
  const summary = review.facts.summary.trim() === '' ? key : review.facts.summary;
  const text = `The post-incident review of ${key} "${summary}" should have been approved by ${late.dueOn} (${targetDays} days after the incident was resolved); it is ${plural(late.daysLate, 'day')} late and still ${stage}.`;
  return {
    subject: `Post-incident review overdue: ${key} ${summary}`.slice(0, 255),
    textBody: `${text}\n\nPlease complete the lessons-learned review in the panel on the incident and request approval.`,
    htmlBody: `<p>${escapeHtml(text)}</p><p>Please complete the lessons-learned review in the panel on the incident and request approval.</p>`,
  };
}
