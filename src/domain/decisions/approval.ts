/**
 * R8 management approval of the decisions. Approval is the review's move from "awaiting
 * approval" to "approved": it needs a decision for every root cause, a risk-register entry for
 * every "manage as a risk" decision, and an approver who matches the project's approver rule
 * (and, by default, is not the person who asked for approval). Rejection sends the review back to
 * "in review" with the approver's comment as the reason.
 */
import {
  STAGE_LABELS,
  currentApproval,
  fail,
  transition,
  type ChecklistItem,
  type Result,
  type Review,
  type ReviewStage,
  type ReviewWrite,
} from '../review';
import { DECISION_LABELS, currentDecisions } from './decision';

export interface ApprovalContext {
  /** Whether the caller matches the approver rule (asked of Jira by the service). */
  isApprover: boolean;
  /** Who may approve, in words: "members of the group isms-approvers". */
  approverRule: string;
  /** Root causes that have at least one risk-register entry linked. */
  riskLinkedRootCauseIds: ReadonlySet<string>;
}

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** The decision part of the "approve" checklist. */
export function decisionChecklist(review: Review, riskLinkedRootCauseIds: ReadonlySet<string>): ChecklistItem[] {
  const decisions = currentDecisions(review.decisions, review.rootCauses);
  const decided = new Set(decisions.map((decision) => decision.rootCauseId));
  const undecided = review.rootCauses.filter((rootCause) => !decided.has(rootCause.id));
  const riskDecisions = decisions.filter((decision) => decision.option === 'manage-as-risk');
  const withoutRisk = riskDecisions.filter((decision) => !riskLinkedRootCauseIds.has(decision.rootCauseId));
  const items: ChecklistItem[] = [
    {
      id: 'decisions.complete',
      label:
        undecided.length === 0
          ? 'A decision with rationale for every root cause'
          : `A decision with rationale for every root cause (missing: ${undecided.map((rootCause) => `"${shorten(rootCause.text)}"`).join(', ')})`,
      done: review.rootCauses.length > 0 && undecided.length === 0,
    },
  ];
  if (riskDecisions.length > 0) {
    items.push({
      id: 'decisions.risks',
      label: `Every "${DECISION_LABELS['manage-as-risk']}" decision has a risk-register entry`,
      done: withoutRisk.length === 0,
    });
  }
  return items;
}

const approverItem = (context: ApprovalContext): ChecklistItem => ({
  id: 'approval.approver',
  label: `Decided by an approver (${context.approverRule})`,
  done: context.isApprover,
});

/**
 * The checklist items the review workflow cannot know by itself (its `extraItems` hook):
 * approving needs the decisions and an approver; rejecting needs an approver.
 */
export function approvalExtraItems(review: Review, context: ApprovalContext): Partial<Record<ReviewStage, ChecklistItem[]>> {
  if (review.workflow.stage !== 'awaiting_approval') return {};
  return {
    approved: [...decisionChecklist(review, context.riskLinkedRootCauseIds), approverItem(context)],
    in_review: [approverItem(context)],
  };
}

export type ApprovalOutcome = 'approve' | 'reject';

export interface ApprovalDecision {
  outcome: ApprovalOutcome;
  comment: string;
  actor: string;
  at: string;
  baseVersion: number;
  requireIndependentApprover: boolean;
}

/** Approves or rejects the decisions of a review awaiting approval. */
export function decideApproval(review: Review, decision: ApprovalDecision, context: ApprovalContext): Result<ReviewWrite> {
  if (review.workflow.stage !== 'awaiting_approval') {
    return fail({
      code: 'transition-not-allowed',
      message: `Only a review awaiting approval can be approved or rejected; this one is ${STAGE_LABELS[review.workflow.stage].toLowerCase()}.`,
      field: 'workflow.stage',
    });
  }
  const comment = decision.comment.trim();
  const extraItems = approvalExtraItems(review, context);
  return decision.outcome === 'approve'
    ? transition(review, 'approved', decision.actor, decision.at, {
        baseVersion: decision.baseVersion,
        requireIndependentApprover: decision.requireIndependentApprover,
        extraItems,
        ...(comment === '' ? {} : { comment }),
      })
    : transition(review, 'in_review', decision.actor, decision.at, { baseVersion: decision.baseVersion, extraItems, reason: comment });
}

export type ApprovalState =
  | { state: 'not-requested' }
  | { state: 'awaiting'; requestedBy: string; requestedAt: string }
  | { state: 'approved'; by: string; at: string; comment?: string }
  | { state: 'rejected'; by: string; at: string; comment: string }
  /** Approved once, then reopened (a decision changed, or new facts): approval must be given again. */
  | { state: 'reopened'; by: string; at: string; reason: string };

/** Where the decisions stand with management, for the panel. */
export function approvalState(review: Review): ApprovalState {
  const approval = currentApproval(review);
  if (approval !== undefined) return { state: 'approved', ...approval };
  const last = review.workflow.history.at(-1);
  if (review.workflow.stage === 'awaiting_approval' && last !== undefined) return { state: 'awaiting', requestedBy: last.by, requestedAt: last.at };
  if (last?.to === 'in_review' && last.from === 'awaiting_approval') return { state: 'rejected', by: last.by, at: last.at, comment: last.reason ?? '' };
  if (last?.to === 'in_review' && (last.from === 'approved' || last.from === 'closed')) return { state: 'reopened', by: last.by, at: last.at, reason: last.reason ?? '' };
  return { state: 'not-requested' };
}
