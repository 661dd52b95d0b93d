/**
 * R11 follow-up: verification of a completed action by someone other than its owner, the
 * effectiveness judgement (did the same root-cause category recur in the project within the
 * window after completion?), and R17's days overdue.
 */
import { addDays } from 'date-fns';
import { fail, ok, type Result } from '../review/result';
import { validate } from '../review/validation';
import { OPEN_STATUSES, verificationSchema, type Action, type Effectiveness } from './action';
import { daysBetween } from './calendar-date';
import { safeHref } from './adf';

export interface VerificationInput {
  evidence: string;
  evidenceLink?: string;
}

export function verifyAction(action: Action, input: VerificationInput, context: { actor: string; at: string; baseVersion: number }): Result<Action> {
  if (context.baseVersion !== action.version) {
    return fail({ code: 'conflict', message: 'This action was changed since you loaded it — reload and verify again.', changedBy: action.updatedBy, changedAt: action.updatedAt, currentVersion: action.version });
  }
  if (action.status !== 'done') {
    return fail({ code: 'not-allowed', message: 'Only a completed action can be verified; its Jira issue is not done yet.', field: 'verification' });
  }
  if (action.verification !== undefined) {
    return fail({ code: 'not-allowed', message: 'This action has already been verified.', field: 'verification' });
  }
  if (context.actor === action.ownerAccountId) {
    return fail({ code: 'not-allowed', message: 'An action is verified by someone other than its owner (segregation of duties).', field: 'verification' });
  }
  const link = input.evidenceLink?.trim();
  if (link !== undefined && link !== '' && safeHref(link) === undefined) {
    return fail({ code: 'invalid', message: 'The evidence link must be an http(s) address', field: 'verification.evidenceLink', issues: [] });
  }
  const verification = validate(verificationSchema, { by: context.actor, at: context.at, evidence: input.evidence.trim(), ...(link ? { evidenceLink: link } : {}) }, 'verification');
  if (!verification.ok) return verification;
  return ok({ ...action, verification: verification.value, version: action.version + 1, updatedAt: context.at, updatedBy: context.actor });
}

/** An incident that may be a recurrence: when it happened and the categories of its root causes. */
export interface LaterIncident {
  issueId: string;
  issueKey: string;
  occurredAt: string;
  categories: readonly string[];
}

export type EffectivenessJudgement = { verdict: 'pending'; decideAfter: string } | Effectiveness;

/**
 * "Effective" when no other incident in the project with the same root-cause category happened
 * within `windowDays` after completion; "not effective" (with the first recurrence) as soon as one
 * did; "pending" while the window is still open without a recurrence.
 */
export function judgeEffectiveness(
  action: Pick<Action, 'incident' | 'rootCauseCategory' | 'status' | 'resolvedAt'>,
  incidents: readonly LaterIncident[],
  windowDays: number,
  now: Date,
): EffectivenessJudgement | undefined {
  if (action.status !== 'done' || action.resolvedAt === undefined) return undefined;
  const completed = Date.parse(action.resolvedAt);
  const windowEnd = addDays(new Date(completed), windowDays).getTime();
  const recurrence = incidents
    .filter((incident) => incident.issueId !== action.incident.issueId && incident.categories.includes(action.rootCauseCategory))
    .filter((incident) => {
      const occurred = Date.parse(incident.occurredAt);
      return occurred > completed && occurred <= windowEnd;
    })
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))[0];
  const judgedAt = now.toISOString();
  if (recurrence !== undefined) return { verdict: 'not-effective', judgedAt, windowDays, recurrence: { issueId: recurrence.issueId, issueKey: recurrence.issueKey } };
  if (now.getTime() < windowEnd) return { verdict: 'pending', decideAfter: new Date(windowEnd).toISOString() };
  return { verdict: 'effective', judgedAt, windowDays };
}

/** Days past the target date for open work (0 when not overdue or no longer open). */
export function daysOverdue(action: Pick<Action, 'status' | 'targetDate'>, today: string): number {
  if (!OPEN_STATUSES.includes(action.status)) return 0;
  return Math.max(0, daysBetween(action.targetDate, today));
}
