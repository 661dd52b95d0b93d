import { AppError } from '../api/errors';
import { actionSchema, type Action, type CreationReport } from '../domain/actions';
import { actionContribution, contributionDelta, isEmptyContribution, sumContributions, type Contribution } from '../domain/dashboard';
import type { RecordAuditEvent } from '../domain/decisions';
import { ENTITY, getRecord, getRecords, queryIndex, transact, type TransactWrite } from '../platform/store';
import { syncAfterCommit, syncMarkerWrite } from './property-sync';
import { commitWithRollups, rollupPeriods } from './rollups';

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
  /** The overdue list's filters and the repeat-root-cause view's index. */
  ownerAccountId: string;
  rootCauseCategory: string;
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
    ownerAccountId: action.ownerAccountId,
    rootCauseCategory: action.rootCauseCategory,
    version: action.version,
    updatedAt: Date.parse(action.updatedAt),
    document: action,
  };
}

/** The action of a stored record (a record that no longer parses is a bug, never shown half-read). */
export function actionOfRecord(record: ActionRecord): Action {
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

export interface ActionChange {
  action: Action;
  baseVersion: number | null | 'unconditional';
  event: RecordAuditEvent;
  /** The version this one replaces, when the caller has it (saves a read); null/absent for a new action. */
  previous?: Action;
}

/** Forge transactions take at most 25 operations: each action and its event are 2, the rollups of the chunk the rest. */
const MAX_TRANSACTION_OPS = 25;

interface PlannedChange extends ActionChange {
  delta: Contribution;
  /** The action moves in the index the rollup recompute walks (its due date changed). */
  moved: boolean;
}

/** Greedy chunks whose writes plus rollup records fit one transaction. */
function chunkChanges(changes: readonly PlannedChange[]): PlannedChange[][] {
  const chunks: PlannedChange[][] = [];
  let chunk: PlannedChange[] = [];
  const opsOf = (candidate: readonly PlannedChange[]) => {
    const rollups = candidate.some((change) => !isEmptyContribution(change.delta) || change.moved) ? rollupPeriods(mergeDeltas(candidate)).length : 0;
    return candidate.length * 2 + rollups + incidentsOf(candidate).length;
  };
  for (const change of changes) {
    if (chunk.length > 0 && opsOf([...chunk, change]) > MAX_TRANSACTION_OPS) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(change);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** Each incident of a chunk gets one JQL sync marker in the chunk's transaction. */
const incidentsOf = (changes: readonly ActionChange[]): ActionChange['action']['incident'][] => [...new Map(changes.map((change) => [change.action.incident.issueId, change.action.incident])).values()];

const mergeDeltas = (changes: readonly { delta: Contribution }[]): Contribution => sumContributions(changes.map((change) => change.delta));

/** Fills in the previous versions the callers did not pass (one batch read). */
async function withPrevious(changes: readonly ActionChange[]): Promise<ActionChange[]> {
  const missing = changes.filter((change) => change.baseVersion !== null && change.previous === undefined).map((change) => actionKey(change.action.id));
  if (missing.length === 0) return [...changes];
  const stored = await getRecords<ActionRecord>(ENTITY.action, missing);
  return changes.map((change) => {
    if (change.baseVersion === null || change.previous !== undefined) return change;
    const record = stored.get(actionKey(change.action.id));
    return record === undefined ? change : { ...change, previous: actionOfRecord(record) };
  });
}

/**
 * Each action with its audit event, and the change of the project's dashboard rollups in the
 * same transaction (as many actions per transaction as fit in Forge's 25 operations).
 */
export async function writeActions(changes: readonly ActionChange[]): Promise<void> {
  const planned: PlannedChange[] = (await withPrevious(changes)).map((change) => ({
    ...change,
    delta: contributionDelta(change.previous === undefined ? {} : actionContribution(change.previous), actionContribution(change.action)),
    moved: change.previous !== undefined && change.previous.targetDate !== change.action.targetDate,
  }));
  const byProject = new Map<string, PlannedChange[]>();
  for (const change of planned) byProject.set(change.action.incident.projectKey, [...(byProject.get(change.action.incident.projectKey) ?? []), change]);
  for (const [projectKey, projectChanges] of byProject) {
    for (const chunk of chunkChanges(projectChanges)) {
      const writes = [...chunk.flatMap((change) => actionWrites(change.action, change.baseVersion, change.event)), ...incidentsOf(chunk).map(syncMarkerWrite)];
      const delta = mergeDeltas(chunk);
      if (isEmptyContribution(delta) && !chunk.some((change) => change.moved)) {
        await transact(writes);
        continue;
      }
      await commitWithRollups({ projectKey, writes, delta, recordChanged: () => anyActionChanged(chunk) });
    }
  }
  await syncAfterCommit(changes.map((change) => change.action.incident.issueId));
}

/** After a failed transaction: did one of the actions itself change (a real conflict)? */
async function anyActionChanged(changes: readonly ActionChange[]): Promise<boolean> {
  const conditional = changes.filter((change) => change.baseVersion !== 'unconditional');
  if (conditional.length === 0) return false;
  const stored = await getRecords<ActionRecord>(ENTITY.action, conditional.map((change) => actionKey(change.action.id)));
  return conditional.some((change) => {
    const current = stored.get(actionKey(change.action.id));
    return change.baseVersion === null ? current !== undefined : current?.version !== change.baseVersion;
  });
}

/** Removes an action (a draft) with its audit event, taking it out of the rollups in the same transaction. */
export async function deleteAction(previous: Action, event: RecordAuditEvent): Promise<void> {
  const key = actionKey(previous.id);
  const writes = [auditWrite(event), syncMarkerWrite(previous.incident)];
  const deletes = [{ entity: ENTITY.action, key, expect: previous.version }];
  const delta = contributionDelta(actionContribution(previous), {});
  if (isEmptyContribution(delta)) await transact(writes, deletes);
  else await commitDeletion(previous, key, writes, deletes, delta);
  await syncAfterCommit([previous.incident.issueId]);
}

async function commitDeletion(previous: Action, key: string, writes: TransactWrite[], deletes: { entity: typeof ENTITY.action; key: string; expect: number }[], delta: Contribution): Promise<void> {
  await commitWithRollups({
    projectKey: previous.incident.projectKey,
    writes,
    deletes,
    delta,
    recordChanged: async () => (await getRecord<ActionRecord>(ENTITY.action, key))?.version !== previous.version,
  });
}

export async function readAction(actionId: string): Promise<Action | undefined> {
  const record = await getRecord<ActionRecord>(ENTITY.action, actionKey(actionId));
  return record === undefined ? undefined : actionOfRecord(record);
}

/** Every action of an incident, oldest first (at most 50, so at most three pages). */
export async function actionsOfIncident(incidentIssueId: string): Promise<Action[]> {
  const actions: Action[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-incident', [incidentIssueId], { sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
    actions.push(...page.items.map((item) => actionOfRecord(item.value)));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return actions;
}

/** The actions tracking one Jira issue (normally one; an issue linked to two incidents has two). */
export async function actionsOfJiraIssue(jiraIssueId: string): Promise<Action[]> {
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-jira-issue', [jiraIssueId], { limit: 20 });
  return page.items.map((item) => actionOfRecord(item.value));
}

/** Done actions of a project resolved before `before` (epoch millis), one page at a time. */
export async function doneActionsOfProject(projectKey: string, before: number, cursor?: string): Promise<{ actions: Action[]; cursor?: string }> {
  const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-project-resolved', [projectKey], { lessThan: before, sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
  return { actions: page.items.map((item) => actionOfRecord(item.value)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
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
