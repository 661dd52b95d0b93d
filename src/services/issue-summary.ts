import type { IssueSummary } from '../domain/review';
import type { IncidentIssue } from '../platform/jira/issues';

/** The issue's basic fields from Jira's answer, for the panel and the incident record alike. */
export function issueSummaryOf(issue: IncidentIssue): IssueSummary {
  const { fields } = issue;
  return {
    id: issue.id,
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
