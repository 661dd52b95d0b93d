/** Rows of the emulated Jira site as the emulator stores them (not the REST shapes; see `../representations`). */

/** Atlassian Document Format node; the emulator stores documents verbatim and never interprets them. */
export interface AdfNode {
  type: string;
  [key: string]: unknown;
}

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface UserRecord {
  accountId: string;
  displayName: string;
  emailAddress: string;
  active: boolean;
  timeZone: string;
  locale: string;
  /** 'app' is the Forge app's bot account, the actor of asApp calls. */
  accountType: 'atlassian' | 'app';
}

export interface GroupRecord {
  groupId: string;
  name: string;
}

export interface ProjectRecord {
  id: number;
  key: string;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'business' | 'service_desk';
  leadAccountId: string;
  issueTypeIds: number[];
}

export interface ComponentRecord {
  id: number;
  projectId: number;
  name: string;
  description: string;
}

export interface IssueTypeRecord {
  id: number;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
}

export interface StatusRecord {
  id: number;
  name: string;
  description: string;
  categoryKey: StatusCategoryKey;
}

export interface PriorityRecord {
  id: number;
  name: string;
  description: string;
  statusColor: string;
  isDefault: boolean;
}

export interface ResolutionRecord {
  id: number;
  name: string;
  description: string;
}

export interface LinkTypeRecord {
  id: number;
  name: string;
  inward: string;
  outward: string;
}

export interface TransitionRecord {
  id: number;
  name: string;
  toStatusId: number;
}

export interface RoleRecord {
  id: number;
  name: string;
  description: string;
}

export type RoleActorRecord = { kind: 'user'; accountId: string } | { kind: 'group'; groupId: string };

/** The issue fields the emulator knows, normalised to ids (rendering resolves them to REST objects). */
export interface StoredIssueFields {
  summary: string;
  description: AdfNode | null;
  issueTypeId: number;
  priorityId: number | null;
  statusId: number;
  resolutionId: number | null;
  assigneeId: string | null;
  reporterId: string | null;
  creatorId: string;
  labels: string[];
  componentIds: number[];
  /** `YYYY-MM-DD` or null. */
  duedate: string | null;
  /** ISO-8601 instants (UTC); rendered in Jira's `+0000` format. */
  created: string;
  updated: string;
  resolutiondate: string | null;
  parentId: number | null;
}

export interface IssueRecord {
  id: number;
  key: string;
  projectId: number;
  fields: StoredIssueFields;
}

/** A file attached to an issue (POST /issue/{key}/attachments). */
export interface AttachmentRecord {
  id: number;
  issueId: number;
  filename: string;
  mimeType: string;
  size: number;
  authorAccountId: string;
  created: string;
}

export interface IssueLinkRecord {
  id: number;
  typeId: number;
  inwardIssueId: number;
  outwardIssueId: number;
}

/** One call of POST /issue/{key}/notify as the emulator "sent" it. */
export interface NotificationRecord {
  id: number;
  issueId: number;
  issueKey: string;
  sentAt: string;
  senderAccountId: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** Account ids the mail went to after resolving reporter/assignee/users/groups and restrictions. */
  recipients: string[];
  /** The request body as received, for assertions on exactly what the app asked for. */
  request: unknown;
}
