/**
 * R22 review workflow: moves a review between stages when the transition is allowed and its
 * checklist is complete, recording who and when in the document and in an audit event.
 */
import { buildAuditEvent, type AuditEvent } from './audit-event';
import { checklistFor, missingItems, type ChecklistContext, type ChecklistItem } from './checklist';
import { fail, ok, type Result } from './result';
import type { Review } from './review';
import { LIMITS } from './limits';
import { STAGE_LABELS, TRANSITION_RULES, findTransitionRule, type ReviewStage, type TransitionRule } from './stages';
import { assertWithinStorageLimit } from './storage-limit';
import { checkBaseVersion, stampWrite, type NameOf } from './versioning';

export interface TransitionOptions extends Omit<ChecklistContext, 'actor'> {
  /** The version the person saw; a stale one is refused like any other write. */
  baseVersion?: number;
  nameOf?: NameOf;
  /** The approver's comment when approving (R8); kept in the stage history and the audit event. */
  comment?: string;
}

/** A successful write: the new document to store and the audit event to append with it. */
export interface ReviewWrite {
  review: Review;
  auditEvent: AuditEvent;
}

export interface AvailableTransition extends TransitionRule {
  checklist: ChecklistItem[];
  /** True when every checklist item is done (the reason, if needed, is asked for in the dialog). */
  ready: boolean;
}

/** What the panel can offer from the current stage, each with its checklist. */
export function availableTransitions(review: Review, context: ChecklistContext = {}): AvailableTransition[] {
  return TRANSITION_RULES.filter((rule) => rule.from === review.workflow.stage).map((rule) => {
    const checklist = checklistFor(review, rule.to, context);
    const blocking = checklist.filter((entry) => !entry.done && entry.id !== 'reason');
    return { ...rule, checklist, ready: blocking.length === 0 };
  });
}

export function transition(
  review: Review,
  target: ReviewStage,
  actor: string,
  at: string,
  options: TransitionOptions = {},
): Result<ReviewWrite> {
  if (options.baseVersion !== undefined) {
    const fresh = checkBaseVersion(review, options.baseVersion, options.nameOf);
    if (!fresh.ok) return fresh;
  }
  const from = review.workflow.stage;
  const rule = findTransitionRule(from, target);
  if (!rule) {
    const allowed = TRANSITION_RULES.filter((candidate) => candidate.from === from).map((candidate) => STAGE_LABELS[candidate.to]);
    return fail({
      code: 'transition-not-allowed',
      message: `A review that is ${STAGE_LABELS[from].toLowerCase()} cannot move to ${STAGE_LABELS[target].toLowerCase()}; it can move to: ${allowed.join(', ')}.`,
      field: 'workflow.stage',
    });
  }
  const missing = missingItems(checklistFor(review, target, { ...options, actor }));
  if (missing.length > 0) {
    return fail({
      code: 'guard-failed',
      message: `Still missing before "${rule.action}": ${missing.map((entry) => entry.label).join('; ')}.`,
      missing,
    });
  }
  const reason = options.reason?.trim() ? options.reason.trim().slice(0, LIMITS.longText) : undefined;
  const comment = options.comment?.trim() ? options.comment.trim().slice(0, LIMITS.longText) : undefined;
  const change = { from, to: target, by: actor, at, ...(reason ? { reason } : {}), ...(comment ? { comment } : {}) };
  const next: Review = {
    ...stampWrite(review, actor, at),
    workflow: { stage: target, history: [...review.workflow.history, change].slice(-LIMITS.workflowHistory) },
  };
  const size = assertWithinStorageLimit(next);
  if (!size.ok) return size;
  return ok({
    review: next,
    auditEvent: buildAuditEvent({
      incident: review.incident,
      kind: 'stage-changed',
      section: 'workflow',
      by: actor,
      at,
      version: next.version,
      changes: [{ path: 'workflow.stage', kind: 'changed', before: STAGE_LABELS[from], after: STAGE_LABELS[target] }],
      ...(reason ? { reason } : {}),
      ...(comment ? { comment } : {}),
    }),
  });
}

/** The latest approval still in force (none once the review has been reopened). */
export function currentApproval(review: Review): { by: string; at: string; comment?: string } | undefined {
  if (review.workflow.stage !== 'approved' && review.workflow.stage !== 'closed') return undefined;
  const approval = [...review.workflow.history].reverse().find((change) => change.to === 'approved');
  if (!approval) return undefined;
  return approval.comment === undefined ? { by: approval.by, at: approval.at } : { by: approval.by, at: approval.at, comment: approval.comment };
}
