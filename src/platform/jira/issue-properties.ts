import { route } from '@forge/api';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/** Sets an issue entity property (PUT, idempotent). */
export async function setIssueProperty(jira: JiraTransport, issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void> {
  const result = await jira.send((requester) =>
    requester.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(value) }),
  );
  if (result.status !== 200 && result.status !== 201) throw jiraFailure(result, `recording the action on ${issueIdOrKey}`);
}
