/**
 * R23 for project-level records (settings, procedure): one append-only event per write, stored
 * in the same `audit-event` entity as review events, keyed by the record it describes.
 */
import { MAX_CHANGES_PER_EVENT, type AuditChange } from '../review';

export type ProjectAuditKind = 'settings-updated' | 'procedure-draft-saved' | 'procedure-signed-off';

export interface ProjectAuditEvent {
  kind: ProjectAuditKind;
  projectKey: string;
  by: string;
  at: string;
  /** The settings version, or the procedure version the event is about. */
  version: number;
  changes: AuditChange[];
  /** Changes left out to keep the event small; counted so nothing disappears unnoticed. */
  omittedChanges: number;
  /** The author's change summary (procedure drafts). */
  summary?: string;
}

export function buildProjectAuditEvent(input: Omit<ProjectAuditEvent, 'changes' | 'omittedChanges'> & { changes: readonly AuditChange[] }): ProjectAuditEvent {
  const kept = input.changes.slice(0, MAX_CHANGES_PER_EVENT);
  return { ...input, changes: kept, omittedChanges: input.changes.length - kept.length };
}
