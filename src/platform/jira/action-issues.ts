import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/** The fields of an action's issue the app tracks. */
export const ACTION_ISSUE_FIELDS = ['summary', 'status', 'assignee', 'duedate', 'resolutiondate', 'updated', 'project'] as const;

export const actionIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    status: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
    assignee: z.object({ accountId: z.string() }).nullish(),
    duedate: z.string().nullish(),
    resolutiondate: z.string().nullish(),
    updated: z.string(),
    project: z.object({ key: z.string() }),
  }),
});
export type ActionIssue = z.infer<typeof actionIssueSchema>;

export async function getActionIssue(jira: JiraTransport, issueKey: string): Promise<ActionIssue> {
  const fields = ACTION_ISSUE_FIELDS.join(',');
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fields}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `issue ${issueKey}`);
  return actionIssueSchema.parse(result.body);
}
