import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/**
 * The Jira configuration the project settings page offers and validates against: issue types,
 * projects, link types, priorities, groups and project roles — each read as the admin using the
 * page, so they only ever see and choose what Jira shows them.
 */

const issueTypeSchema = z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() });
const projectWithTypesSchema = z.object({ id: z.string(), key: z.string(), name: z.string(), issueTypes: z.array(issueTypeSchema).default([]) });
export type ProjectWithIssueTypes = z.infer<typeof projectWithTypesSchema>;

/** A project with its issue types (one call), or null when it does not exist or the caller cannot see it. */
export async function getProjectWithIssueTypes(jira: JiraTransport, projectKey: string): Promise<ProjectWithIssueTypes | null> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/${projectKey}?expand=issueTypes`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status === 404) return null;
  if (result.status !== 200) throw jiraFailure(result, `project ${projectKey}`);
  return projectWithTypesSchema.parse(result.body);
}

const projectPageSchema = z.object({ values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })), isLast: z.boolean().optional() });
export const PROJECT_CHOICES_LIMIT = 100;

/** Projects the caller can browse, by name; one page of up to 100 (the select also accepts a typed key). */
export async function searchProjects(jira: JiraTransport): Promise<{ projects: { id: string; key: string; name: string }[]; complete: boolean }> {
  const max = PROJECT_CHOICES_LIMIT;
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/search?orderBy=name&maxResults=${max}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, 'the list of projects');
  const page = projectPageSchema.parse(result.body);
  return { projects: page.values, complete: page.isLast !== false };
}

const prioritiesSchema = z.array(z.object({ id: z.string(), name: z.string() }));

export async function getPriorities(jira: JiraTransport): Promise<{ id: string; name: string }[]> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/priority`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, 'the priorities');
  return prioritiesSchema.parse(result.body).map(({ id, name }) => ({ id, name }));
}

const groupPickerSchema = z.object({ groups: z.array(z.object({ name: z.string() })) });

/** Whether a group of exactly this name exists (an exact query works even without "Browse users and groups"). */
export async function groupExists(jira: JiraTransport, groupName: string): Promise<boolean> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/groups/picker?query=${groupName}&maxResults=50`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, 'the groups');
  return groupPickerSchema.parse(result.body).groups.some((group) => group.name.toLowerCase() === groupName.toLowerCase());
}

const rolesMapSchema = z.record(z.string(), z.string());

/** The project's roles by name, with their ids (taken from the role URLs Jira returns). */
export async function getProjectRoles(jira: JiraTransport, projectKey: string): Promise<{ id: string; name: string }[]> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/${projectKey}/role`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `the roles of project ${projectKey}`);
  return Object.entries(rolesMapSchema.parse(result.body)).flatMap(([name, url]) => {
    const id = /\/role\/(\d+)$/.exec(url)?.[1];
    return id === undefined ? [] : [{ id, name }];
  });
}

const roleSchema = z.object({
  actors: z
    .array(
      z.object({
        type: z.string(),
        actorUser: z.object({ accountId: z.string() }).optional(),
        actorGroup: z.object({ name: z.string().optional(), groupId: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});
export type RoleActors = { accountIds: string[]; groupIds: string[]; groupNames: string[] };

export async function getProjectRoleActors(jira: JiraTransport, projectKey: string, roleId: string): Promise<RoleActors> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/project/${projectKey}/role/${roleId}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `a role of project ${projectKey}`);
  const { actors } = roleSchema.parse(result.body);
  return {
    accountIds: actors.flatMap((actor) => (actor.actorUser ? [actor.actorUser.accountId] : [])),
    groupIds: actors.flatMap((actor) => (actor.actorGroup?.groupId ? [actor.actorGroup.groupId] : [])),
    groupNames: actors.flatMap((actor) => (actor.actorGroup?.name ? [actor.actorGroup.name] : [])),
  };
}

const userGroupsSchema = z.array(z.object({ name: z.string(), groupId: z.string().optional() }));

/** The groups a user belongs to (needs "Browse users and groups": the app has it, most users do not). */
export async function getUserGroups(jira: JiraTransport, accountId: string): Promise<{ name: string; groupId?: string }[]> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/user/groups?accountId=${accountId}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status === 404) return [];
  if (result.status !== 200) throw jiraFailure(result, 'the groups of a user');
  return userGroupsSchema.parse(result.body).map(({ name, groupId }) => (groupId === undefined ? { name } : { name, groupId }));
}
