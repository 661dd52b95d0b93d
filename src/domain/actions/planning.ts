/**
 * Planning actions from decisions: which root causes may get actions (R7 option, R9 treatment),
 * the default kind and target date, and edits to actions that are still drafts.
 */
import { fail, ok, type Result } from '../review/result';
import type { Review } from '../review/review';
import { validate } from '../review/validation';
import { DECISION_LABELS, currentDecisions, decisionFor } from '../decisions/decision';
import type { RiskTreatment } from '../risks/risk';
import { DEFAULT_KIND_FOR, MAX_ACTIONS_PER_INCIDENT, actionInputSchema, type Action } from './action';
import { addCalendarDays, dayOf } from './calendar-date';

export interface PlanContext {
  id: string;
  actor: string;
  at: string;
  defaultDueDays: number;
  /** Treatments of the open risks linked to each root cause. */
  riskTreatments: ReadonlyMap<string, readonly RiskTreatment[]>;
  existingCount: number;
}

/** A draft action for a root cause whose decision calls for one. */
export function planAction(review: Review, input: unknown, context: PlanContext): Result<Action> {
  const parsed = validate(actionInputSchema, input, 'action');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (context.existingCount >= MAX_ACTIONS_PER_INCIDENT) {
    return fail({ code: 'invalid', message: `An incident can have at most ${MAX_ACTIONS_PER_INCIDENT} actions`, field: 'action', issues: [] });
  }
  const rootCause = review.rootCauses.find((candidate) => candidate.id === value.rootCauseId);
  if (rootCause === undefined) return fail({ code: 'not-found', message: 'The root cause of this action is no longer in the review; reload.', field: 'action.rootCauseId' });
  const decision = decisionFor(currentDecisions(review.decisions, review.rootCauses), rootCause.id);
  if (decision === undefined) {
    return fail({ code: 'not-allowed', message: 'Record the decision for this root cause before planning actions.', field: 'action.rootCauseId' });
  }
  const defaultKind = DEFAULT_KIND_FOR[decision.option];
  if (defaultKind === undefined) {
    return fail({ code: 'not-allowed', message: `The decision for this root cause is "${DECISION_LABELS[decision.option]}", so it takes no actions.`, field: 'action.rootCauseId' });
  }
  if (decision.option === 'manage-as-risk') {
    const treatments = context.riskTreatments.get(rootCause.id) ?? [];
    if (!treatments.includes('mitigate')) {
      return fail({
        code: 'not-allowed',
        message: 'A risk that is accepted is only recorded in the register; link a risk to be mitigated before adding treatment actions.',
        field: 'action.rootCauseId',
      });
    }
  }
  const kind = value.kind ?? defaultKind;
  return ok({
    id: context.id,
    incident: review.incident,
    rootCauseId: rootCause.id,
    rootCauseCategory: rootCause.category,
    kind,
    summary: value.summary.trim(),
    description: value.description,
    ownerAccountId: value.ownerAccountId,
    targetDate: value.targetDate ?? addCalendarDays(dayOf(new Date(context.at)), context.defaultDueDays),
    status: 'draft',
    origin: 'created',
    version: 1,
    createdAt: context.at,
    createdBy: context.actor,
    updatedAt: context.at,
    updatedBy: context.actor,
  });
}

/** Edits a draft (summary, description, owner, target date, kind); after creation Jira owns these. */
export function editDraftAction(action: Action, input: unknown, context: { actor: string; at: string; baseVersion: number }): Result<{ action: Action; changed: boolean }> {
  if (context.baseVersion !== action.version) {
    return fail({ code: 'conflict', message: 'This action was changed by someone else — reload to see their change.', changedBy: action.updatedBy, changedAt: action.updatedAt, currentVersion: action.version });
  }
  if (action.status !== 'draft') {
    return fail({ code: 'not-allowed', message: `This action is already the Jira issue ${action.jira?.issueKey ?? '(unknown)'}; change it in Jira.`, field: 'action' });
  }
  const parsed = validate(actionInputSchema, { ...input as object, rootCauseId: action.rootCauseId }, 'action');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const next: Action = {
    ...action,
    kind: value.kind ?? action.kind,
    summary: value.summary.trim(),
    description: value.description,
    ownerAccountId: value.ownerAccountId,
    targetDate: value.targetDate ?? action.targetDate,
  };
  const changed = (['kind', 'summary', 'description', 'ownerAccountId', 'targetDate'] as const).some((key) => next[key] !== action[key]);
  return ok({ action: changed ? { ...next, version: action.version + 1, updatedAt: context.at, updatedBy: context.actor } : action, changed });
}
