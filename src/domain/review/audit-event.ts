/** R23 audit events: one per write, append-only, stored apart from the review by the service. */
import { MAX_CHANGES_PER_EVENT, type AuditChange } from './audit-diff';
import type { IncidentRef, SectionName } from './review';

/** `report-*`: the lessons-learned report was exported or attached to the issue (R13); the change names its SHA-256. */
export type AuditEventKind = 'review-created' | 'section-updated' | 'stage-changed' | 'report-exported' | 'report-attached';

export interface AuditEvent {
  incident: IncidentRef;
  kind: AuditEventKind;
  /** The section that changed, or `workflow` for stage changes. */
  section?: SectionName | 'workflow';
  by: string;
  at: string;
  /** The review version this write produced, so events line up with stored versions. */
  version: number;
  changes: AuditChange[];
  /** Changes left out to keep the event small (a wholesale rewrite); the count is kept so nothing disappears unnoticed. */
  omittedChanges: number;
  /** Why the stage went back (rejection, reopening). */
  reason?: string;
  /** The approver's comment on an approval (R8). */
  comment?: string;
}

export function buildAuditEvent(input: Omit<AuditEvent, 'changes' | 'omittedChanges'> & { changes: readonly AuditChange[] }): AuditEvent {
  const kept = input.changes.slice(0, MAX_CHANGES_PER_EVENT);
  return { ...input, changes: kept, omittedChanges: input.changes.length - kept.length };
}
