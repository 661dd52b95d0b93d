import type { IssueGlance } from '../api/jira-native';
import { dayOf } from '../domain/actions';
import { glanceLabel, reviewPropertyValue } from '../domain/jira-properties';
import { parseReview } from '../domain/review';
import { ENTITY, queryIndex } from '../platform/store';
import { actionsOfIncident } from './actions-records';
import type { ReviewRecord } from './review-records';

/**
 * The glance on an incident issue. Cost: the review by its issue-key index, then one page of the
 * incident's actions (two storage reads; no Jira call beyond the permission check). Computed live,
 * so it never lags behind the panel (the JQL property's overdue count is refreshed daily).
 */
export async function loadIssueGlance(issueKey: string, now: Date = new Date()): Promise<IssueGlance> {
  const page = await queryIndex<ReviewRecord>(ENTITY.review, 'issueKey', [], { equalTo: issueKey, limit: 1 });
  const record = page.items[0]?.value;
  const parsed = record === undefined ? undefined : parseReview(record.document);
  if (record === undefined || parsed === undefined || !parsed.ok) return { issueKey, label: glanceLabel(undefined), review: null };
  const value = reviewPropertyValue(parsed.value, await actionsOfIncident(record.issueId), dayOf(now));
  return {
    issueKey,
    label: glanceLabel(value),
    review: { stage: value.stage, approval: value.approval, openActions: value.openActions, overdueActions: value.overdueActions },
  };
}
