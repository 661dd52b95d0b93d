import { createHash } from 'node:crypto';
import { AppError } from '../api/errors';
import { ACTION_PROPERTY_KEY, OPEN_STATUSES, dayOf } from '../domain/actions';
import { REVIEW_PROPERTY_KEY, actionPropertyValue, canonicalJson, reviewPropertyValue } from '../domain/jira-properties';
import { setIssueProperty } from '../platform/jira/issue-properties';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, deleteIfUnchanged, getMixedRecords, queryIndex, transact, type TransactWrite } from '../platform/store';
import { actionsOfIncident } from './actions-records';
import { readReview } from './review-records';

/**
 * Keeps the issue properties Jira indexes for JQL (see domain/jira-properties) in step with app
 * storage. KVS and Jira cannot share a transaction, so:
 * 1. every review/action change writes a **sync marker** for its incident in its own KVS transaction;
 * 2. right after the commit, the incident's properties are recomputed and only values whose hash
 *    differs from the last one written are PUT to Jira (as the app), then the hashes are stored
 *    and the marker removed — unless a newer change re-marked it meanwhile;
 * 3. a marker left behind (Jira down, rate limit exhausted, crash) is picked up by the daily job,
 *    which also refreshes incidents whose actions became overdue since (a date, not a write).
 * Jira rate-limits writes per issue: unchanged values cost no Jira call, only one batch read.
 */

export interface SyncMarker {
  incidentIssueId: string;
  projectKey: string;
  /** Epoch millis plus a random fraction, so a re-mark is always a different value. */
  markedAt: number;
}

interface HashRecord {
  issueId: string;
  hash: string;
  writtenAt: number;
}

export const syncMarkerKey = (incidentIssueId: string): string => `property-sync-${incidentIssueId}`;
const hashKey = (issueId: string, propertyKey: string): string => `property-hash-${propertyKey}-${issueId}`;
const hashOf = (value: unknown): string => createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 22);

/** The marker write that joins the transaction of a review or action change. */
export function syncMarkerWrite(incident: { issueId: string; projectKey: string }): TransactWrite {
  const marker: SyncMarker = { incidentIssueId: incident.issueId, projectKey: incident.projectKey, markedAt: Date.now() + Math.random() };
  return { entity: ENTITY.propertySync, key: syncMarkerKey(incident.issueId), value: marker };
}

/**
 * Records values the app set itself in the same Jira call that created or linked the issue (the
 * action property rides along with the bulk create), so the sync after the commit does not write
 * them a second time.
 */
export async function rememberPropertiesSet(targets: readonly { issueId: string; propertyKey: string; value: unknown }[]): Promise<void> {
  const writes = targets.map((target): TransactWrite => ({ entity: ENTITY.propertyHash, key: hashKey(target.issueId, target.propertyKey), value: { issueId: target.issueId, hash: hashOf(target.value), writtenAt: Date.now() } satisfies HashRecord }));
  for (let start = 0; start < writes.length; start += 25) await transact(writes.slice(start, start + 25));
}

export interface PropertySyncOutcome {
  /** Property values PUT to Jira (each one a write against Jira's per-issue rate limit). */
  written: number;
  /** Values Jira already had (no call). */
  unchanged: number;
}

interface Target {
  issueId: string;
  propertyKey: string;
  value: unknown;
}

/** Recomputes one incident's properties (the incident issue and its action issues) and writes the changed ones. */
export async function syncIncidentProperties(incidentIssueId: string, now: Date = new Date()): Promise<PropertySyncOutcome> {
  const [review, actions, markers] = await Promise.all([
    readReview(incidentIssueId),
    actionsOfIncident(incidentIssueId),
    getMixedRecords([{ entity: ENTITY.propertySync, key: syncMarkerKey(incidentIssueId) }]),
  ]);
  const marker = markers.get(`${ENTITY.propertySync}/${syncMarkerKey(incidentIssueId)}`) as SyncMarker | undefined;
  const targets: Target[] = [];
  if (review !== undefined) targets.push({ issueId: review.incident.issueId, propertyKey: REVIEW_PROPERTY_KEY, value: reviewPropertyValue(review, actions, dayOf(now)) });
  for (const action of actions) {
    // A deleted issue has nothing to carry the property; drafts have no issue yet.
    if (action.jira === undefined || action.status === 'deleted') continue;
    targets.push({ issueId: action.jira.issueId, propertyKey: ACTION_PROPERTY_KEY, value: actionPropertyValue(action) });
  }
  const stored = await getMixedRecords(targets.map((target) => ({ entity: ENTITY.propertyHash, key: hashKey(target.issueId, target.propertyKey) })));
  const jira = new JiraTransport('app');
  const written: TransactWrite[] = [];
  let unchanged = 0;
  for (const target of targets) {
    const key = hashKey(target.issueId, target.propertyKey);
    const hash = hashOf(target.value);
    if ((stored.get(`${ENTITY.propertyHash}/${key}`) as HashRecord | undefined)?.hash === hash) {
      unchanged += 1;
      continue;
    }
    // An issue deleted in Jira has nowhere to carry the value: nothing to write, nothing to retry.
    const gone = await setIssueProperty(jira, target.issueId, target.propertyKey, target.value).then(
      () => false,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return true;
        throw error;
      },
    );
    if (gone) continue;
    const record: HashRecord = { issueId: target.issueId, hash, writtenAt: Date.now() };
    written.push({ entity: ENTITY.propertyHash, key, value: record });
  }
  for (let start = 0; start < written.length; start += 25) await transact(written.slice(start, start + 25));
  if (marker !== undefined) await deleteIfUnchanged(ENTITY.propertySync, syncMarkerKey(incidentIssueId), 'markedAt', marker.markedAt);
  return { written: written.length, unchanged };
}

/**
 * Called by the record writers after their transaction committed. Never fails the user's change:
 * a failed sync leaves the marker for the daily job.
 */
export async function syncAfterCommit(incidentIssueIds: Iterable<string>): Promise<void> {
  for (const incidentIssueId of new Set(incidentIssueIds)) {
    try {
      const outcome = await syncIncidentProperties(incidentIssueId);
      if (outcome.written > 0) logEvent('jira-properties-synced', { incident: incidentIssueId, written: outcome.written, unchanged: outcome.unchanged });
    } catch (error) {
      logEvent('jira-properties-deferred', { level: 'error', incident: incidentIssueId, message: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    }
  }
}

/** Markers older than this are left by a failed or interrupted sync (younger ones may be syncing now). */
const STALE_MARKER_MS = 60_000;

/** The daily job's repair: one page of a project's leftover markers, re-synced. */
export async function repairPropertiesPage(projectKey: string, now: Date, cursor: string | undefined): Promise<{ done: boolean; cursor?: string; outcome: PropertySyncOutcome }> {
  const page = await queryIndex<SyncMarker>(ENTITY.propertySync, 'by-project', [projectKey], { lessThan: now.getTime() - STALE_MARKER_MS, limit: 20, ...(cursor === undefined ? {} : { cursor }) });
  const outcome: PropertySyncOutcome = { written: 0, unchanged: 0 };
  for (const item of page.items) {
    const synced = await syncIncidentProperties(item.value.incidentIssueId, now);
    outcome.written += synced.written;
    outcome.unchanged += synced.unchanged;
  }
  return { done: page.cursor === undefined, ...(page.cursor === undefined ? {} : { cursor: page.cursor }), outcome };
}

/** A missed daily run is caught up: actions that fell due up to this many days ago are looked at again. */
const OVERDUE_LOOKBACK_DAYS = 7;

/**
 * "Overdue" changes with the date, not with a write: each day, the incidents of open actions that
 * fell due recently are re-synced (the hash makes those already up to date cost no Jira call).
 */
export async function refreshOverduePage(projectKey: string, now: Date, cursor: string | undefined): Promise<{ done: boolean; cursor?: string; outcome: PropertySyncOutcome }> {
  const today = dayOf(now);
  const from = dayOf(new Date(now.getTime() - OVERDUE_LOOKBACK_DAYS * 86_400_000));
  const page = await queryIndex<{ incidentIssueId: string }>(ENTITY.action, 'by-project-due', [projectKey], {
    between: [from, today],
    anyOf: { attribute: 'status', values: OPEN_STATUSES },
    limit: 20,
    ...(cursor === undefined ? {} : { cursor }),
  });
  const outcome: PropertySyncOutcome = { written: 0, unchanged: 0 };
  for (const incidentIssueId of new Set(page.items.map((item) => item.value.incidentIssueId))) {
    const synced = await syncIncidentProperties(incidentIssueId, now);
    outcome.written += synced.written;
    outcome.unchanged += synced.unchanged;
  }
  return { done: page.cursor === undefined, ...(page.cursor === undefined ? {} : { cursor: page.cursor }), outcome };
}
