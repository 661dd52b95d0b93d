/**
 * R22 guards as a checklist: what is still missing before a review can move to a stage.
 * The same list drives the panel ("3 things left before approval") and the refusal in transition().
 */
import type { ChecklistItem } from './checklist-item';
import { TIMESTAMP_FIELDS, TIMESTAMP_LABELS } from './facts';
import { TYPED_LESSON_QUESTIONS } from './lessons';
import type { Review } from './review';
import { REVIEW_STAGES, findTransitionRule, type ReviewStage } from './stages';

export type { ChecklistItem } from './checklist-item';

export interface ChecklistContext {
  /** Who attempts the transition; enables the independent-approver check. */
  actor?: string;
  /** Why the review goes back (rejection, reopening). */
  reason?: string;
  /** Segregation of duties: the approver is not who requested approval. Default true. */
  requireIndependentApprover?: boolean;
  /**
   * Extension point for guards owned by other records, computed by the service and passed in:
   * e.g. `approved` will later require "every root cause has an approved decision" (R7/R8), and
   * `closed` may require "corrective actions created". Keeps this module free of decisions/actions.
   */
  extraItems?: Partial<Record<ReviewStage, readonly ChecklistItem[]>>;
}

const filled = (value: string | undefined): boolean => value !== undefined && value.trim().length > 0;

const item = (id: string, label: string, done: boolean): ChecklistItem => ({ id, label, done });

/** Enough to discuss the incident with the team. */
function readyForReview(review: Review): ChecklistItem[] {
  const { facts, people } = review;
  return [
    item('facts.summary', 'Summary filled in', filled(facts.summary)),
    item('facts.type', 'Incident type chosen (accidental, malicious or environmental)', facts.type !== undefined),
    item('facts.severity', 'Severity chosen', facts.severity !== undefined),
    item('facts.cia', 'Affected confidentiality, integrity or availability chosen', facts.ciaAffected.length > 0),
    item('facts.impact', 'Impact described', filled(facts.impact)),
    item('people.incidentManager', 'Incident manager assigned', people.incidentManager !== undefined),
  ];
}

/** A complete record: facts, analysis and the lessons-learned answers (ISO 27002 §5.27). */
function readyForApproval(review: Review): ChecklistItem[] {
  const { facts, people } = review;
  const missingTimes = TIMESTAMP_FIELDS.filter((field) => facts.timestamps[field] === undefined).map((field) =>
    TIMESTAMP_LABELS[field].toLowerCase(),
  );
  return [
    ...readyForReview(review),
    item('facts.assets', 'Affected assets listed', facts.affectedAssets.length > 0),
    item(
      'facts.timestamps',
      missingTimes.length === 0 ? 'Key times recorded' : `Key times recorded (missing: ${missingTimes.join(', ')})`,
      missingTimes.length === 0,
    ),
    item('facts.remediation', 'Remediation steps recorded', facts.remediationSteps.some((step) => filled(step))),
    item('timeline.entries', 'Timeline has at least one entry', review.timeline.length > 0),
    item(
      'people.meeting',
      'Review meeting date and attendees recorded',
      people.meeting.heldAt !== undefined && people.meeting.attendees.length > 0,
    ),
    item('rootCauses.any', 'At least one root cause identified', review.rootCauses.length > 0),
    ...TYPED_LESSON_QUESTIONS.map((question) =>
      item(`lessons.${question.id}`, `Lessons learned: "${question.question}" answered`, filled(review.lessons[question.id])),
    ),
  ];
}

function independentApprover(review: Review, context: ChecklistContext): ChecklistItem[] {
  if (context.requireIndependentApprover === false || context.actor === undefined) return [];
  const requester = [...review.workflow.history].reverse().find((change) => change.to === 'awaiting_approval')?.by;
  return [
    item(
      'approval.independent',
      'Approved by someone other than the person who requested approval',
      requester === undefined || requester !== context.actor,
    ),
  ];
}

function forwardItems(review: Review, target: ReviewStage, context: ChecklistContext): ChecklistItem[] {
  switch (target) {
    case 'draft':
      return [];
    case 'in_review':
      return readyForReview(review);
    case 'awaiting_approval':
      return readyForApproval(review);
    case 'approved':
      return [...readyForApproval(review), ...independentApprover(review, context)];
    case 'closed':
      return [];
  }
}

const stageOrder = (stage: ReviewStage): number => REVIEW_STAGES.indexOf(stage);

/**
 * The checklist for moving the review from its current stage to `target`. Moving forward
 * checks content; moving back (reject, reopen) only asks for a reason where the rule needs one.
 */
export function checklistFor(review: Review, target: ReviewStage, context: ChecklistContext = {}): ChecklistItem[] {
  const current = review.workflow.stage;
  const goingBack = stageOrder(target) <= stageOrder(current);
  const rule = findTransitionRule(current, target);
  const base = goingBack
    ? rule?.requiresReason
      ? [item('reason', 'Reason given', filled(context.reason))]
      : []
    : forwardItems(review, target, context);
  return [...base, ...(context.extraItems?.[target] ?? []).map((extra) => ({ ...extra }))];
}

export const missingItems = (items: readonly ChecklistItem[]): ChecklistItem[] => items.filter((entry) => !entry.done);
