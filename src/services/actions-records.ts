import { AppError } from '../api/errors';
import { actionSchema, type Action, type CreationReport } from '../domain/actions';
import type { RecordAuditEvent } from '../domain/decisions';
import { ENTITY, getRecord, queryIndex, transact, type TransactWrite } from '../platform/store';

/**
 * How actions are stored: one `action` record per action, keyed by the action id (which is also
 * the idempotency key of its Jira issue). The attributes beside the document exist for the
 * indexes: by incident (panel), by Jira issue id (trigger), by project and due date (overdue),
 * by project and resolution time (effectiveness).
 */
export interface ActionRecord {
  actionId: string;
  incidentIssueId: string;
  projectKey: string;
  /** Absent until the action has a Jira issue (sparse index). */
  jiraIssueId?: string;
  status: Action['status'];
  dueDate: string;
  createdAt: number;
  /** Epoch millis; only for done actions (sparse index). */
  resolvedAt?: number;
  /** pending | effective | not-effective, for the daily job's filter; only for done actions. */
  effectiveness?: string;
  version: number;
  updatedAt: number;
  document: Action;
}

export const actionKey = (actionId: string): string => `action-${actionId}`;

/** One audit event per action version; the key makes a replayed write land on the same record. */
const auditKey = (event: RecordAuditEvent): string => `audit-${event.record.type}-${event.record.id}-v${event.version}`;

export function toActionRecord(action: Action): ActionRecord {
  return {
    actionId: action.id,
    incidentIssueId: action.incident.issueId,
    projectKey: action.incident.projectKey,
    ...(action.jira === undefined ? {} : { jiraIssueId: action.jira.issueId }),
    status: action.status,
    dueDate: action.targetDate,
    createdAt: Date.parse(action.createdAt),
    ...(action.status === 'done' && action.resolvedAt !== undefined
      ? { resolvedAt: Date.parse(action.resolvedAt), effectiveness: action.effectiveness?.verdict ?? 'pending' }
      : {}),
    version: action.version,
    updatedAt: Date.parse(action.updatedAt),
    document: action,
  };
}

function parse(record: ActionRecord): Action {
  const parsed = actionSchema.safeParse(record.document);
  if (!parsed.success) throw new AppError('INTERNAL', `A stored action (${record.actionId}) could not be read.`);
  return parsed.data;
}

export const auditWrite = (event: RecordAuditEvent): TransactWrite => ({
  entity: ENTITY.auditEvent,
  key: auditKey(event),
  value: { recordKey: `${event.record.type}-${event.record.id}`, projectKey: event.projectKey, at: Date.parse(event.at), accountId: event.by, change: event },
});

/**
 * The transaction writes for a version of an action and its audit event. `baseVersion`: the
 * version it replaces, null for a new action, 'unconditional' only where a lock already makes the
 * caller the sole writer.
 */
export function actionWrites(action: Action, baseVersion: number | null | 'unconditional', event: RecordAuditEvent): TransactWrite[] {
  const record = { entity: ENTITY.action, key: actionKey(action.id), value: toActionRecord(action) };
  return [baseVersion === 'unconditional' ? record : { ...record, expect: baseVersion ?? 'absent' }, auditWrite(event)];
}

/** Each action with its audit event: 12 per transaction (Forge allows 25 operations). */
export async function writeActions(changes: readonly { action: Action; baseVersion: number | null | 'unconditional'; event: RecordAuditEvent }[]): Promise<void> {
  for (let start = 0; start < changes.length; start += 12) {
    await transact(changes.slice(start, start + 12).flatMap((change) => actionWrites(change.action, change.baseVersion, change.event)));
  }
}

export async function readAction(actionId: string): Promise<Action | undefined> {
  const record = await getRecord<ActionRecord>(ENTITY.action, actionKey(actionId));
  return record === undefined ? undefined : parse(record);
}

/** Every action of an incident, oldest first (at most 50, so at most three pages). */
export async function actionsOfIncident(incidentIssueId: string): Promise<Action[]> {
  const actions: Action[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-incident', [incidentIssueId], { sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
    actions.push(...page.items.map((item) => parse(item.value)));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return actions;
}

/** The actions tracking one Jira issue (normally one; an issue linked to two incidents has two). */
export async function actionsOfJiraIssue(jiraIssueId: string): Promise<Action[]> {
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-jira-issue', [jiraIssueId], { limit: 20 });
  return page.items.map((item) => parse(item.value));
}

/** Done actions of a project resolved before `before` (epoch millis), one page at a time. */
export async function doneActionsOfProject(projectKey: string, before: number, cursor?: string): Promise<{ actions: Action[]; cursor?: string }> {
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-project-resolved', [projectKey], { lessThan: before, sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
  return { actions: page.items.map((item) => parse(item.value)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}

/**
 * The per-incident creation record: the lock (one "Create issues" at a time), the actions whose
 * create call got no answer — looked up in Jira before anything is created again — and the
 * outcome of the last run for the panel.
 */
export interface CreationRecord {
  incidentIssueId: string;
  version: number;
  /** Epoch millis; 0 when free. A crashed run's lock expires on its own. */
  lockedUntil: number;
  document: {
    lockedBy?: string;
    inFlight: string[];
    last?: CreationReport & { at: string; by: string };
  };
}

export const creationKey = (incidentIssueId: string): string => `action-creation-${incidentIssueId}`;

export const readCreation = (incidentIssueId: string): Promise<CreationRecord | undefined> => getRecord<CreationRecord>(ENTITY.actionCreation, creationKey(incidentIssueId));
