import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/** Jira permission keys the app asks about (GET /rest/api/3/mypermissions). */
export type JiraPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'CREATE_ISSUES' | 'LINK_ISSUES' | 'ADMINISTER_PROJECTS';

export type PermissionTarget = { issueKey: string } | { projectKey: string };

const myPermissionsResponse = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

/**
 * What the caller may do on one issue or project, answered by Jira itself as that caller.
 * Returns null when Jira says the target does not exist for them (404): to the caller an
 * invisible issue and a missing one must look the same.
 */
export async function myPermissions(
  jira: JiraTransport,
  target: PermissionTarget,
  permissions: readonly JiraPermission[],
): Promise<Set<JiraPermission> | null> {
  const wanted = permissions.join(',');
  const result = await jira.send((requester) =>
    'issueKey' in target
      ? requester.requestJira(route`/rest/api/3/mypermissions?issueKey=${target.issueKey}&permissions=${wanted}`, { method: 'GET', headers: JSON_HEADERS })
      : requester.requestJira(route`/rest/api/3/mypermissions?projectKey=${target.projectKey}&permissions=${wanted}`, { method: 'GET', headers: JSON_HEADERS }),
  );
  if (result.status === 404 || result.status === 400) return null;
  if (result.status !== 200) throw jiraFailure(result, 'checking your permissions');
  const parsed = myPermissionsResponse.parse(result.body);
  return new Set(permissions.filter((key) => parsed.permissions[key]?.havePermission === true));
}

const bulkGrantsSchema = z.object({ projectPermissions: z.array(z.object({ permission: z.string(), projects: z.array(z.number()) })) });

/**
 * Of these projects (by id), the ones where the caller holds `permission` — one
 * `POST /rest/api/3/permissions/check` for all of them, as the caller. Projects they cannot see
 * are simply absent from Jira's answer.
 */
export async function projectsWithPermission(jira: JiraTransport, projectIds: readonly string[], permission: JiraPermission): Promise<Set<string>> {
  if (projectIds.length === 0) return new Set();
  const body = { projectPermissions: [{ permissions: [permission], projects: projectIds.map(Number) }] };
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/permissions/check`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }));
  if (result.status !== 200) throw jiraFailure(result, 'checking your project permissions');
  const grant = bulkGrantsSchema.parse(result.body).projectPermissions.find((entry) => entry.permission === permission);
  return new Set((grant?.projects ?? []).map(String));
}
