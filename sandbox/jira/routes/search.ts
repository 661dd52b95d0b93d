import { compareByOrder, isBoundedQuery, matchesJql, parseJql, type JqlContext, type JqlIssueView, type JqlQuery } from '../jql';
import type { RequestContext, RouteTable } from '../context';
import { JiraError, badRequest } from '../errors';
import { ALL_FIELD_IDS, renderFields, renderIssueBean, selectFields } from '../issue-view';
import { asObject } from '../json';
import type { IssueRecord } from '../state/types';

const DEFAULT_MAX_RESULTS = 50;
const MAX_MAX_RESULTS = 5000;
const MAX_PROPERTIES = 5;
const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchInput {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number;
  fields: string[];
  properties: string[];
}

/** GET carries the search in the query string, POST in a SearchAndReconcileRequestBean. */
function searchInput(ctx: RequestContext, method: 'get' | 'post'): SearchInput {
  if (method === 'get') {
    return {
      jql: ctx.query.string('jql') ?? '',
      nextPageToken: ctx.query.string('nextPageToken'),
      maxResults: ctx.query.int('maxResults', DEFAULT_MAX_RESULTS),
      fields: ctx.query.list('fields'),
      properties: ctx.query.list('properties'),
    };
  }
  const body = asObject(ctx.body);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '') : []);
  return {
    jql: typeof body['jql'] === 'string' ? body['jql'] : '',
    nextPageToken: typeof body['nextPageToken'] === 'string' ? body['nextPageToken'] : undefined,
    maxResults: typeof body['maxResults'] === 'number' ? body['maxResults'] : DEFAULT_MAX_RESULTS,
    fields: strings(body['fields']),
    properties: strings(body['properties']),
  };
}

function parse(jql: string, ctx: RequestContext): JqlQuery {
  try {
    return parseJql(jql, { propertyAliases: ctx.propertyAliases });
  } catch (error) {
    // JqlError messages are already worded like Jira's; anything else is a bug in the engine.
    if (error instanceof Error && error.name === 'JqlError') throw badRequest([error.message]);
    throw error;
  }
}

/** Issues the principal may browse that match the query, in the query's order (then by id, for stable paging). */
export function runJql(ctx: RequestContext, jql: string): IssueRecord[] {
  const query = parse(jql, ctx);
  if (!isBoundedQuery(query)) throw badRequest([UNBOUNDED]);
  const jqlContext: JqlContext = { now: ctx.now, ...(ctx.actorAccountId === undefined ? {} : { currentAccountId: ctx.actorAccountId }) };
  const projectIds = ctx.permissions.browsableProjects().map((p) => p.id);
  const projectKeys = new Map(ctx.state.projects.all().map((p) => [p.id, p.key]));
  const views = ctx.state.issues.inProjects(projectIds).map((issue) => {
    const view: JqlIssueView = {
      id: String(issue.id),
      key: issue.key,
      projectKey: projectKeys.get(issue.projectId) ?? '',
      fields: renderFields(ctx.state, ctx.urls, issue),
      properties: ctx.state.issues.properties(issue.id),
    };
    return { issue, view };
  });
  let matching: typeof views;
  try {
    matching = views.filter(({ view }) => matchesJql(query, view, jqlContext));
    const order = compareByOrder(query, jqlContext);
    matching.sort((a, b) => order(a.view, b.view) || a.issue.id - b.issue.id);
  } catch (error) {
    if (error instanceof Error && error.name === 'JqlError') throw badRequest([error.message]);
    throw error;
  }
  return matching.map(({ issue }) => issue);
}

/** Page tokens are opaque to clients; this one remembers the offset and the query it belongs to. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ offset, jql }), 'utf8').toString('base64url');
}

function decodeToken(token: string | undefined, jql: string): number {
  if (token === undefined || token === '') return 0;
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown; jql?: unknown };
    if (typeof decoded.offset === 'number' && Number.isInteger(decoded.offset) && decoded.offset >= 0 && decoded.jql === jql) return decoded.offset;
  } catch {
    // fall through to the error below
  }
  throw badRequest(['The provided next page token is invalid or expired.']);
}

function search(ctx: RequestContext, method: 'get' | 'post'): { status: number; body: unknown } {
  const input = searchInput(ctx, method);
  if (input.properties.length > MAX_PROPERTIES) throw badRequest([`Only ${MAX_PROPERTIES} issue properties can be requested.`]);
  if (input.maxResults < 0) throw new JiraError(400, ["The value of 'maxResults' must be greater than or equal to 0."]);
  const offset = decodeToken(input.nextPageToken, input.jql);
  const pageSize = Math.max(1, Math.min(input.maxResults, MAX_MAX_RESULTS));
  const all = runJql(ctx, input.jql);
  const page = all.slice(offset, offset + pageSize);
  const idOnly = input.fields.length === 0 || (input.fields.length === 1 && input.fields[0] === 'id');
  const fields = selectFields(input.fields, ALL_FIELD_IDS);
  const issues = page.map((issue) => {
    if (idOnly && input.properties.length === 0) return { id: String(issue.id) };
    const bean = renderIssueBean(ctx.state, ctx.urls, issue, { fields: idOnly ? new Set<string>() : fields, propertyKeys: input.properties });
    return bean;
  });
  const isLast = offset + page.length >= all.length;
  return { status: 200, body: { issues, isLast, ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, input.jql) }) } };
}

export const searchRoutes: RouteTable = {
  searchAndReconsileIssuesUsingJql: (ctx) => search(ctx, 'get'),
  searchAndReconsileIssuesUsingJqlPost: (ctx) => search(ctx, 'post'),
  countIssues(ctx) {
    const jql = asObject(ctx.body)['jql'];
    return { status: 200, body: { count: runJql(ctx, typeof jql === 'string' ? jql : '').length } };
  },
};
