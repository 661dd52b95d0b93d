import type { IssueSummary, PanelView, ReviewHeader } from '../api/views';
import { getIncidentIssue, type IncidentIssue } from '../platform/jira/issues';
import { JiraTransport } from '../platform/jira/transport';
import { ENTITY, getRecord, writeVersioned } from '../platform/store';
import type { Grant } from './access';
import { reviewKey, type ReviewRecord } from './review-records';

function toSummary(issue: IncidentIssue): IssueSummary {
  const { fields } = issue;
  return {
    key: issue.key,
    summary: fields.summary,
    status: fields.status.name,
    issueType: fields.issuetype.name,
    projectKey: fields.project.key,
    projectName: fields.project.name,
    priority: fields.priority?.name ?? null,
    created: fields.created,
    resolved: fields.resolutiondate ?? null,
  };
}

function toHeader(record: ReviewRecord): ReviewHeader {
  return {
    stage: record.stage,
    version: record.version,
    startedAt: record.startedAt,
    startedBy: record.startedBy,
    updatedAt: new Date(record.updatedAt).toISOString(),
    updatedBy: record.updatedBy,
  };
}

/** The whole panel in one view model: the issue as the caller sees it in Jira, and its review if one was started. */
export async function loadPanel(issueKey: string, grant: Grant): Promise<PanelView> {
  // Read as the user: Jira itself decides what they may see of the issue.
  const issue = await getIncidentIssue(new JiraTransport('user'), issueKey);
  const record = await getRecord<ReviewRecord>(ENTITY.review, reviewKey(issue.id));
  return { issue: toSummary(issue), review: record ? toHeader(record) : null, canEdit: grant.permissions.has('EDIT_ISSUES') };
}

/** Starting twice is harmless: the second start finds the review the first one created. */
export async function startReview(issueKey: string, accountId: string, grant: Grant): Promise<PanelView> {
  const issue = await getIncidentIssue(new JiraTransport('user'), issueKey);
  const key = reviewKey(issue.id);
  const existing = await getRecord<ReviewRecord>(ENTITY.review, key);
  if (existing === undefined) {
    const now = new Date();
    const record: ReviewRecord = {
      issueId: issue.id,
      issueKey: issue.key,
      projectKey: issue.fields.project.key,
      stage: 'draft',
      version: 1,
      startedAt: now.toISOString(),
      startedBy: accountId,
      updatedAt: now.getTime(),
      updatedBy: accountId,
    };
    const audit = [{ recordKey: key, projectKey: record.projectKey, at: now.getTime(), accountId, change: { kind: 'review-started', stage: 'draft' } }];
    await writeVersioned(ENTITY.review, key, record, null, audit, (_event, index) => `${key}-audit-${now.getTime()}-${index}`);
  }
  return loadPanel(issueKey, grant);
}
