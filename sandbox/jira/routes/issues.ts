import type { RequestContext, RouteTable } from '../context';
import { JiraError, badRequest } from '../errors';
import { isProjectPermission } from '../permission-keys';
import { ALL_FIELD_IDS, renderIssueBean, selectFields } from '../issue-view';
import { IssueWriter } from '../issues/issue-writes';
import { asObject, isObject } from '../json';
import { statusBean } from '../representations';
import type { IssueRecord } from '../state/types';

const MAX_BULK = 50;

function createdIssue(ctx: RequestContext, issue: IssueRecord): { id: string; key: string; self: string } {
  return { id: String(issue.id), key: issue.key, self: ctx.urls.api(`issue/${issue.id}`) };
}

function issueParam(ctx: RequestContext): string {
  return ctx.params['issueIdOrKey'] ?? '';
}

export const issueRoutes: RouteTable = {
  getIssue(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    const fields = selectFields(ctx.query.list('fields'), ALL_FIELD_IDS);
    return { status: 200, body: renderIssueBean(ctx.state, ctx.urls, issue, { fields, propertyKeys: ctx.query.list('properties') }) };
  },

  createIssue(ctx) {
    const issue = new IssueWriter(ctx).create(ctx.body);
    return { status: 201, body: createdIssue(ctx, issue) };
  },

  createIssues(ctx) {
    const updates = asObject(ctx.body)['issueUpdates'];
    const list = Array.isArray(updates) ? updates : [];
    if (list.length > MAX_BULK) throw badRequest([`Bulk create is limited to ${MAX_BULK} issues.`]);
    const issues: unknown[] = [];
    const errors: unknown[] = [];
    list.forEach((update, index) => {
      try {
        // A savepoint per element: a failing element leaves nothing behind, the others persist.
        const issue = ctx.state.transaction(() => new IssueWriter(ctx).create(update));
        issues.push(createdIssue(ctx, issue));
      } catch (error) {
        if (!(error instanceof JiraError)) throw error;
        errors.push({ status: error.status, elementErrors: error.toBody(), failedElementNumber: index });
      }
    });
    // Jira answers 201 when at least one issue was created and 400 when none was.
    return { status: issues.length > 0 || list.length === 0 ? 201 : 400, body: { issues, errors } };
  },

  editIssue(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    new IssueWriter(ctx).edit(issue, ctx.body);
    if (ctx.query.bool('returnIssue', false)) {
      const fresh = ctx.permissions.requireIssue(String(issue.id));
      return { status: 200, body: renderIssueBean(ctx.state, ctx.urls, fresh, { fields: selectFields([], ALL_FIELD_IDS), propertyKeys: [] }) };
    }
    return { status: 204 };
  },

  deleteIssue(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    new IssueWriter(ctx).delete(issue, ctx.query.bool('deleteSubtasks', false));
    return { status: 204 };
  },

  getTransitions(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    // Jira lists no transitions to a user who may not transition the issue.
    const allowed = ctx.permissions.has('TRANSITION_ISSUES', issue.projectId);
    const only = ctx.query.string('transitionId');
    const transitions = allowed
      ? new IssueWriter(ctx).availableTransitions(issue).filter((t) => only === undefined || String(t.id) === only)
      : [];
    return {
      status: 200,
      body: {
        expand: 'transitions',
        transitions: transitions.flatMap((t) => {
          const to = ctx.state.catalog.status(t.toStatusId);
          if (to === undefined) return [];
          return [{ id: String(t.id), name: t.name, to: statusBean(ctx.urls, to), hasScreen: false, isGlobal: true, isInitial: false, isAvailable: true, isConditional: false, isLooped: false }];
        }),
      },
    };
  },

  doTransition(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    new IssueWriter(ctx).transition(issue, ctx.body);
    return { status: 204 };
  },

  notify(ctx) {
    const issue = ctx.permissions.requireIssue(issueParam(ctx));
    const body = asObject(ctx.body);
    const recipients = resolveRecipients(ctx, issue, body);
    if (recipients === undefined) throw badRequest(['No recipients were defined for notification.']);
    ctx.state.outbox.record({
      issueId: issue.id,
      issueKey: issue.key,
      sentAt: ctx.now.toISOString(),
      senderAccountId: ctx.actorAccountId ?? null,
      subject: typeof body['subject'] === 'string' ? body['subject'] : `${issue.key}: ${issue.fields.summary}`,
      textBody: typeof body['textBody'] === 'string' ? body['textBody'] : '',
      htmlBody: typeof body['htmlBody'] === 'string' ? body['htmlBody'] : '',
      recipients,
      request: ctx.body,
    });
    return { status: 204 };
  },
};

/**
 * Account ids a notification reaches: reporter/assignee/users/groups from `to`, narrowed by
 * `restrict` (groups and permissions), and only users who can see the issue, as Jira does.
 * Undefined when `to` names no recipient category at all.
 */
function resolveRecipients(ctx: RequestContext, issue: IssueRecord, body: Record<string, unknown>): string[] | undefined {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
  const to = asObject(body['to']);
  const wanted = new Set<string>();
  let defined = false;
  if (to['reporter'] === true) {
    defined = true;
    if (issue.fields.reporterId !== null) wanted.add(issue.fields.reporterId);
  }
  if (to['assignee'] === true) {
    defined = true;
    if (issue.fields.assigneeId !== null) wanted.add(issue.fields.assigneeId);
  }
  // Watchers and voters are not modelled; the reporter watches issues by default in Jira.
  if (to['watchers'] === true) {
    defined = true;
    if (issue.fields.reporterId !== null) wanted.add(issue.fields.reporterId);
  }
  if (to['voters'] === true) defined = true;
  for (const user of list(to['users'])) {
    defined = true;
    if (isObject(user) && typeof user['accountId'] === 'string') wanted.add(user['accountId']);
  }
  const groupRefs: unknown[] = [...list(to['groups']), ...list(to['groupIds']).map((groupId) => ({ groupId }))];
  for (const ref of groupRefs) {
    defined = true;
    if (!isObject(ref)) continue;
    const group = typeof ref['groupId'] === 'string' ? ctx.state.directory.groupById(ref['groupId']) : typeof ref['name'] === 'string' ? ctx.state.directory.groupByName(ref['name']) : undefined;
    if (group !== undefined) for (const member of ctx.state.directory.membersOf(group.groupId)) wanted.add(member);
  }
  if (!defined) return undefined;

  const restrict = asObject(body['restrict']);
  const restrictGroups = list(restrict['groups']).flatMap((ref) => {
    if (!isObject(ref)) return [];
    const group = typeof ref['groupId'] === 'string' ? ctx.state.directory.groupById(ref['groupId']) : typeof ref['name'] === 'string' ? ctx.state.directory.groupByName(ref['name']) : undefined;
    return group === undefined ? [] : [group.groupId];
  });
  const restrictPermissions = list(restrict['permissions']).flatMap((ref) =>
    isObject(ref) && typeof ref['key'] === 'string' ? [ref['key']] : [],
  );
  return [...wanted].filter((accountId) => {
    const user = ctx.state.directory.user(accountId);
    if (user === undefined || !user.active || user.accountType === 'app') return false;
    if (!ctx.permissions.userHas(accountId, 'BROWSE_PROJECTS', issue.projectId)) return false;
    if (restrictGroups.length > 0) {
      const groups = new Set(ctx.state.directory.groupsOf(accountId).map((g) => g.groupId));
      if (!restrictGroups.some((g) => groups.has(g))) return false;
    }
    return restrictPermissions.every((key) => isProjectPermission(key) && ctx.permissions.userHas(accountId, key, issue.projectId));
  }).sort();
}
