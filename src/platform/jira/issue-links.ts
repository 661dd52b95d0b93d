import { route } from '@forge/api';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/**
 * Links two issues (POST /rest/api/3/issueLink): "`from` <outward verb> `to`". Jira keeps one
 * link per type and pair, so repeating the call after a lost response does no harm.
 */
export async function linkIssues(jira: JiraTransport, link: { typeName: string; fromKey: string; toKey: string }): Promise<void> {
  const body = { type: { name: link.typeName }, inwardIssue: { key: link.fromKey }, outwardIssue: { key: link.toKey } };
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issueLink`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }));
  if (result.status !== 201 && result.status !== 200) throw jiraFailure(result, `linking ${link.toKey} to ${link.fromKey}`);
}
