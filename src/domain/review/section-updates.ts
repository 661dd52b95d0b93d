/**
 * Saving one section of a review: version check, stage check, validation, normalisation,
 * audit diff and size check — in that order, so the most useful refusal comes first
 * (a stale editor should reload before fixing validation errors on old data).
 */
import { diffForAudit, type AuditChange } from './audit-diff';
import { prepareDecisions } from '../decisions/decision';
import { buildAuditEvent } from './audit-event';
import { blamelessWarnings, type BlamelessWarning } from './blameless';
import { fail, ok, type Result } from './result';
import { SECTION_SCHEMAS, type Review, type SectionName } from './review';
import { checkRootCauseCategories, type RootCauseTaxonomy } from './root-causes';
import { LIMITS } from './limits';
import { STAGE_LABELS, isEditableStage } from './stages';
import { assertWithinStorageLimit } from './storage-limit';
import { sortTimeline } from './timeline';
import { validate } from './validation';
import { checkBaseVersion, stampWrite, type NameOf } from './versioning';
import type { ReviewWrite } from './workflow';

export interface SectionUpdateContext {
  actor: string;
  at: string;
  /** The `version` of the review the editor loaded. */
  baseVersion: number;
  /** The project's root-cause taxonomy; needed when saving `rootCauses`. */
  taxonomy?: RootCauseTaxonomy;
  /** Display names known in this review, for the blameless hints. */
  knownPeople?: readonly string[];
  nameOf?: NameOf;
}

export type SectionUpdateOutcome =
  | (ReviewWrite & { changed: true; warnings: BlamelessWarning[] })
  /** Nothing changed: the service skips the write (KVS writes cost more than reads). */
  | { changed: false; review: Review; warnings: BlamelessWarning[] };

/**
 * Puts a section value that its own schema has just validated into the review. The value is
 * typed per section by the schema map, which TypeScript cannot relate to `Review[S]` for a
 * generic S, hence Object.assign rather than a cast.
 */
const withSection = (review: Review, section: SectionName, value: unknown): Review =>
  Object.assign({}, review, { [section]: value });

/** Stored sections are canonical: the timeline is always in time order. */
const normalise = (review: Review, section: SectionName): Review =>
  section === 'timeline' ? { ...review, timeline: sortTimeline(review.timeline) } : review;

/** The analysis texts where a person is most likely to be named as the cause. */
function analysisWarnings(review: Review, section: SectionName, knownPeople: readonly string[]): BlamelessWarning[] {
  const check = (text: string, field: string) => blamelessWarnings(text, knownPeople).map((warning) => ({ ...warning, field }));
  switch (section) {
    case 'rootCauses':
      return review.rootCauses.flatMap((rootCause, index) => check(rootCause.text, `rootCauses.${index}.text`));
    case 'fiveWhys':
      return review.fiveWhys.flatMap((chain, chainIndex) =>
        chain.steps.flatMap((step, stepIndex) => check(step.because, `fiveWhys.${chainIndex}.steps.${stepIndex}.because`)),
      );
    case 'fishbone':
      return review.fishbone.causes.flatMap((cause, index) => check(cause.text, `fishbone.causes.${index}.text`));
    default:
      return [];
  }
}

export function applySectionUpdate(
  review: Review,
  section: SectionName,
  value: unknown,
  context: SectionUpdateContext,
): Result<SectionUpdateOutcome> {
  const fresh = checkBaseVersion(review, context.baseVersion, context.nameOf);
  if (!fresh.ok) return fresh;

  const stage = review.workflow.stage;
  // R8: a change to approved decisions is allowed, and sends the review back for approval.
  const reopensApproval = section === 'decisions' && stage === 'approved';
  if (!isEditableStage(stage) && !reopensApproval) {
    return fail({
      code: 'not-editable',
      message:
        stage === 'awaiting_approval'
          ? 'This review is awaiting approval and cannot be changed; ask the approver to send it back to review.'
          : `This review is ${STAGE_LABELS[stage].toLowerCase()}; reopen it to make changes (it will need approval again).`,
      field: section,
    });
  }

  const parsed = section === 'decisions' ? prepareDecisions(review.decisions, value, review.rootCauses, context.actor, context.at) : validate(SECTION_SCHEMAS[section], value, section);
  if (!parsed.ok) return parsed;
  const candidate = normalise(withSection(review, section, parsed.value), section);

  if (section === 'rootCauses') {
    if (!context.taxonomy) {
      return fail({ code: 'invalid', message: "Root causes can only be saved with the project's taxonomy", field: section, issues: [] });
    }
    const categories = checkRootCauseCategories(candidate.rootCauses, review.rootCauses, context.taxonomy);
    if (!categories.ok) return categories;
  }

  const warnings = analysisWarnings(candidate, section, context.knownPeople ?? []);
  const changes = diffForAudit(review[section], candidate[section], section);
  if (changes.length === 0) return ok({ changed: false, review, warnings });

  const reopened = reopensApproval ? reopenForApproval(candidate, context.actor, context.at) : undefined;
  const updated = stampWrite(reopened?.review ?? candidate, context.actor, context.at);
  const size = assertWithinStorageLimit(updated);
  if (!size.ok) return size;

  return ok({
    changed: true,
    review: updated,
    warnings,
    auditEvent: buildAuditEvent({
      incident: review.incident,
      kind: 'section-updated',
      section,
      by: context.actor,
      at: context.at,
      version: updated.version,
      changes: reopened === undefined ? changes : [...changes, reopened.change],
      ...(reopened === undefined ? {} : { reason: REOPEN_REASON }),
    }),
  });
}

const REOPEN_REASON = 'Decisions changed after approval; they need approval again.';

/** The approval is void once a decision changes: back to "in review", recorded like a reopening. */
function reopenForApproval(review: Review, actor: string, at: string): { review: Review; change: AuditChange } {
  const change = { from: review.workflow.stage, to: 'in_review' as const, by: actor, at, reason: REOPEN_REASON };
  return {
    review: { ...review, workflow: { stage: 'in_review', history: [...review.workflow.history, change].slice(-LIMITS.workflowHistory) } },
    change: { path: 'workflow.stage', kind: 'changed', before: STAGE_LABELS[review.workflow.stage], after: STAGE_LABELS.in_review },
  };
}
