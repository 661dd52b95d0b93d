/**
 * Issue events in the shape Forge delivers them to `trigger` modules subscribed to
 * `avi:jira:created:issue`, `avi:jira:updated:issue` and `avi:jira:deleted:issue`
 * (developer.atlassian.com/platform/forge/events-reference/jira, "Issue events"): the issue with a
 * reduced field set, the acting user's `atlassianId`, `associatedUsers`, and for updates the
 * `changelog` with one item per changed field. The sandbox passes them unchanged to the app's
 * trigger handler as its `event` argument.
 */

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface Changelog {
  id: string;
  items: ChangelogItem[];
}

export interface ForgeUserRef {
  accountId: string;
}

export interface ForgeEventIssue {
  id: string;
  key: string;
  fields: {
    summary?: string;
    issuetype?: unknown;
    creator?: ForgeUserRef;
    created?: string;
    project?: unknown;
    reporter?: ForgeUserRef;
    assignee?: ForgeUserRef | null;
    updated?: string;
    status?: unknown;
  };
}

interface ForgeIssueEventBase {
  issue: ForgeEventIssue;
  /** The account that caused the event (the app's bot account for asApp calls). */
  atlassianId: string;
  associatedUsers: ForgeUserRef[];
}

export interface IssueCreatedEvent extends ForgeIssueEventBase {
  eventType: 'avi:jira:created:issue';
}

export interface IssueUpdatedEvent extends ForgeIssueEventBase {
  eventType: 'avi:jira:updated:issue';
  changelog: Changelog;
}

export interface IssueDeletedEvent extends ForgeIssueEventBase {
  eventType: 'avi:jira:deleted:issue';
}

export type JiraIssueEvent = IssueCreatedEvent | IssueUpdatedEvent | IssueDeletedEvent;

export type IssueEventListener = (event: JiraIssueEvent) => void;

function userRef(value: unknown): ForgeUserRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const accountId = (value as { accountId?: unknown }).accountId;
  return typeof accountId === 'string' ? { accountId } : undefined;
}

/** Reduces a REST v3 issue (id, key, fields) to the field set Forge event payloads carry. */
export function toEventIssue(issue: { id: string; key: string; fields: Record<string, unknown> }): ForgeEventIssue {
  const f = issue.fields;
  const fields: ForgeEventIssue['fields'] = {};
  if (typeof f['summary'] === 'string') fields.summary = f['summary'];
  if (f['issuetype'] !== undefined) fields.issuetype = f['issuetype'];
  const creator = userRef(f['creator']);
  if (creator !== undefined) fields.creator = creator;
  if (typeof f['created'] === 'string') fields.created = f['created'];
  if (f['project'] !== undefined) fields.project = f['project'];
  const reporter = userRef(f['reporter']);
  if (reporter !== undefined) fields.reporter = reporter;
  fields.assignee = userRef(f['assignee']) ?? null;
  if (typeof f['updated'] === 'string') fields.updated = f['updated'];
  if (f['status'] !== undefined) fields.status = f['status'];
  return { id: issue.id, key: issue.key, fields };
}

export function issueCreatedEvent(issue: ForgeEventIssue, actorAccountId: string): IssueCreatedEvent {
  return { eventType: 'avi:jira:created:issue', issue, atlassianId: actorAccountId, associatedUsers: [{ accountId: actorAccountId }] };
}

export function issueUpdatedEvent(issue: ForgeEventIssue, actorAccountId: string, changelog: Changelog): IssueUpdatedEvent {
  return { eventType: 'avi:jira:updated:issue', issue, atlassianId: actorAccountId, associatedUsers: [{ accountId: actorAccountId }], changelog };
}

export function issueDeletedEvent(issue: ForgeEventIssue, actorAccountId: string): IssueDeletedEvent {
  return { eventType: 'avi:jira:deleted:issue', issue, atlassianId: actorAccountId, associatedUsers: [{ accountId: actorAccountId }] };
}
