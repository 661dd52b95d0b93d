import type { RouteTable } from '../context';
import { JiraError } from '../errors';
import { issueTypeBean, priorityBean, statusBean } from '../representations';

export const metadataRoutes: RouteTable = {
  getIssueAllTypes(ctx) {
    // Jira lists the issue types of the projects the caller can browse.
    const visible = new Set(ctx.permissions.browsableProjects().flatMap((p) => p.issueTypeIds));
    return { status: 200, body: ctx.state.catalog.issueTypes.filter((t) => visible.has(t.id)).map((t) => issueTypeBean(ctx.urls, t)) };
  },

  getIssueTypesForProject(ctx) {
    const projectId = ctx.query.string('projectId') ?? '';
    const project = ctx.state.projects.byIdOrKey(projectId);
    if (project === undefined || !/^\d+$/.test(projectId) || !ctx.permissions.has('BROWSE_PROJECTS', project.id)) {
      throw new JiraError(404, [`No project could be found with id '${projectId}'.`]);
    }
    const level = ctx.query.string('level');
    const types = project.issueTypeIds.flatMap((id) => {
      const type = ctx.state.catalog.issueType(id);
      return type === undefined || (level !== undefined && String(type.hierarchyLevel) !== level) ? [] : [issueTypeBean(ctx.urls, type)];
    });
    return { status: 200, body: types };
  },

  getPriorities(ctx) {
    return { status: 200, body: ctx.state.catalog.priorities.map((p) => priorityBean(ctx.urls, p)) };
  },

  getStatuses(ctx) {
    return { status: 200, body: ctx.state.catalog.statuses.map((s) => statusBean(ctx.urls, s)) };
  },

  findGroups(ctx) {
    const query = (ctx.query.string('query') ?? '').toLowerCase();
    const exclude = new Set(ctx.query.list('exclude'));
    const excludeIds = new Set(ctx.query.list('excludeId'));
    const maxResults = ctx.query.int('maxResults', 20);
    const matching = ctx.state.directory.groups().filter((g) => g.name.toLowerCase().includes(query) && !exclude.has(g.name) && !excludeIds.has(g.groupId));
    const shown = matching.slice(0, maxResults);
    return {
      status: 200,
      body: {
        header: `Showing ${shown.length} of ${matching.length} matching groups`,
        total: matching.length,
        groups: shown.map((g) => ({ name: g.name, html: g.name, labels: [], groupId: g.groupId })),
      },
    };
  },
};
