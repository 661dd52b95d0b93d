import type { RouteTable } from '../context';
import { JiraError, forbidden } from '../errors';
import { IssueWriter } from '../issues/issue-writes';
import { asObject, refId, refString } from '../json';
import { linkTypeBean } from '../representations';

export const issueLinkRoutes: RouteTable = {
  linkIssues(ctx) {
    const body = asObject(ctx.body);
    const typeId = refId(body['type']);
    const typeName = refString(body['type'], 'name');
    const type = ctx.state.catalog.linkTypes.find((t) => (typeId !== undefined ? String(t.id) === typeId : t.name === typeName));
    if (type === undefined) throw new JiraError(404, [`No issue link type with name '${typeName ?? typeId ?? ''}' found.`]);
    const issueRef = (value: unknown): string => refId(value) ?? refString(value, 'key') ?? '';
    // POST /issueLink names the link's source `inwardIssue`: {Blocks, inward A, outward B} reads "A blocks B".
    const source = ctx.permissions.requireIssue(issueRef(body['inwardIssue']));
    const destination = ctx.permissions.requireIssue(issueRef(body['outwardIssue']));
    if (!ctx.permissions.has('LINK_ISSUES', source.projectId)) throw forbidden('You do not have the permission to link issues.');
    new IssueWriter(ctx).link(type.id, source, destination);
    return { status: 201 };
  },

  getIssueLinkTypes(ctx) {
    return { status: 200, body: { issueLinkTypes: ctx.state.catalog.linkTypes.map((t) => linkTypeBean(ctx.urls, t)) } };
  },
};
