import { randomUUID } from 'node:crypto';
import type { DecisionsView } from '../api/decisions';
import { AppError } from '../api/errors';
import {
  ACTION_PROPERTY_KEY,
  DEFAULT_KIND_FOR,
  addCalendarDays,
  dayOf,
  isoInstant,
  editDraftAction,
  planAction,
  statusFromCategory,
  verifyAction as verifyActionRule,
  type Action,
  type ActionKind,
} from '../domain/actions';
import { actionPropertyValue } from '../domain/jira-properties';
import { buildRecordAuditEvent, currentDecisions, decisionFor, type RecordAuditEvent } from '../domain/decisions';
import type { Review } from '../domain/review';
import type { RiskTreatment } from '../domain/risks';
import { getActionIssue } from '../platform/jira/action-issues';
import { linkIssues } from '../platform/jira/issue-links';
import { setIssueProperty } from '../platform/jira/issue-properties';
import { JiraTransport } from '../platform/jira/transport';
import type { Grant } from './access';
import { actionsOfIncident, deleteAction, readAction, readCreation, writeActions } from './actions-records';
import { loadDecisionsView, reviewOfIncident } from './decisions';
import { rememberPropertiesSet } from './property-sync';
import { toAppError } from './domain-errors';
import { readRisks, riskLinksOfIncident } from './risks-records';
import { loadProjectSettings } from './settings-store';

/**
 * Planning actions from decisions (R10), editing drafts, linking an existing Jira issue as an
 * action, and verifying completed actions (R11). Creating the Jira issues is actions-create.ts.
 */

export const actionEvent = (action: Action, kind: RecordAuditEvent['kind'], actor: string, at: string, before: unknown, after: unknown, reason?: string): RecordAuditEvent =>
  buildRecordAuditEvent({
    record: { type: 'action', id: action.id, label: action.summary },
    incident: action.incident,
    projectKey: action.incident.projectKey,
    kind,
    by: actor,
    at,
    version: action.version,
    before,
    after,
    ...(reason === undefined ? {} : { reason }),
  });

/** Open risks' treatments per root cause, for "mitigate → treatment actions". */
async function riskTreatments(review: Review): Promise<Map<string, RiskTreatment[]>> {
  const links = await riskLinksOfIncident(review.incident.issueId);
  const risks = await readRisks([...new Set(links.map((link) => link.riskId))]);
  const byRootCause = new Map<string, RiskTreatment[]>();
  for (const link of links) {
    const risk = risks.get(link.riskId);
    if (risk === undefined || risk.status !== 'open') continue;
    byRootCause.set(link.rootCauseId, [...(byRootCause.get(link.rootCauseId) ?? []), risk.treatment]);
  }
  return byRootCause;
}

/** A draft whose issue is being created, or whose create call Jira has not confirmed, must not change under it. */
async function requireSettledDraft(review: Review, actionId: string): Promise<void> {
  const creation = await readCreation(review.incident.issueId);
  if (creation !== undefined && (creation.lockedUntil > Date.now() || creation.document.inFlight.includes(actionId))) {
    throw new AppError('NOT_ALLOWED', 'The Jira issue of this action is being created, or Jira has not confirmed it yet. Run "Create issues" again before changing it.');
  }
}

async function requireAction(review: Review, actionId: string): Promise<Action> {
  const action = await readAction(actionId);
  if (action === undefined || action.incident.issueId !== review.incident.issueId) throw new AppError('NOT_FOUND', 'That action does not exist (any more); reload.', 'actionId');
  return action;
}

/** Plans one or more draft actions from decisions; nothing reaches Jira until "Create issues". */
export async function addActions(issueKey: string, inputs: readonly unknown[], grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const [loaded, existing, treatments] = await Promise.all([loadProjectSettings(review.incident.projectKey), actionsOfIncident(review.incident.issueId), riskTreatments(review)]);
  const at = new Date().toISOString();
  const planned: Action[] = [];
  for (const [index, input] of inputs.entries()) {
    const result = planAction(review, input, { id: randomUUID(), actor, at, defaultDueDays: loaded.settings.actions.defaultDueDays, riskTreatments: treatments, existingCount: existing.length + planned.length });
    if (!result.ok) {
      const error = toAppError(result.error);
      throw inputs.length === 1 ? error : new AppError(error.code, `Action ${index + 1}: ${error.message}`, error.field === undefined ? undefined : `actions.${index}.${error.field.replace(/^action\.?/, '')}`);
    }
    planned.push(result.value);
  }
  await writeActions(planned.map((action) => ({ action, baseVersion: null, event: actionEvent(action, 'action-added', actor, at, {}, action) })));
  return loadDecisionsView(review, grant, actor);
}

export async function updateDraftAction(issueKey: string, actionId: string, baseVersion: number, input: unknown, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const [action] = await Promise.all([requireAction(review, actionId), requireSettledDraft(review, actionId)]);
  const at = new Date().toISOString();
  const edited = editDraftAction(action, input, { actor, at, baseVersion });
  if (!edited.ok) throw toAppError(edited.error);
  if (edited.value.changed) await writeActions([{ action: edited.value.action, baseVersion, previous: action, event: actionEvent(edited.value.action, 'action-updated', actor, at, action, edited.value.action) }]);
  return loadDecisionsView(review, grant, actor);
}

/** A draft can be removed; an action with a Jira issue is part of the record and stays. */
export async function removeDraftAction(issueKey: string, actionId: string, baseVersion: number, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const [action] = await Promise.all([requireAction(review, actionId), requireSettledDraft(review, actionId)]);
  if (action.version !== baseVersion) throw new AppError('CONFLICT', 'This action was changed by someone else — reload to see their change.');
  if (action.status !== 'draft') throw new AppError('NOT_ALLOWED', `This action is the Jira issue ${action.jira?.issueKey ?? ''}; it stays on record. Close or delete the issue in Jira instead.`);
  const at = new Date().toISOString();
  const removed = { ...action, version: action.version + 1, updatedAt: at, updatedBy: actor };
  await deleteAction(action, actionEvent(removed, 'action-removed', actor, at, action, {}));
  return loadDecisionsView(review, grant, actor);
}

/**
 * Links an existing Jira issue as an action of a root cause: the issue is read as the caller
 * (they must see it), linked to the incident with the configured link type, and marked with the
 * app's property so it is found like the issues the app creates.
 */
export async function linkExistingIssue(issueKey: string, rootCauseId: string, jiraIssueKey: string, kind: ActionKind | undefined, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const rootCause = review.rootCauses.find((candidate) => candidate.id === rootCauseId);
  if (rootCause === undefined) throw new AppError('NOT_FOUND', 'That root cause is no longer in the review; reload.', 'rootCauseId');
  const decision = decisionFor(currentDecisions(review.decisions, review.rootCauses), rootCauseId);
  const defaultKind = decision === undefined ? undefined : DEFAULT_KIND_FOR[decision.option];
  if (defaultKind === undefined) throw new AppError('NOT_ALLOWED', 'Record a decision that calls for actions before linking issues to this root cause.', 'rootCauseId');
  if (jiraIssueKey === review.incident.issueKey) throw new AppError('INVALID_INPUT', 'jiraIssueKey: an incident cannot be its own action', 'jiraIssueKey');
  const [existing, loaded] = await Promise.all([actionsOfIncident(review.incident.issueId), loadProjectSettings(review.incident.projectKey)]);
  const jira = new JiraTransport('user');
  const issue = await getActionIssue(jira, jiraIssueKey);
  if (existing.some((action) => action.jira?.issueId === issue.id && action.status !== 'deleted')) return loadDecisionsView(review, grant, actor);
  const at = new Date().toISOString();
  const status = statusFromCategory(issue.fields.status.statusCategory.key) ?? 'todo';
  const action: Action = {
    id: randomUUID(),
    incident: review.incident,
    rootCauseId,
    rootCauseCategory: rootCause.category,
    kind: kind ?? defaultKind,
    summary: issue.fields.summary.slice(0, 255) || issue.key,
    description: '',
    ownerAccountId: issue.fields.assignee?.accountId ?? actor,
    targetDate: issue.fields.duedate ?? addCalendarDays(dayOf(new Date(at)), loaded.settings.actions.defaultDueDays),
    status,
    origin: 'linked',
    jira: { issueId: issue.id, issueKey: issue.key },
    ...(status === 'done' ? { resolvedAt: isoInstant(issue.fields.resolutiondate) ?? isoInstant(issue.fields.updated) ?? at } : {}),
    ...(isoInstant(issue.fields.updated) === undefined ? {} : { observedAt: isoInstant(issue.fields.updated) }),
    version: 1,
    createdAt: at,
    createdBy: actor,
    updatedAt: at,
    updatedBy: actor,
  };
  await linkIssues(jira, { typeName: loaded.settings.actions.linkTypeName, fromKey: review.incident.issueKey, toKey: issue.key });
  // Jira keeps one link per pair and type and the property is a PUT: a retry after a failure here repeats nothing.
  // The property only makes the issue findable like created ones (the trigger finds it by id), so a
  // caller who may link but not edit that issue still gets the action (the sync after the write sets it as the app).
  const property = actionPropertyValue(action);
  const set = await setIssueProperty(jira, issue.id, ACTION_PROPERTY_KEY, property).then(
    () => true,
    (error: unknown) => {
      if (!(error instanceof AppError && error.code === 'FORBIDDEN')) throw error;
      return false;
    },
  );
  if (set) await rememberPropertiesSet([{ issueId: issue.id, propertyKey: ACTION_PROPERTY_KEY, value: property }]);
  await writeActions([{ action, baseVersion: null, event: actionEvent(action, 'action-issue-linked', actor, at, {}, action) }]);
  return loadDecisionsView(review, grant, actor);
}

/** R11: someone other than the owner confirms a done action, with evidence. */
export async function verifyAction(
  issueKey: string,
  input: { actionId: string; baseVersion: number; evidence: string; evidenceLink?: string },
  grant: Grant,
  actor: string,
): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const action = await requireAction(review, input.actionId);
  const at = new Date().toISOString();
  const verified = verifyActionRule(action, { evidence: input.evidence, ...(input.evidenceLink === undefined ? {} : { evidenceLink: input.evidenceLink }) }, { actor, at, baseVersion: input.baseVersion });
  if (!verified.ok) throw toAppError(verified.error);
  await writeActions([{ action: verified.value, baseVersion: action.version, previous: action, event: actionEvent(verified.value, 'action-verified', actor, at, action, verified.value) }]);
  return loadDecisionsView(review, grant, actor);
}
