/**
 * R22 review stages and the transition graph. Kept apart from workflow.ts so the document schema
 * and the checklist can use the stage names without importing the transition logic.
 */
import { z } from 'zod';
import { accountId, instant, list, oneOf, text } from './fields';
import { LIMITS } from './limits';

export const REVIEW_STAGES = ['draft', 'in_review', 'awaiting_approval', 'approved', 'closed'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const STAGE_LABELS: Record<ReviewStage, string> = {
  draft: 'Draft',
  in_review: 'In review',
  awaiting_approval: 'Awaiting approval',
  approved: 'Approved',
  closed: 'Closed',
};

export interface TransitionRule {
  from: ReviewStage;
  to: ReviewStage;
  /** Button text in the panel. */
  action: string;
  /** Going back (rejection, reopening) must say why, so the audit trail explains it. */
  requiresReason: boolean;
}

/**
 * Forward: draft → in review → awaiting approval → approved → closed.
 * Back: withdraw to draft while in review; reject from awaiting approval; reopen an approved
 * or closed review (new facts, a recurrence) — always to "in review", so it must pass approval again.
 */
export const TRANSITION_RULES: readonly TransitionRule[] = [
  { from: 'draft', to: 'in_review', action: 'Submit for review', requiresReason: false },
  { from: 'in_review', to: 'draft', action: 'Back to draft', requiresReason: false },
  { from: 'in_review', to: 'awaiting_approval', action: 'Request approval', requiresReason: false },
  { from: 'awaiting_approval', to: 'in_review', action: 'Reject', requiresReason: true },
  { from: 'awaiting_approval', to: 'approved', action: 'Approve', requiresReason: false },
  { from: 'approved', to: 'closed', action: 'Close', requiresReason: false },
  { from: 'approved', to: 'in_review', action: 'Reopen', requiresReason: true },
  { from: 'closed', to: 'in_review', action: 'Reopen', requiresReason: true },
];

export const findTransitionRule = (from: ReviewStage, to: ReviewStage): TransitionRule | undefined =>
  TRANSITION_RULES.find((rule) => rule.from === from && rule.to === to);

/**
 * Content can be edited in draft and in review only: what the approver approves must be what
 * was submitted, and an approved record changes only after reopening (which voids the approval).
 */
export const isEditableStage = (stage: ReviewStage): boolean => stage === 'draft' || stage === 'in_review';

export const stageChangeSchema = z.object({
  from: oneOf('Previous stage', REVIEW_STAGES),
  to: oneOf('New stage', REVIEW_STAGES),
  by: accountId('Changed by'),
  at: instant('Changed at'),
  reason: text('Reason', LIMITS.longText).optional(),
  /** R8: the approver's comment on approving (a rejection's comment is its reason). */
  comment: text('Comment', LIMITS.longText).optional(),
});

export const workflowStateSchema = z.object({
  stage: oneOf('Review stage', REVIEW_STAGES),
  /** Most recent stage changes, newest last; older ones are in the audit events. */
  history: list('Stage history', stageChangeSchema, LIMITS.workflowHistory),
});

export type StageChange = z.infer<typeof stageChangeSchema>;
export type WorkflowState = z.infer<typeof workflowStateSchema>;
