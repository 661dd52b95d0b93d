import { AppError } from '../api/errors';
import type { HistoryPage, PanelView, SaveSectionResult, TransitionResult } from '../api/views';
import {
  applySectionUpdate,
  availableTransitions,
  buildAuditEvent,
  createReview,
  factsFromJiraIssue,
  transition,
  type AvailableTransition,
  type Review,
  type ReviewStage,
  type RootCauseTaxonomy,
  type SectionName,
} from '../domain/review';
import { getIncidentIssue, type IncidentIssue } from '../platform/jira/issues';
import { issueSummaryOf } from './issue-summary';
import { JiraTransport } from '../platform/jira/transport';
import { getDisplayName } from '../platform/jira/users';
import { activeFishboneCategories, activeTaxonomy, isIncidentType, type ProjectSettings } from '../domain/settings/project-settings';
import type { Grant } from './access';
import { registerProject } from './daily-job-registry';
import { decideApprovalOf, offeredTransitions } from './decisions';
import { toAppError } from './domain-errors';
import { readHistory, readReview, writeReview } from './review-records';
import { loadProjectSettings } from './settings-store';

/**
 * The post-incident review use cases behind the panel. The incident is always read from Jira as
 * the caller (Jira decides what they may see); its id and project come from Jira, never from
 * the browser.
 */

/** Categories offered for new root causes; the domain keeps retired ones valid on existing root causes. */
const taxonomyFor = async (projectKey: string): Promise<RootCauseTaxonomy> => activeTaxonomy((await loadProjectSettings(projectKey)).settings);

const asUser = () => new JiraTransport('user');

/** People named on the issue, so the blameless hints can spot them in root-cause texts. */
function knownPeople(issue: IncidentIssue): string[] {
  return [issue.fields.assignee?.displayName, issue.fields.reporter?.displayName].filter((name): name is string => name !== undefined);
}

function panelView(issue: IncidentIssue, review: Review | null, grant: Grant, actor: string, settings: ProjectSettings, offered?: AvailableTransition[]): PanelView {
  const canEdit = grant.permissions.has('EDIT_ISSUES');
  return {
    issue: issueSummaryOf(issue),
    review,
    canEdit,
    isIncident: isIncidentType(settings, issue.fields.issuetype.name),
    transitions: review !== null && canEdit ? (offered ?? availableTransitions(review, { actor })) : [],
    taxonomy: activeTaxonomy(settings),
  };
}

/** A stale write's message names who got there first, in words people read. */
async function conflictWithName(review: Review): Promise<AppError> {
  const name = (await getDisplayName(asUser(), review.updatedBy)) ?? 'someone else';
  const at = new Date(review.updatedAt).toISOString().slice(0, 16).replace('T', ' ');
  return new AppError('CONFLICT', `This review was changed by ${name} at ${at} UTC — reload to see their change.`);
}

export interface ExistingReview {
  issue: IncidentIssue;
  review: Review;
}

/** The incident (read as the caller) and its review; resolvers prefetch it while the permission check runs. */
export async function loadExisting(issueKey: string): Promise<ExistingReview> {
  const issue = await getIncidentIssue(asUser(), issueKey);
  const review = await readReview(issue.id);
  if (review === undefined) throw new AppError('NOT_FOUND', `No review has been started for ${issue.key} yet.`);
  return { issue, review };
}

/** Runs alongside the permission check (see readOnly in define.ts): Jira issue, then review and settings together. */
export async function loadPanel(issueKey: string, granted: Promise<Grant>, actor: string): Promise<PanelView> {
  const issue = await getIncidentIssue(asUser(), issueKey);
  const [review, loaded] = await Promise.all([readReview(issue.id), loadProjectSettings(issue.fields.project.key)]);
  const grant = await granted;
  // Awaiting approval, approve/reject are offered to approvers only, with the decisions checklist (R8).
  const offered = review !== undefined && grant.permissions.has('EDIT_ISSUES') ? await offeredTransitions(review, actor, loaded.settings) : undefined;
  return panelView(issue, review ?? null, grant, actor, loaded.settings, offered);
}

/** Starting twice (double click, two people) is harmless: the second start finds the first review. */
export async function startReview(issueKey: string, grant: Grant, actor: string): Promise<PanelView> {
  const issue = await getIncidentIssue(asUser(), issueKey);
  const [existing, loaded] = await Promise.all([readReview(issue.id), loadProjectSettings(issue.fields.project.key)]);
  if (existing !== undefined) return panelView(issue, existing, grant, actor, loaded.settings);
  if (!isIncidentType(loaded.settings, issue.fields.issuetype.name)) {
    throw new AppError('NOT_ALLOWED', `${issue.key} is a ${issue.fields.issuetype.name}, which is not an incident type in this project. A project admin can add it under Project settings → Lessons learned.`);
  }
  const at = new Date().toISOString();
  const created = createReview({
    incident: { issueId: issue.id, issueKey: issue.key, projectKey: issue.fields.project.key },
    actor,
    at,
    facts: factsFromJiraIssue(issue.fields, loaded.settings.severityMapping),
    fishboneCategories: activeFishboneCategories(loaded.settings),
  });
  if (!created.ok) throw toAppError(created.error);
  const review = created.value;
  const event = buildAuditEvent({ incident: review.incident, kind: 'review-created', by: actor, at, version: review.version, changes: [] });
  try {
    await writeReview(review, null, event);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
  await registerProject(review.incident.projectKey); // the daily job visits projects with app data (never fails the start)
  return panelView(issue, (await readReview(issue.id)) ?? review, grant, actor, loaded.settings);
}

export async function saveSection({ issue, review }: ExistingReview, section: SectionName, value: unknown, baseVersion: number, actor: string): Promise<SaveSectionResult> {
  if (baseVersion !== review.version) throw await conflictWithName(review);
  // New root causes must use an active category; the domain lets unchanged ones keep a retired one.
  const taxonomy = section === 'rootCauses' ? await taxonomyFor(review.incident.projectKey) : undefined;
  const outcome = applySectionUpdate(review, section, value, {
    actor,
    at: new Date().toISOString(),
    baseVersion,
    ...(taxonomy === undefined ? {} : { taxonomy }),
    knownPeople: knownPeople(issue),
  });
  if (!outcome.ok) throw toAppError(outcome.error);
  const result = outcome.value;
  if (!result.changed) return { review, transitions: availableTransitions(review, { actor }), warnings: result.warnings, saved: false };
  try {
    await writeReview(result.review, baseVersion, result.auditEvent);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const current = await readReview(review.incident.issueId);
      throw current ? await conflictWithName(current) : error;
    }
    throw error;
  }
  return { review: result.review, transitions: availableTransitions(result.review, { actor }), warnings: result.warnings, saved: true };
}

export async function moveReview({ review }: ExistingReview, target: ReviewStage, baseVersion: number, reason: string | undefined, actor: string): Promise<TransitionResult> {
  if (baseVersion !== review.version) throw await conflictWithName(review);
  // Approving or rejecting is management's decision on the decisions (R8): approver rule, decisions checklist, comment.
  if (review.workflow.stage === 'awaiting_approval' && (target === 'approved' || target === 'in_review')) {
    const decided = await decideApprovalOf(review, target === 'approved' ? 'approve' : 'reject', reason ?? '', baseVersion, actor);
    return { review: decided, transitions: availableTransitions(decided, { actor }) };
  }
  const outcome = transition(review, target, actor, new Date().toISOString(), { baseVersion, ...(reason === undefined || reason === '' ? {} : { reason }) });
  if (!outcome.ok) throw toAppError(outcome.error);
  try {
    await writeReview(outcome.value.review, baseVersion, outcome.value.auditEvent);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      const current = await readReview(review.incident.issueId);
      throw current ? await conflictWithName(current) : error;
    }
    throw error;
  }
  return { review: outcome.value.review, transitions: await offeredTransitions(outcome.value.review, actor) };
}

export async function loadHistory(issueKey: string, cursor: string | undefined): Promise<HistoryPage> {
  const issue = await getIncidentIssue(asUser(), issueKey);
  const page = await readHistory(issue.id, cursor);
  return { events: page.items.map((item) => item.value.change), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
