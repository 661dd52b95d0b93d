/**
 * R23 audit events for the records that live beside the review (actions, risks): who changed
 * what and when, one event per stored version, with the same compact change list as the review.
 */
import { MAX_CHANGES_PER_EVENT, diffForAudit, type AuditChange } from '../review/audit-diff';
import type { IncidentRef } from '../review/review';

export type RecordType = 'action' | 'risk';

export type RecordAuditKind =
  | 'action-added'
  | 'action-updated'
  | 'action-removed'
  | 'action-issue-created'
  | 'action-issue-linked'
  | 'action-status-synced'
  | 'action-verified'
  | 'action-effectiveness-judged'
  | 'risk-created'
  | 'risk-updated'
  | 'risk-linked'
  | 'risk-unlinked';

export interface RecordAuditEvent {
  record: { type: RecordType; id: string; label: string };
  /** The incident the change was made from (actions always have one; a risk may be edited on its own). */
  incident?: IncidentRef;
  projectKey: string;
  kind: RecordAuditKind;
  /** An accountId; for changes observed in Jira, the person Jira names as the actor. */
  by: string;
  at: string;
  /** The record version this change produced. */
  version: number;
  changes: AuditChange[];
  omittedChanges: number;
  reason?: string;
}

export interface RecordAuditInput extends Omit<RecordAuditEvent, 'changes' | 'omittedChanges'> {
  before: unknown;
  after: unknown;
}

/** Fields that change on every write and say nothing to a reader of the trail. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy']);

export function buildRecordAuditEvent({ before, after, ...event }: RecordAuditInput): RecordAuditEvent {
  const changes = diffForAudit(before, after).filter((change) => !BOOKKEEPING.has(change.path));
  const kept = changes.slice(0, MAX_CHANGES_PER_EVENT);
  return { ...event, changes: kept, omittedChanges: changes.length - kept.length };
}
