/**
 * R7 decisions: one per root cause, one of the four options of ISO/IEC 27002 §5.27 (P2), with a
 * rationale, who decided and when. Stored as the `decisions` section of the review document so
 * that they are versioned, audited and approved together with the analysis they rest on.
 *
 * This module imports only the review domain's leaf modules (fields, limits, result, root
 * causes), because review.ts itself imports it to build the document schema.
 */
import { z } from 'zod';
import { accountId, entityId, instant, list, oneOf, requiredText, text } from '../review/fields';
import { LIMITS } from '../review/limits';
import { fail, ok, type FieldIssue, type Result, type ValidationError } from '../review/result';
import type { RootCause } from '../review/root-causes';

export const DECISION_OPTIONS = ['no-further-action', 'corrective-action', 'continual-improvement', 'manage-as-risk'] as const;
export type DecisionOption = (typeof DECISION_OPTIONS)[number];

export const DECISION_LABELS: Record<DecisionOption, string> = {
  'no-further-action': 'No further action',
  'corrective-action': 'Corrective action',
  'continual-improvement': 'Continual improvement',
  'manage-as-risk': 'Manage as a risk',
};

/** What the panel sends: who decided and when are stamped by the server, never taken from the browser. */
export const decisionInputSchema = z.object({
  rootCauseId: entityId('Root cause'),
  option: oneOf('Decision', DECISION_OPTIONS),
  rationale: requiredText('Rationale', LIMITS.longText),
});

export const decisionSchema = decisionInputSchema.extend({
  decidedBy: accountId('Decided by'),
  decidedAt: instant('Decided at'),
});

export type DecisionInput = z.infer<typeof decisionInputSchema>;
export type Decision = z.infer<typeof decisionSchema>;

const distinctRootCauses = (decisions: readonly { rootCauseId: string }[], ctx: z.RefinementCtx): void => {
  const seen = new Set<string>();
  decisions.forEach((decision, index) => {
    if (seen.has(decision.rootCauseId)) ctx.addIssue({ code: 'custom', path: [index, 'rootCauseId'], message: 'Each root cause has exactly one decision' });
    seen.add(decision.rootCauseId);
  });
};

export const decisionsSchema = list('Decisions', decisionSchema, LIMITS.rootCauses).superRefine(distinctRootCauses);
export const decisionInputsSchema = list('Decisions', decisionInputSchema, LIMITS.rootCauses).superRefine(distinctRootCauses);

export type Decisions = z.infer<typeof decisionsSchema>;

/** R20: a policy or procedure the incident showed needs updating (a reference, not a copy). */
export const policyReferenceSchema = z.object({
  id: entityId('Policy reference'),
  title: requiredText('Policy or procedure', LIMITS.shortText),
  /** Document id, version or a link to the document. */
  reference: text('Reference', 500),
});

export const affectedPoliciesSchema = list('Affected policies and procedures', policyReferenceSchema, 30);
export type PolicyReference = z.infer<typeof policyReferenceSchema>;

const sameDecision = (a: DecisionInput, b: DecisionInput): boolean => a.option === b.option && a.rationale === b.rationale;

/**
 * Turns the submitted decisions into stored ones: a decision whose option or rationale changed
 * (or that is new) is stamped with the actor and time; an unchanged one keeps who decided it and
 * when. Every decision must belong to a current root cause of the review.
 */
export function prepareDecisions(
  previous: readonly Decision[],
  value: unknown,
  rootCauses: readonly RootCause[],
  actor: string,
  at: string,
): Result<Decision[], ValidationError> {
  const parsed = decisionInputsSchema.safeParse(value);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({ field: ['decisions', ...issue.path.map(String)].join('.'), message: issue.message }));
    const first = issues[0] ?? { field: 'decisions', message: 'The decisions are not valid' };
    return fail({ code: 'invalid', message: first.message, field: first.field, issues });
  }
  const known = new Set(rootCauses.map((rootCause) => rootCause.id));
  const unknown = parsed.data.findIndex((decision) => !known.has(decision.rootCauseId));
  if (unknown >= 0) {
    const field = `decisions.${unknown}.rootCauseId`;
    const message = 'A decision refers to a root cause that is not in this review (reload to see the current root causes)';
    return fail({ code: 'invalid', message, field, issues: [{ field, message }] });
  }
  const before = new Map(previous.map((decision) => [decision.rootCauseId, decision]));
  const stamped = parsed.data.map(({ rootCauseId, option, rationale }): Decision => {
    const earlier = before.get(rootCauseId);
    const input = { rootCauseId, option, rationale: rationale.trim() };
    return earlier !== undefined && sameDecision(earlier, input)
      ? earlier
      : { ...input, decidedBy: actor, decidedAt: at };
  });
  // Stored in root-cause order, so the record and the report read in the order of the analysis.
  const order = new Map(rootCauses.map((rootCause, index) => [rootCause.id, index]));
  stamped.sort((a, b) => (order.get(a.rootCauseId) ?? 0) - (order.get(b.rootCauseId) ?? 0));
  return ok(stamped);
}

/** Decisions of root causes that still exist (a removed root cause's decision no longer counts). */
export const currentDecisions = (decisions: readonly Decision[], rootCauses: readonly RootCause[]): Decision[] => {
  const known = new Set(rootCauses.map((rootCause) => rootCause.id));
  return decisions.filter((decision) => known.has(decision.rootCauseId));
};

export const decisionFor = (decisions: readonly Decision[], rootCauseId: string): Decision | undefined =>
  decisions.find((decision) => decision.rootCauseId === rootCauseId);
