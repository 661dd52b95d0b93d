import type { RequestContext, RouteTable } from '../context';
import { JiraError, badRequest, issueNotFound, notAuthenticated, projectNotFound } from '../errors';
import { GLOBAL_PERMISSIONS, PROJECT_PERMISSIONS, isGlobalPermission, isProjectPermission } from '../permission-keys';
import { asObject } from '../json';
import { PermissionService } from '../permissions';
import { userWithGroups } from '../representations';

/** The project a /mypermissions call is scoped to, if any (Jira accepts one of four parameters). */
function scopeProjectId(ctx: RequestContext): number | undefined {
  const { query, state, permissions } = ctx;
  const projectRef = query.string('projectKey') ?? query.string('projectId');
  if (projectRef !== undefined) {
    const project = state.projects.byIdOrKey(projectRef);
    if (project === undefined || !permissions.has('BROWSE_PROJECTS', project.id)) throw projectNotFound(projectRef);
    return project.id;
  }
  const issueRef = query.string('issueKey') ?? query.string('issueId');
  if (issueRef !== undefined) {
    const issue = state.issues.byIdOrKey(issueRef);
    if (issue === undefined || !permissions.canBrowseIssue(issue)) throw issueNotFound();
    return issue.projectId;
  }
  return undefined;
}

export const systemRoutes: RouteTable = {
  getCurrentUser(ctx) {
    const user = ctx.actorAccountId === undefined ? undefined : ctx.state.directory.user(ctx.actorAccountId);
    if (user === undefined) throw notAuthenticated();
    return { status: 200, body: userWithGroups(ctx.urls, ctx.state, user) };
  },

  getMyPermissions(ctx) {
    const keys = ctx.query.list('permissions');
    // The spec marks `permissions` optional, but Jira Cloud has required it since 2019.
    if (keys.length === 0) throw badRequest(['The permissions query parameter is required.']);
    const unknown = keys.filter((key) => !isProjectPermission(key) && !isGlobalPermission(key));
    if (unknown.length > 0) throw badRequest([`Unrecognized permission keys: ${unknown.join(', ')}`]);
    const projectId = scopeProjectId(ctx);
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      if (isGlobalPermission(key)) {
        result[key] = { ...GLOBAL_PERMISSIONS[key], key, type: 'GLOBAL', havePermission: ctx.permissions.hasGlobal(key) };
      } else if (isProjectPermission(key)) {
        // Without a project or issue, Jira answers whether the permission is held in any project.
        const have = projectId === undefined
          ? ctx.state.projects.all().some((p) => ctx.permissions.has(key, p.id))
          : ctx.permissions.has(key, projectId);
        result[key] = { ...PROJECT_PERMISSIONS[key], key, type: 'PROJECT', havePermission: have };
      }
    }
    return { status: 200, body: { permissions: result } };
  },

  /**
   * POST /permissions/check: which of the given projects and issues the caller (or, for admins and
   * apps, `accountId`) holds each permission in. Projects and issues they cannot see are simply
   * left out of the answer, as Jira does.
   */
  getBulkPermissions(ctx) {
    const body = asObject(ctx.body);
    const accountId = typeof body['accountId'] === 'string' ? body['accountId'] : undefined;
    let permissions = ctx.permissions;
    if (accountId !== undefined && accountId !== ctx.actorAccountId) {
      if (!ctx.permissions.hasGlobal('ADMINISTER')) throw new JiraError(403, ['You must be a Jira administrator to check the permissions of other users.']);
      permissions = new PermissionService(ctx.state, { kind: 'user', accountId });
    }
    const asked = Array.isArray(body['projectPermissions']) ? (body['projectPermissions'] as Record<string, unknown>[]) : [];
    const globalAsked = Array.isArray(body['globalPermissions']) ? (body['globalPermissions'] as string[]) : [];
    const unknown = [...globalAsked.filter((key) => !isGlobalPermission(key)), ...asked.flatMap((entry) => (entry['permissions'] as string[]).filter((key) => !isProjectPermission(key)))];
    if (unknown.length > 0) throw badRequest([`Unrecognized permission keys: ${unknown.join(', ')}`]);
    const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
    for (const entry of asked) {
      const projects = (Array.isArray(entry['projects']) ? entry['projects'] : []) as number[];
      const issues = (Array.isArray(entry['issues']) ? entry['issues'] : []) as number[];
      for (const key of entry['permissions'] as string[]) {
        if (!isProjectPermission(key)) continue;
        const grant = grants.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
        for (const projectId of projects) if (ctx.state.projects.byId(projectId) !== undefined && permissions.has(key, projectId)) grant.projects.add(projectId);
        for (const issueId of issues) {
          const issue = ctx.state.issues.byIdOrKey(String(issueId));
          if (issue !== undefined && permissions.canBrowseIssue(issue) && permissions.has(key, issue.projectId)) grant.issues.add(issueId);
        }
        grants.set(key, grant);
      }
    }
    return {
      status: 200,
      body: {
        globalPermissions: globalAsked.filter((key) => isGlobalPermission(key) && permissions.hasGlobal(key)),
        projectPermissions: [...grants].map(([permission, grant]) => ({ permission, projects: [...grant.projects].sort((a, b) => a - b), issues: [...grant.issues].sort((a, b) => a - b) })),
      },
    };
  },

  getServerInfo(ctx) {
    return {
      status: 200,
      body: {
        baseUrl: ctx.urls.base,
        displayUrl: ctx.urls.base,
        version: '1001.0.0-SNAPSHOT',
        versionNumbers: [1001, 0, 0],
        deploymentType: 'Cloud',
        buildNumber: 100294,
        buildDate: '2025-01-01T00:00:00.000+0000',
        serverTime: ctx.now.toISOString().replace('Z', '+0000'),
        scmInfo: 'sandbox',
        serverTitle: 'Jira (sandbox)',
        serverTimeZone: 'Etc/UTC',
      },
    };
  },
};
