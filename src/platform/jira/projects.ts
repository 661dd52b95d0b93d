import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

const projectSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });
export type JiraProject = z.infer<typeof projectSchema>;

export async function getProject(jira: JiraTransport, projectKey: string): Promise<JiraProject> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/${projectKey}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `project ${projectKey}`);
  return projectSchema.parse(result.body);
}
