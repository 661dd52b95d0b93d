import type { RequestContext, RouteTable } from '../context';
import { JiraError, badRequest, forbidden } from '../errors';
import type { IssueRecord } from '../state/types';

/** Jira limits an entity property value to 32 KB of JSON and its key to 255 characters. */
const MAX_VALUE_BYTES = 32768;
const MAX_KEY_LENGTH = 255;

function propertyKey(ctx: RequestContext): string {
  return ctx.params['propertyKey'] ?? '';
}

function requireEditable(ctx: RequestContext): IssueRecord {
  const issue = ctx.permissions.requireIssue(ctx.params['issueIdOrKey'] ?? '');
  if (!ctx.permissions.has('EDIT_ISSUES', issue.projectId)) throw forbidden('You do not have permission to edit this issue.');
  return issue;
}

export const issuePropertyRoutes: RouteTable = {
  getIssuePropertyKeys(ctx) {
    const issue = ctx.permissions.requireIssue(ctx.params['issueIdOrKey'] ?? '');
    const keys = ctx.state.issues.propertyKeys(issue.id).map((key) => ({ key, self: ctx.urls.api(`issue/${issue.id}/properties/${encodeURIComponent(key)}`) }));
    return { status: 200, body: { keys } };
  },

  getIssueProperty(ctx) {
    const issue = ctx.permissions.requireIssue(ctx.params['issueIdOrKey'] ?? '');
    const key = propertyKey(ctx);
    const property = ctx.state.issues.property(issue.id, key);
    if (!property.found) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
    return { status: 200, body: { key, value: property.value } };
  },

  setIssueProperty(ctx) {
    const issue = requireEditable(ctx);
    const key = propertyKey(ctx);
    if (key.length > MAX_KEY_LENGTH) throw badRequest([`The property key can not be longer than ${MAX_KEY_LENGTH} characters.`]);
    if (ctx.body === undefined) throw badRequest(['The property value must not be empty.']);
    const json = JSON.stringify(ctx.body);
    if (Buffer.byteLength(json, 'utf8') > MAX_VALUE_BYTES) {
      throw badRequest([`The property value is too long. The maximum allowed length is ${MAX_VALUE_BYTES} bytes.`]);
    }
    const created = ctx.state.issues.setProperty(issue.id, key, json);
    return { status: created ? 201 : 200, body: {} };
  },

  deleteIssueProperty(ctx) {
    const issue = requireEditable(ctx);
    const key = propertyKey(ctx);
    if (!ctx.state.issues.deleteProperty(issue.id, key)) throw new JiraError(404, [`The property with key '${key}' does not exist.`]);
    return { status: 204 };
  },
};
