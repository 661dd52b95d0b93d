import { z } from 'zod';
import type { CoverageReview, PendingApproval, ReviewCoverage, UnreviewedIncidentsPage } from '../api/dashboard';
import { severityFromPriority, type ReviewStage } from '../domain/review';
import { isSignificant, type ProjectSettings } from '../domain/settings';
import { jqlString, searchJql } from '../platform/jira/issue-search';
import { JiraTransport } from '../platform/jira/transport';
import { ENTITY, getRecords, queryIndex } from '../platform/store';
import { isApprover } from './approvers';
import { reviewKey, type ReviewRecord } from './review-records';
import { loadProjectSettings } from './settings-store';

/**
 * R22 review coverage: reviews stuck in a stage for longer than the project's target, approvals
 * waiting (for the caller, when they are an approver), and — on demand — resolved incidents that
 * have no review at all.
 */
const DAY_MS = 86_400_000;

function coverageReview(record: ReviewRecord, settings: ProjectSettings, now: number): CoverageReview {
  const severity = record.severity === 'unknown' || record.severity === '' ? null : (record.severity as CoverageReview['severity']);
  const since = record.stageSince;
  return {
    issueKey: record.issueKey,
    summary: record.document.facts.summary,
    stage: record.stage,
    severity,
    significant: isSignificant(settings, severity ?? undefined),
    stageSince: new Date(since).toISOString(),
    daysInStage: Math.max(0, Math.floor((now - since) / DAY_MS)),
  };
}

/**
 * Storage cost: the settings, then three indexed queries in parallel (draft and in review past
 * the target, awaiting approval); Jira: whether the caller is an approver (as the app, see approvers.ts).
 */
export async function loadReviewCoverage(projectKey: string, actor: string, now = Date.now()): Promise<ReviewCoverage> {
  const { settings } = await loadProjectSettings(projectKey);
  const threshold = now - settings.reviewTargetDays * DAY_MS;
  const stuckIn = (stage: ReviewStage) =>
    queryIndex<ReviewRecord>(ENTITY.review, 'by-project-stage', [projectKey], { equalTo: stage, filters: [{ attribute: 'stageSince', condition: 'lessThan', value: threshold }], limit: 20 });
  const [draft, inReview, awaiting, approver] = await Promise.all([
    stuckIn('draft'),
    stuckIn('in_review'),
    queryIndex<ReviewRecord>(ENTITY.review, 'by-project-stage', [projectKey], { equalTo: 'awaiting_approval', limit: 20 }),
    isApprover(settings, actor, projectKey),
  ]);
  const awaitingStuck = awaiting.items.filter((item) => item.value.stageSince < threshold);
  const stuck = [...draft.items, ...inReview.items, ...awaitingStuck].map((item) => coverageReview(item.value, settings, now)).sort((a, b) => b.daysInStage - a.daysInStage);
  const awaitingApproval = awaiting.items
    .map(({ value }): PendingApproval => {
      const request = [...value.document.workflow.history].reverse().find((change) => change.to === 'awaiting_approval');
      const requestedBy = request?.by ?? null;
      return { ...coverageReview(value, settings, now), requestedBy, requestedByYou: settings.requireIndependentApprover && requestedBy === actor };
    })
    .sort((a, b) => a.stageSince.localeCompare(b.stageSince));
  return {
    targetDays: settings.reviewTargetDays,
    stuck,
    stuckMore: draft.cursor !== undefined || inReview.cursor !== undefined || awaiting.cursor !== undefined,
    awaitingApproval,
    isApprover: approver,
  };
}

const incidentFieldsSchema = z.object({
  summary: z.string().optional(),
  priority: z.object({ name: z.string() }).nullable().optional(),
  resolutiondate: z.string().nullable().optional(),
});

/** One JQL page per click: enough to find gaps without scanning the project's history at once. */
const PAGE_SIZE = 50;

/**
 * Resolved incidents without a review, one page of Jira's search (as the caller, so Jira shows
 * them only what they may see) at a time, newest resolution first. Cost per page: one Jira search
 * (≤ 50 issues, three fields) and two batch reads of review records.
 */
export async function findUnreviewedIncidents(projectKey: string, pageToken: string | undefined): Promise<UnreviewedIncidentsPage> {
  const { settings } = await loadProjectSettings(projectKey);
  const types = settings.incidentIssueTypes.length > 0 ? settings.incidentIssueTypes : ['Incident'];
  const jql = `project = ${jqlString(projectKey)} AND issuetype in (${types.map(jqlString).join(', ')}) AND statusCategory = Done ORDER BY resolutiondate DESC`;
  const answer = await searchJql(new JiraTransport('user'), {
    jql,
    fields: ['summary', 'priority', 'resolutiondate'],
    maxResults: PAGE_SIZE,
    ...(pageToken === undefined ? {} : { nextPageToken: pageToken }),
  });
  const reviews = await getRecords<ReviewRecord>(ENTITY.review, answer.issues.map((issue) => reviewKey(issue.id)));
  const items = answer.issues.flatMap((issue) => {
    if (reviews.has(reviewKey(issue.id)) || issue.key === undefined) return [];
    const fields = incidentFieldsSchema.safeParse(issue.fields ?? {});
    const priority = fields.success ? (fields.data.priority?.name ?? null) : null;
    const severity = severityFromPriority(priority, settings.severityMapping) ?? null;
    return [{
      issueKey: issue.key,
      summary: fields.success ? (fields.data.summary ?? '') : '',
      priority,
      severity,
      significant: isSignificant(settings, severity ?? undefined),
      resolved: fields.success ? (fields.data.resolutiondate ?? null) : null,
    }];
  });
  return { items, checked: answer.issues.length, ...(answer.nextPageToken === undefined ? {} : { nextPageToken: answer.nextPageToken }) };
}
