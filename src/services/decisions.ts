import type { DecisionsView, RiskView, RootCauseDecisionView } from '../api/decisions';
import { AppError } from '../api/errors';
import { DEFAULT_KIND_FOR, daysOverdue, dayOf, type Action } from '../domain/actions';
import {
  DECISION_LABELS,
  DECISION_OPTIONS,
  approvalExtraItems,
  approvalState,
  currentDecisions,
  decideApproval as decideApprovalRule,
  decisionChecklist,
  decisionFor,
  type ApprovalContext,
  type ApprovalOutcome,
} from '../domain/decisions';
import {
  availableTransitions,
  categoryLabel,
  isEditableStage,
  parseReview,
  type AvailableTransition,
  type Review,
} from '../domain/review';
import { riskLevel, riskScore, type Risk, type RiskLink } from '../domain/risks';
import { fullTaxonomy, type ProjectSettings } from '../domain/settings';
import { getIncidentIssue } from '../platform/jira/issues';
import { JiraTransport } from '../platform/jira/transport';
import { ENTITY, queryIndex } from '../platform/store';
import type { Grant } from './access';
import { actionsOfIncident, readCreation } from './actions-records';
import { isApprover } from './approvers';
import { toAppError } from './domain-errors';
import { readReview, writeReview, type ReviewRecord } from './review-records';
import { readRisks, riskLinksOfIncident } from './risks-records';
import { loadProjectSettings } from './settings-store';

/**
 * Decisions and their approval (R7, R8) and the view model of the panel's "Decisions & actions"
 * section, which also shows the risks (R9) and actions (R10, R11) of each root cause.
 */

/**
 * The review of an incident, found by its issue key through the review index (no Jira call: the
 * middleware has already asked Jira whether the caller may see or edit that key). An issue that
 * moved project since the review was last saved has a new key: then Jira tells us its id.
 */
export async function reviewOfIncident(issueKey: string): Promise<Review> {
  const page = await queryIndex<ReviewRecord>(ENTITY.review, 'issueKey', [], { equalTo: issueKey, limit: 1 });
  const record = page.items[0]?.value;
  if (record !== undefined) {
    const parsed = parseReview(record.document);
    if (!parsed.ok) throw new AppError('INTERNAL', `The stored review of ${issueKey} could not be read (${parsed.error.message}).`);
    return parsed.value;
  }
  const issue = await getIncidentIssue(new JiraTransport('user'), issueKey);
  const review = await readReview(issue.id);
  if (review === undefined) throw new AppError('NOT_FOUND', `No review has been started for ${issue.key} yet: start the review first.`);
  return review;
}

export function approverRuleLabel(settings: ProjectSettings): string {
  return settings.approvers.kind === 'group' ? `members of the group "${settings.approvers.groupName}"` : `the project role "${settings.approvers.roleName}"`;
}

const riskLinkedRootCauses = (links: readonly RiskLink[]): Set<string> => new Set(links.map((link) => link.rootCauseId));

/** Everything the approval rules need beside the review; asks Jira about the approver only when it matters. */
export async function approvalContext(review: Review, settings: ProjectSettings, actor: string, links?: readonly RiskLink[]): Promise<ApprovalContext> {
  const awaiting = review.workflow.stage === 'awaiting_approval';
  const [approver, riskLinks] = await Promise.all([
    awaiting ? isApprover(settings, actor, review.incident.projectKey) : Promise.resolve(false),
    links === undefined ? (awaiting ? riskLinksOfIncident(review.incident.issueId) : Promise.resolve([])) : Promise.resolve(links),
  ]);
  return { isApprover: approver, approverRule: approverRuleLabel(settings), riskLinkedRootCauseIds: riskLinkedRootCauses(riskLinks) };
}

/**
 * The workflow moves the panel offers the caller (R8, R22). While the review awaits approval,
 * approve and reject are offered to approvers only; the moves check again on the server
 * (decideApprovalOf), so this only keeps people from being offered what they may not do.
 */
export async function offeredTransitions(review: Review, actor: string, settings?: ProjectSettings): Promise<AvailableTransition[]> {
  if (review.workflow.stage !== 'awaiting_approval') return availableTransitions(review, { actor });
  const projectSettings = settings ?? (await loadProjectSettings(review.incident.projectKey)).settings;
  const context = await approvalContext(review, projectSettings, actor);
  if (!context.isApprover) return [];
  return availableTransitions(review, { actor, extraItems: approvalExtraItems(review, context), requireIndependentApprover: projectSettings.requireIndependentApprover });
}

/**
 * R8: an approver approves or rejects the decisions. Only someone matching the project's approver
 * rule may (checked here, server side, whatever the browser shows); the approval records who,
 * when and the comment, in the review's history and its audit trail.
 */
export async function decideApprovalOf(review: Review, outcome: ApprovalOutcome, comment: string, baseVersion: number, actor: string): Promise<Review> {
  const { settings } = await loadProjectSettings(review.incident.projectKey);
  // Who may decide comes first, whatever the review's stage or version: a non-approver learns nothing else.
  if (!(await isApprover(settings, actor, review.incident.projectKey))) {
    throw new AppError('FORBIDDEN', `Only ${approverRuleLabel(settings)} may approve or reject the decisions of ${review.incident.issueKey}.`);
  }
  const context = await approvalContext(review, settings, actor);
  if (baseVersion !== review.version) throw new AppError('CONFLICT', 'This review was changed since you loaded it — reload to see the change before deciding.');
  const result = decideApprovalRule(review, { outcome, comment, actor, at: new Date().toISOString(), baseVersion, requireIndependentApprover: settings.requireIndependentApprover }, context);
  if (!result.ok) throw toAppError(result.error);
  await writeReview(result.value.review, baseVersion, result.value.auditEvent);
  return result.value.review;
}

export async function decideApproval(issueKey: string, outcome: ApprovalOutcome, comment: string, baseVersion: number, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const decided = await decideApprovalOf(review, outcome, comment, baseVersion, actor);
  return loadDecisionsView(decided, grant, actor);
}

const toRiskView = (risk: Risk): RiskView => {
  const score = riskScore(risk.likelihood, risk.impact);
  return { ...risk, score, level: riskLevel(score) };
};

function actionsBlockedReason(review: Review, rootCauseId: string, risks: readonly Risk[]): string | null {
  const decision = decisionFor(currentDecisions(review.decisions, review.rootCauses), rootCauseId);
  if (decision === undefined) return 'Record a decision for this root cause first.';
  if (decision.option === 'no-further-action') return 'The decision is "No further action".';
  if (decision.option === 'manage-as-risk' && !risks.some((risk) => risk.treatment === 'mitigate' && risk.status === 'open')) {
    return 'Accepted risks are only recorded in the register; link a risk to be mitigated to add treatment actions.';
  }
  return null;
}

/** The "Decisions & actions" view model from the review and four independent reads. */
export async function loadDecisionsView(review: Review, grant: Grant, actor: string): Promise<DecisionsView> {
  const incident = review.incident;
  const [loaded, actions, links, creation] = await Promise.all([
    loadProjectSettings(incident.projectKey),
    actionsOfIncident(incident.issueId),
    riskLinksOfIncident(incident.issueId),
    readCreation(incident.issueId),
  ]);
  const settings = loaded.settings;
  const [risks, context] = await Promise.all([readRisks([...new Set(links.map((link) => link.riskId))]), approvalContext(review, settings, actor, links)]);
  const canEdit = grant.permissions.has('EDIT_ISSUES');
  const today = dayOf(new Date());
  const taxonomy = fullTaxonomy(settings);
  const decisions = currentDecisions(review.decisions, review.rootCauses);
  const actionView = (action: Action) => ({
    ...action,
    daysOverdue: daysOverdue(action, today),
    canVerify: canEdit && action.status === 'done' && action.verification === undefined && action.ownerAccountId !== actor,
  });
  const rootCauses = review.rootCauses.map((rootCause): RootCauseDecisionView => {
    const decision = decisionFor(decisions, rootCause.id) ?? null;
    const linked = links.filter((link) => link.rootCauseId === rootCause.id).flatMap((link) => {
      const risk = risks.get(link.riskId);
      return risk === undefined ? [] : [risk];
    });
    return {
      rootCause: { ...rootCause, categoryLabel: categoryLabel(taxonomy, rootCause.category) },
      decision,
      actionKind: decision === null ? null : (DEFAULT_KIND_FOR[decision.option] ?? null),
      actionsBlockedReason: actionsBlockedReason(review, rootCause.id, linked),
      risks: linked.map(toRiskView),
      actions: actions.filter((action) => action.rootCauseId === rootCause.id).map(actionView),
    };
  });
  const stage = review.workflow.stage;
  return {
    incident: { ...incident, summary: review.facts.summary },
    stage,
    reviewVersion: review.version,
    canEdit,
    decisionsEditable: canEdit && (isEditableStage(stage) || stage === 'approved'),
    canApprove: stage === 'awaiting_approval' && context.isApprover && canEdit,
    approverRule: context.approverRule,
    approval: approvalState(review),
    approvalChecklist: decisionChecklist(review, context.riskLinkedRootCauseIds),
    canCreateIssues: canEdit && (stage === 'approved' || stage === 'closed'),
    options: DECISION_OPTIONS.map((value) => ({ value, label: DECISION_LABELS[value] })),
    rootCauses,
    affectedPolicies: review.affectedPolicies,
    actionTarget: {
      projectKey: settings.actions.projectKey ?? incident.projectKey,
      issueTypeName: settings.actions.issueTypeName,
      linkTypeName: settings.actions.linkTypeName,
      defaultDueDays: settings.actions.defaultDueDays,
    },
    lastCreation: creation?.document.last ?? null,
    draftCount: actions.filter((action) => action.status === 'draft').length,
    today,
  };
}

export async function loadDecisions(issueKey: string, grant: Grant, actor: string): Promise<DecisionsView> {
  return loadDecisionsView(await reviewOfIncident(issueKey), grant, actor);
}
