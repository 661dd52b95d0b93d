import type { RequestContext, RouteTable } from '../context';
import { badRequest, issueNotFound, notAuthenticated, projectNotFound } from '../errors';
import { GLOBAL_PERMISSIONS, PROJECT_PERMISSIONS, isGlobalPermission, isProjectPermission } from '../permission-keys';
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
