import type { CreateIssuesResult } from '../api/decisions';
import { AppError } from '../api/errors';
import {
  ACTION_PROPERTY_KEY,
  BULK_CREATE_LIMIT,
  actionIssueDescription,
  creationReport,
  issueSummary,
  reconcileBulkCreate,
  type Action,
  type ActionPropertyValue,
  type CreationReport,
  type ItemOutcome,
  type JiraIssueRef,
} from '../domain/actions';
import { currentDecisions, decisionFor } from '../domain/decisions';
import { actionPropertyValue } from '../domain/jira-properties';
import { categoryLabel, type Review } from '../domain/review';
import { fullTaxonomy, type ProjectSettings } from '../domain/settings';
import { cachedLinkTypeCatalog, forgetLinkTypes } from '../platform/jira/cached-link-types';
import { bulkCreateIssues, type IssueCreateRequest } from '../platform/jira/issue-create';
import { jqlString, searchJql } from '../platform/jira/issue-search';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, transact } from '../platform/store';
import type { Grant } from './access';
import { actionEvent } from './actions';
import { actionsOfIncident, creationKey, readCreation, writeActions, type CreationRecord } from './actions-records';
import { loadDecisionsView, reviewOfIncident } from './decisions';
import { rememberPropertiesSet } from './property-sync';
import { loadProjectSettings } from './settings-store';

/**
 * "Create issues" (R10): turns an incident's draft actions into Jira issues, each created already
 * linked to the incident, assigned, with a due date and a traceable description — idempotently:
 *
 * - one run per incident at a time (a lock record in KVS; a second click or a colleague waits for
 *   the first run and then finds nothing left to create);
 * - every issue carries its action id in an issue property, set in the create call itself;
 * - before the create call, the ids are recorded as "in flight"; after a lost answer or a 5xx they
 *   stay in flight and are looked up by that property (JQL) before anything is created again;
 * - issues are recorded on their actions only from Jira's answer or the look-up, so no issue
 *   exists that the app does not know of (no orphans), and none is created twice.
 *
 * Jira calls for K drafts on a first attempt: the link types (cached 10 min) + ⌈K/50⌉ bulk creates
 * (+ one search only when an earlier attempt's answer was lost).
 */

const LOCK_MS = 60_000;
const WAIT_MS = 15_000;
const POLL_MS = 200;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The held lock; `record` follows every write, so the lock can always be released by its holder. */
interface LockHandle {
  record: CreationRecord;
}

type Lock = { kind: 'acquired'; handle: LockHandle } | { kind: 'busy' };

/** Takes the incident's creation lock, waiting (bounded) for a run in progress to finish. */
async function acquireLock(incidentIssueId: string, actor: string): Promise<Lock> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const current = await readCreation(incidentIssueId);
    const now = Date.now();
    if (current === undefined || current.lockedUntil <= now) {
      const next: CreationRecord = {
        incidentIssueId,
        version: (current?.version ?? 0) + 1,
        lockedUntil: now + LOCK_MS,
        document: { inFlight: current?.document.inFlight ?? [], lockedBy: actor, ...(current?.document.last === undefined ? {} : { last: current.document.last }) },
      };
      try {
        await transact([{ entity: ENTITY.actionCreation, key: creationKey(incidentIssueId), value: next, expect: current === undefined ? 'absent' : current.version }]);
        return { kind: 'acquired', handle: { record: next } };
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      }
    }
    if (Date.now() + POLL_MS > deadline) return { kind: 'busy' };
    await sleep(POLL_MS);
  }
}

/** Writes the lock record (still locked, or released), conditional on still holding it. */
async function saveLock(handle: LockHandle, changes: Partial<CreationRecord['document']> & { release?: boolean }): Promise<void> {
  const { release, ...document } = changes;
  const record = handle.record;
  const next: CreationRecord = { ...record, version: record.version + 1, lockedUntil: release === true ? 0 : record.lockedUntil, document: { ...record.document, ...document } };
  await transact([{ entity: ENTITY.actionCreation, key: creationKey(record.incidentIssueId), value: next, expect: record.version }]);
  handle.record = next;
}

interface CreationContext {
  review: Review;
  settings: ProjectSettings;
  projectKey: string;
  incidentUrl?: string;
}

function issueRequest(action: Action, context: CreationContext): IssueCreateRequest {
  const { review, settings } = context;
  const rootCause = review.rootCauses.find((candidate) => candidate.id === action.rootCauseId);
  const decision = decisionFor(currentDecisions(review.decisions, review.rootCauses), action.rootCauseId);
  const description = actionIssueDescription({
    action,
    incident: { ...review.incident, summary: review.facts.summary },
    ...(context.incidentUrl === undefined ? {} : { incidentUrl: context.incidentUrl }),
    rootCause: { text: rootCause?.text ?? '(root cause removed since the action was planned)', categoryLabel: categoryLabel(fullTaxonomy(settings), action.rootCauseCategory) },
    decision: decision ?? { option: 'corrective-action', rationale: '(decision changed since the action was planned)' },
  });
  return {
    fields: {
      project: { key: context.projectKey },
      issuetype: { name: settings.actions.issueTypeName },
      summary: issueSummary(action.summary),
      description,
      assignee: { accountId: action.ownerAccountId },
      duedate: action.targetDate,
    },
    // "incident <outward verb> action", e.g. SEC-12 causes ISMS-7 / ISMS-7 is caused by SEC-12.
    update: { issuelinks: [{ add: { type: { name: settings.actions.linkTypeName }, inwardIssue: { key: review.incident.issueKey } } }] },
    // The JQL mirror's full value (see domain/jira-properties), which includes the idempotency key.
    properties: [{ key: ACTION_PROPERTY_KEY, value: actionPropertyValue(action) }],
  };
}

/** Finds issues an earlier attempt created for these actions, by the property set at creation. */
async function lookUp(jira: JiraTransport, incidentIssueId: string, actionIds: ReadonlySet<string>): Promise<Map<string, JiraIssueRef>> {
  const found = new Map<string, JiraIssueRef>();
  let nextPageToken: string | undefined;
  do {
    const page = await searchJql(jira, {
      jql: `issue.property[${ACTION_PROPERTY_KEY}].incidentId = ${jqlString(incidentIssueId)} ORDER BY created ASC`,
      fields: ['created'],
      properties: [ACTION_PROPERTY_KEY],
      maxResults: 100,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
    });
    for (const issue of page.issues) {
      const value = issue.properties?.[ACTION_PROPERTY_KEY] as Partial<ActionPropertyValue> | undefined;
      const actionId = value?.actionId;
      // The first issue per action wins; a second one could only come from outside the app.
      if (typeof actionId === 'string' && actionIds.has(actionId) && !found.has(actionId) && issue.key !== undefined) found.set(actionId, { issueId: issue.id, issueKey: issue.key });
    }
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return found;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));

async function run(review: Review, lock: LockHandle, requested: readonly string[] | undefined, actor: string): Promise<CreationReport> {
  const [{ settings }, actions] = await Promise.all([loadProjectSettings(review.incident.projectKey), actionsOfIncident(review.incident.issueId)]);
  const wanted = requested === undefined ? undefined : new Set(requested);
  const drafts = actions.filter((action) => action.status === 'draft' && (wanted === undefined || wanted.has(action.id)));
  // In-flight ids whose action is no longer a draft are settled (recorded by an earlier run).
  const draftIds = new Set(actions.filter((action) => action.status === 'draft').map((action) => action.id));
  const inFlight = new Set(lock.record.document.inFlight.filter((id) => draftIds.has(id)));
  if (drafts.length === 0) {
    const report = creationReport(0, { created: [], recovered: [], failed: [], unconfirmed: [] });
    await saveLock(lock, { release: true, inFlight: [...inFlight], last: { ...report, at: new Date().toISOString(), by: actor } });
    return report;
  }

  const jira = new JiraTransport('user');
  const catalog = await cachedLinkTypeCatalog(jira);
  if (!catalog.linkTypes.some((type) => type.name === settings.actions.linkTypeName)) {
    forgetLinkTypes();
    await saveLock(lock, { release: true });
    throw new AppError('NOT_ALLOWED', `The link type "${settings.actions.linkTypeName}" set in the project's Lessons learned settings does not exist in Jira; ask a project admin to choose another one.`);
  }
  const context: CreationContext = {
    review,
    settings,
    projectKey: settings.actions.projectKey ?? review.incident.projectKey,
    ...(catalog.siteUrl === undefined ? {} : { incidentUrl: `${catalog.siteUrl}/browse/${review.incident.issueKey}` }),
  };

  // 1. Anything an earlier attempt may have created is looked up before it could be created again.
  const uncertain = new Set(drafts.filter((action) => inFlight.has(action.id)).map((action) => action.id));
  const recovered = uncertain.size > 0 ? await lookUp(jira, review.incident.issueId, uncertain) : new Map<string, JiraIssueRef>();
  const toCreate = drafts.filter((action) => !recovered.has(action.id));

  // 2. Mark what is about to be sent, then send it (≤ 50 per call).
  for (const action of toCreate) inFlight.add(action.id);
  await saveLock(lock, { inFlight: [...inFlight] });
  const outcomes: ItemOutcome[] = [];
  for (const chunk of chunks(toCreate, BULK_CREATE_LIMIT)) {
    const ids = chunk.map((action) => action.id);
    const answer = await bulkCreateIssues(jira, chunk.map((action) => issueRequest(action, context)));
    if (answer.kind === 'answered') outcomes.push(...reconcileBulkCreate(ids, answer));
    else if (answer.kind === 'refused') outcomes.push(...ids.map((actionId): ItemOutcome => ({ actionId, result: 'failed', message: answer.message })));
    else outcomes.push(...ids.map((actionId): ItemOutcome => ({ actionId, result: 'unconfirmed' })));
  }

  // 3. Answers that never came are looked up once now (usually found); the rest wait for the next attempt.
  const unanswered = new Set(outcomes.filter((outcome) => outcome.result === 'unconfirmed').map((outcome) => outcome.actionId));
  const foundLate = unanswered.size > 0 ? await lookUp(jira, review.incident.issueId, unanswered).catch(() => new Map<string, JiraIssueRef>()) : new Map<string, JiraIssueRef>();

  const created = new Map<string, JiraIssueRef>();
  const failed: { actionId: string; message: string }[] = [];
  const unconfirmed: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.result === 'created') created.set(outcome.actionId, outcome.issue);
    else if (outcome.result === 'failed') failed.push({ actionId: outcome.actionId, message: outcome.message });
    else {
      const late = foundLate.get(outcome.actionId);
      if (late === undefined) unconfirmed.push(outcome.actionId);
      else recovered.set(outcome.actionId, late);
    }
  }

  // 4. Record the issues on their actions; only then are they out of flight.
  const at = new Date().toISOString();
  const byId = new Map(drafts.map((action) => [action.id, action]));
  const settled = [...created.entries(), ...recovered.entries()].flatMap(([actionId, issue]) => {
    const draft = byId.get(actionId);
    if (draft === undefined) return [];
    const next: Action = { ...draft, status: 'todo', jira: issue, version: draft.version + 1, updatedAt: at, updatedBy: actor };
    const reason = recovered.has(actionId) ? 'Found by its idempotency key after Jira did not confirm the create call' : undefined;
    // Unconditional: the lock makes this run the only writer of the drafts' Jira references, and an
    // issue Jira created must be recorded on its action whatever happened to the draft meanwhile.
    return [{ action: next, baseVersion: 'unconditional' as const, previous: draft, event: actionEvent(next, 'action-issue-created', actor, at, draft, next, reason) }];
  });
  // The value set in the create call is what the sync after writeActions would write: remember it instead.
  await rememberPropertiesSet(settled.map((change) => ({ issueId: change.action.jira?.issueId ?? '', propertyKey: ACTION_PROPERTY_KEY, value: actionPropertyValue(change.action) })));
  await writeActions(settled);
  for (const change of settled) inFlight.delete(change.action.id);
  for (const failure of failed) inFlight.delete(failure.actionId);

  const report = creationReport(drafts.length, { created: [...created.keys()], recovered: [...recovered.keys()], failed, unconfirmed });
  await saveLock(lock, { release: true, inFlight: [...inFlight], last: { ...report, at, by: actor } });
  logEvent('actions-created', { requested: drafts.length, created: created.size, recovered: recovered.size, failed: failed.length, unconfirmed: unconfirmed.length });
  return report;
}

export async function createActionIssues(issueKey: string, actionIds: readonly string[] | undefined, grant: Grant, actor: string): Promise<CreateIssuesResult> {
  const review = await reviewOfIncident(issueKey);
  const stage = review.workflow.stage;
  if (stage !== 'approved' && stage !== 'closed') {
    throw new AppError('NOT_ALLOWED', 'Jira issues are created once management has approved the decisions (R8). Request approval first.');
  }
  const lock = await acquireLock(review.incident.issueId, actor);
  if (lock.kind === 'busy') throw new AppError('CONFLICT', 'Someone is creating these issues right now. Reload in a moment to see them.');
  let report: CreationReport;
  try {
    report = await run(review, lock.handle, actionIds, actor);
  } catch (error) {
    // The lock would expire by itself; releasing it now lets the person retry at once. In-flight ids stay.
    if (lock.handle.record.lockedUntil !== 0) await saveLock(lock.handle, { release: true }).catch(() => undefined);
    throw error;
  }
  return { view: await loadDecisionsView(review, grant, actor), report };
}
