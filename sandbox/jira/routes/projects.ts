import type { RequestContext, RouteTable } from '../context';
import { JiraError, projectNotFound } from '../errors';
import { projectBean, projectRef, projectRoleBean, projectRolesMap } from '../representations';
import type { ProjectRecord } from '../state/types';

function requireProject(ctx: RequestContext): ProjectRecord {
  const ref = ctx.params['projectIdOrKey'] ?? '';
  const project = ctx.state.projects.byIdOrKey(ref);
  // Like issues, projects the caller cannot browse are reported as missing.
  if (project === undefined || !ctx.permissions.has('BROWSE_PROJECTS', project.id)) throw projectNotFound(ref);
  return project;
}

export const projectRoutes: RouteTable = {
  getProject(ctx) {
    return { status: 200, body: projectBean(ctx.urls, ctx.state, requireProject(ctx)) };
  },

  searchProjects(ctx) {
    const query = (ctx.query.string('query') ?? '').toLowerCase();
    const keys = new Set(ctx.query.list('keys').map((k) => k.toUpperCase()));
    const ids = new Set(ctx.query.list('id'));
    const typeKeys = new Set(ctx.query.list('typeKey'));
    const orderBy = ctx.query.string('orderBy') ?? 'key';
    const matching = ctx.permissions.browsableProjects().filter(
      (p) =>
        (query === '' || p.name.toLowerCase().includes(query) || p.key.toLowerCase().includes(query)) &&
        (keys.size === 0 || keys.has(p.key)) &&
        (ids.size === 0 || ids.has(String(p.id))) &&
        (typeKeys.size === 0 || typeKeys.has(p.projectTypeKey)),
    );
    const descending = orderBy.startsWith('-');
    const field = orderBy.replace(/^[+-]/, '');
    matching.sort((a, b) => {
      const cmp = field === 'name' ? a.name.localeCompare(b.name) : field === 'id' ? a.id - b.id : a.key.localeCompare(b.key);
      return descending ? -cmp : cmp;
    });
    const startAt = Math.max(0, ctx.query.int('startAt', 0));
    const maxResults = Math.max(0, Math.min(ctx.query.int('maxResults', 50), 100));
    const values = matching.slice(startAt, startAt + maxResults).map((p) => projectRef(ctx.urls, p));
    const isLast = startAt + values.length >= matching.length;
    return {
      status: 200,
      body: {
        self: ctx.urls.api(`project/search?startAt=${startAt}&maxResults=${maxResults}`),
        ...(isLast ? {} : { nextPage: ctx.urls.api(`project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}`) }),
        maxResults,
        startAt,
        total: matching.length,
        isLast,
        values,
      },
    };
  },

  getProjectRoles(ctx) {
    return { status: 200, body: projectRolesMap(ctx.urls, ctx.state, requireProject(ctx)) };
  },

  getProjectRole(ctx) {
    const project = requireProject(ctx);
    const roleId = Number(ctx.params['id']);
    const role = ctx.state.catalog.role(roleId);
    if (role === undefined) throw new JiraError(404, [`Can not retrieve a role actor for a null project role.`]);
    return { status: 200, body: projectRoleBean(ctx.urls, ctx.state, project, role) };
  },
};
