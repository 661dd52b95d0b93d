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

const projectPageSchema = z.object({ values: z.array(projectSchema) });

/** Jira's project search returns at most 50 projects per page: enough for the incident projects of a site. */
export const MAX_PROJECTS_PER_LOOKUP = 50;

/** The named projects (id, key, name) in one call; unknown keys are simply absent. As the app, this says nothing about who may see them. */
export async function projectsByKeys(jira: JiraTransport, projectKeys: readonly string[]): Promise<JiraProject[]> {
  if (projectKeys.length === 0) return [];
  const query = new URLSearchParams({ maxResults: String(MAX_PROJECTS_PER_LOOKUP) });
  for (const key of projectKeys.slice(0, MAX_PROJECTS_PER_LOOKUP)) query.append('keys', key);
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/search?${query}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, 'looking up projects');
  return projectPageSchema.parse(result.body).values;
}
