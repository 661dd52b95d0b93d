import { ACTION_PROPERTY_KEY, bulletList, doc, heading, paragraph, text } from '../domain/actions';
import type { ProcessReview, ProcessReviewAction } from '../domain/process-review';
import type { ProjectSettings } from '../domain/settings';
import { bulkCreateIssues, type IssueCreateRequest } from '../platform/jira/issue-create';
import { jqlString, searchJql } from '../platform/jira/issue-search';
import { JiraTransport } from '../platform/jira/transport';

/**
 * A process review's actions as Jira issues (R25), created as the person recording the review in
 * the project's corrective-action target (project and issue type from the settings), assigned and
 * due. They are kept as references on the process review, not as `action` records: those belong
 * to an incident's root cause and decision (their effectiveness is judged by root-cause
 * recurrence), which a process finding does not have.
 *
 * Idempotent like "Create issues": each issue carries the app's `lessonsLearnedAction` property
 * (actionId + the process review's id in `incidentId`, `source: process-review`), set in the
 * create call; after a lost answer the actions are "unconfirmed" and looked up by that property
 * (JQL) before anything is created again.
 */

export const sourceIdOf = (review: Pick<ProcessReview, 'id'>): string => `process-review-${review.id}`;

function request(review: ProcessReview, action: ProcessReviewAction, settings: ProjectSettings, projectKey: string): IssueCreateRequest {
  const description = doc(
    paragraph(text(`Action from the periodic review of the incident process of project ${review.projectKey}, held on ${review.heldOn} (ISO/IEC 27001 A 5.27, clause 10).`)),
    heading(3, 'Findings of the review'),
    bulletList(review.findings.map((finding) => [text(finding)])),
  );
  return {
    fields: {
      project: { key: projectKey },
      issuetype: { name: settings.actions.issueTypeName },
      summary: action.summary.slice(0, 255),
      description,
      assignee: { accountId: action.ownerAccountId },
      duedate: action.targetDate,
    },
    properties: [{ key: ACTION_PROPERTY_KEY, value: { actionId: action.id, incidentId: sourceIdOf(review), source: 'process-review' } }],
  };
}

async function lookUp(jira: JiraTransport, review: ProcessReview): Promise<Map<string, { issueId: string; issueKey: string }>> {
  const found = new Map<string, { issueId: string; issueKey: string }>();
  const page = await searchJql(jira, { jql: `issue.property[${ACTION_PROPERTY_KEY}].incidentId = ${jqlString(sourceIdOf(review))}`, fields: ['created'], properties: [ACTION_PROPERTY_KEY], maxResults: 50 });
  for (const issue of page.issues) {
    const actionId = (issue.properties?.[ACTION_PROPERTY_KEY] as { actionId?: unknown } | undefined)?.actionId;
    if (typeof actionId === 'string' && issue.key !== undefined && !found.has(actionId)) found.set(actionId, { issueId: issue.id, issueKey: issue.key });
  }
  return found;
}

/** Creates the issues of actions not created yet; returns the actions with their new state. Never creates one twice. */
export async function spawnProcessReviewActions(review: ProcessReview, settings: ProjectSettings): Promise<ProcessReviewAction[]> {
  const jira = new JiraTransport('user');
  let actions = review.actions;
  if (actions.some((action) => action.status === 'unconfirmed')) {
    const found = await lookUp(jira, review);
    actions = actions.map((action) => {
      const issue = found.get(action.id);
      return action.status !== 'created' && issue !== undefined ? { id: action.id, summary: action.summary, ownerAccountId: action.ownerAccountId, targetDate: action.targetDate, status: 'created', jira: issue } : action;
    });
  }
  const todo = actions.filter((action) => action.status !== 'created');
  if (todo.length === 0) return actions;
  const projectKey = settings.actions.projectKey ?? review.projectKey;
  const outcome = await bulkCreateIssues(jira, todo.map((action) => request(review, action, settings, projectKey)));
  const next = new Map<string, ProcessReviewAction>();
  if (outcome.kind === 'answered') {
    // Jira lists the created issues in request order, leaving out the failed elements.
    const failed = new Map(outcome.errors.map((error) => [error.failedElementNumber, error.message]));
    let created = 0;
    todo.forEach((action, index) => {
      const message = failed.get(index);
      const issue = message === undefined ? outcome.issues[created++] : undefined;
      const base = { id: action.id, summary: action.summary, ownerAccountId: action.ownerAccountId, targetDate: action.targetDate };
      next.set(action.id, issue !== undefined ? { ...base, status: 'created', jira: { issueId: issue.id, issueKey: issue.key } } : { ...base, status: 'failed', error: (message ?? 'Jira did not create it').slice(0, 500) });
    });
  } else if (outcome.kind === 'refused') {
    const error = outcome.status === 401 || outcome.status === 403 ? `You may not create issues in ${projectKey}; ask someone who can to retry.` : outcome.message;
    for (const action of todo) next.set(action.id, { ...action, status: 'failed', error });
  } else {
    for (const action of todo) next.set(action.id, { ...action, status: 'unconfirmed' });
  }
  return actions.map((action) => next.get(action.id) ?? action);
}
