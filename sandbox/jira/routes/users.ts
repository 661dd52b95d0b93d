import type { RequestContext, RouteTable } from '../context';
import { JiraError, badRequest } from '../errors';
import { userBean, userWithGroups } from '../representations';
import type { UserRecord } from '../state/types';

const USER_NOT_FOUND = (accountId: string): string => `Specified user does not exist or you do not have required permissions: ${accountId}`;

/** Jira matches user queries against the start of display-name words and of the e-mail address. */
function matchesQuery(user: UserRecord, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const words = user.displayName.toLowerCase().split(/\s+/);
  return words.some((w) => w.startsWith(q)) || user.displayName.toLowerCase().startsWith(q) || user.emailAddress.toLowerCase().startsWith(q);
}

function page<T>(items: readonly T[], ctx: RequestContext, defaultMax: number): T[] {
  const startAt = Math.max(0, ctx.query.int('startAt', 0));
  const maxResults = Math.max(0, ctx.query.int('maxResults', defaultMax));
  return items.slice(startAt, startAt + maxResults);
}

/** Human users visible in pickers (the app's bot account is not offered). */
function humans(ctx: RequestContext): UserRecord[] {
  return ctx.state.directory.users().filter((u) => u.accountType === 'atlassian' && u.active);
}

export const userRoutes: RouteTable = {
  getUser(ctx) {
    const accountId = ctx.query.string('accountId');
    if (accountId === undefined || accountId === '') throw badRequest(['The accountId query parameter needs to be provided.']);
    const user = ctx.state.directory.user(accountId);
    if (user === undefined) throw new JiraError(404, [USER_NOT_FOUND(accountId)]);
    return { status: 200, body: ctx.query.string('expand')?.includes('groups') === true ? userWithGroups(ctx.urls, ctx.state, user) : userBean(ctx.urls, user) };
  },

  bulkGetUsers(ctx) {
    const ids = ctx.query.repeated('accountId');
    const found = ids.flatMap((id) => {
      const user = ctx.state.directory.user(id);
      return user === undefined ? [] : [user];
    });
    const startAt = Math.max(0, ctx.query.int('startAt', 0));
    const maxResults = ctx.query.int('maxResults', 10);
    const values = found.slice(startAt, startAt + maxResults).map((u) => userBean(ctx.urls, u));
    return {
      status: 200,
      body: { self: ctx.urls.api('user/bulk'), maxResults, startAt, total: found.length, isLast: startAt + values.length >= found.length, values },
    };
  },

  findUsers(ctx) {
    const query = ctx.query.string('query');
    const accountId = ctx.query.string('accountId');
    if (query === undefined && accountId === undefined) throw badRequest(["One of 'query' or 'accountId' parameters is required."]);
    const users = humans(ctx).filter((u) => (accountId === undefined || u.accountId === accountId) && (query === undefined || matchesQuery(u, query)));
    return { status: 200, body: page(users, ctx, 50).map((u) => userBean(ctx.urls, u)) };
  },

  findAssignableUsers(ctx) {
    const projectRef = ctx.query.string('project');
    const issueRef = ctx.query.string('issueKey') ?? ctx.query.string('issueId');
    let projectId: number;
    if (issueRef !== undefined) projectId = ctx.permissions.requireIssue(issueRef).projectId;
    else if (projectRef !== undefined) {
      const project = ctx.state.projects.byIdOrKey(projectRef);
      if (project === undefined || !ctx.permissions.has('BROWSE_PROJECTS', project.id)) throw new JiraError(404, [`No project could be found with key '${projectRef}'.`]);
      projectId = project.id;
    } else throw badRequest(["One of 'project', 'issueKey' or 'issueId' parameters is required."]);
    const query = ctx.query.string('query') ?? '';
    const accountId = ctx.query.string('accountId');
    const users = humans(ctx).filter(
      (u) => ctx.permissions.userHas(u.accountId, 'ASSIGNABLE_USER', projectId) && matchesQuery(u, query) && (accountId === undefined || u.accountId === accountId),
    );
    return { status: 200, body: page(users, ctx, 50).map((u) => userBean(ctx.urls, u)) };
  },

  getUserGroups(ctx) {
    const accountId = ctx.query.string('accountId') ?? '';
    const user = ctx.state.directory.user(accountId);
    if (user === undefined) throw new JiraError(404, [USER_NOT_FOUND(accountId)]);
    return {
      status: 200,
      body: ctx.state.directory.groupsOf(accountId).map((g) => ({ name: g.name, groupId: g.groupId, self: ctx.urls.api(`group?groupId=${g.groupId}`) })),
    };
  },
};
