import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/** The fields of an incident issue the app reads; asking for only these keeps Jira's cost low. */
export const INCIDENT_FIELDS = ['summary', 'status', 'issuetype', 'project', 'priority', 'created', 'resolutiondate', 'labels', 'components', 'assignee', 'reporter'] as const;

const named = z.object({ name: z.string() });
export const incidentIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z.object({
    summary: z.string(),
    status: named.extend({ statusCategory: z.object({ key: z.string() }).optional() }),
    issuetype: named.extend({ id: z.string() }),
    project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    priority: named.nullish(),
    created: z.string(),
    resolutiondate: z.string().nullish(),
    labels: z.array(z.string()).default([]),
    components: z.array(named).default([]),
    assignee: z.object({ accountId: z.string(), displayName: z.string() }).nullish(),
    reporter: z.object({ accountId: z.string(), displayName: z.string() }).nullish(),
  }),
});
export type IncidentIssue = z.infer<typeof incidentIssueSchema>;

export async function getIncidentIssue(jira: JiraTransport, issueKey: string): Promise<IncidentIssue> {
  const fields = INCIDENT_FIELDS.join(',');
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fields}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `issue ${issueKey}`);
  return incidentIssueSchema.parse(result.body);
}
