import { route } from '@forge/api';
import { AppError } from '../../api/errors';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

/**
 * POST /rest/api/3/issue/{issueIdOrKey}/notify (Jira's "Send notification for issue"): an e-mail
 * about an issue to its assignee, watchers, named users and groups, which Jira narrows to people
 * who may see the issue (and to `restrict`). Request shape per the official OpenAPI spec
 * (`Notification`): subject, textBody, htmlBody, to, restrict.
 */
export interface NotifyRecipients {
  assignee?: boolean;
  reporter?: boolean;
  watchers?: boolean;
  users?: readonly string[];
  /** Group ids (stable across renames). */
  groupIds?: readonly string[];
  /** Group names, as a person picked them. */
  groupNames?: readonly string[];
}

export interface NotifyRequest {
  subject: string;
  textBody: string;
  htmlBody: string;
  to: NotifyRecipients;
  /** Only people with all these project permissions on the issue receive it. */
  restrictToPermissions?: readonly string[];
}

/**
 * - `sent`: Jira accepted it (204);
 * - `refused`: Jira answered and did not send (4xx, or 429 after the transport's retries) — safe to try again;
 * - `unknown`: no answer or a 5xx — it may have been sent; never repeated blindly.
 */
export type NotifyOutcome = { kind: 'sent' } | { kind: 'refused'; status: number; message: string } | { kind: 'unknown' };

/** The request body exactly as the spec names it (no readOnly fields such as `active`). */
export function notificationBody(request: NotifyRequest): Record<string, unknown> {
  const { to } = request;
  const permissions = request.restrictToPermissions ?? [];
  return {
    subject: request.subject,
    textBody: request.textBody,
    htmlBody: request.htmlBody,
    to: {
      reporter: to.reporter === true,
      assignee: to.assignee === true,
      watchers: to.watchers === true,
      voters: false,
      users: (to.users ?? []).map((accountId) => ({ accountId })),
      groupIds: [...(to.groupIds ?? [])],
      groups: (to.groupNames ?? []).map((name) => ({ name })),
    },
    ...(permissions.length > 0 ? { restrict: { permissions: permissions.map((key) => ({ key })) } } : {}),
  };
}

/**
 * Sends one notification. Not idempotent, so the transport never repeats it after a 5xx or a lost
 * answer (a 429 was refused before it ran, so that one is retried): the callers record a claim
 * before sending and decide what an unknown outcome means for them.
 */
export async function notifyIssue(jira: JiraTransport, issueIdOrKey: string, request: NotifyRequest): Promise<NotifyOutcome> {
  const body = JSON.stringify(notificationBody(request));
  let result;
  try {
    result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issue/${issueIdOrKey}/notify`, { method: 'POST', headers: JSON_HEADERS, body }), false);
  } catch (error) {
    if (error instanceof AppError && error.code === 'UPSTREAM') return { kind: 'unknown' };
    throw error;
  }
  if (result.status === 204 || result.status === 200) return { kind: 'sent' };
  if (result.status >= 500) return { kind: 'unknown' };
  return { kind: 'refused', status: result.status, message: jiraFailure(result, `the notification on ${issueIdOrKey}`).message };
}
