/**
 * Everything the app knows about one incident, gathered in one place (R13, R24): the Jira issue's
 * basic fields, the review, the records beside it and the procedure. Loaded by
 * `loadIncidentRecord` (src/services/incident-record.ts); the report, the walkthrough and the
 * evidence pack are pure functions of it.
 */
import type { Action } from '../actions/action';
import type { ShareRecord } from '../communication/share';
import type { ProcedureHead } from '../procedure/procedure';
import type { AuditChange } from '../review/audit-diff';
import type { IssueSummary } from '../review/issue-summary';
import type { Review } from '../review/review';
import type { RootCauseTaxonomy } from '../review/root-causes';
import type { Risk, RiskLink } from '../risks/risk';

export interface IncidentIssueFacts extends IssueSummary {
  assignee: string | null;
  reporter: string | null;
}

/** One entry of the audit trail as the report summarises it (review, action and risk changes alike). */
export interface AuditEntry {
  at: string;
  by: string;
  /** e.g. `section-updated`, `stage-changed`, `action-verified`, `report-attached`. */
  kind: string;
  /** The review section or the record the change was made to (e.g. "Timeline", "Action: Rotate keys"). */
  subject: string;
  changes: AuditChange[];
  reason?: string;
  comment?: string;
}

export interface AuditTrailExtract {
  /** Newest first. */
  entries: AuditEntry[];
  /** False when older entries exist beyond the extract (the panel's History tab has them all). */
  complete: boolean;
}

/** A copy of the lessons-learned report attached to the Jira issue as the retained record. */
export interface ReportAttachment {
  sha256: string;
  fileName: string;
  paper: PaperSize;
  status: 'attaching' | 'attached' | 'failed';
  attachedAt: string;
  attachedBy: string;
  reviewVersion: number;
  /** Jira's attachment id, once Jira confirmed it. */
  attachmentId?: string;
  error?: string;
}

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface IncidentRecord {
  issue: IncidentIssueFacts;
  /** Null when no review has been started (the report then says so rather than failing). */
  review: Review | null;
  actions: Action[];
  risks: Risk[];
  riskLinks: RiskLink[];
  communications: ShareRecord[];
  audit: AuditTrailExtract;
  /** The project's procedure versions (metadata only); which was in force is decided by `procedureInForce`. */
  procedure: ProcedureHead | null;
  /** Every category the project ever had, so retired ones still read by name. */
  taxonomy: RootCauseTaxonomy;
  /** Who may approve, in words ("members of the group isms-approvers"). */
  approverRule: string;
  /** Display names of everyone the record names (accountId → name), as Jira shows them to the caller. */
  people: Record<string, string>;
  /** Earlier copies attached to the issue, newest first. */
  attachments: ReportAttachment[];
}

/** Every accountId the record names, so one bulk look-up resolves them all. */
export function accountIdsOf(record: Omit<IncidentRecord, 'people'>): string[] {
  const review = record.review;
  const named: (string | undefined)[] = [];
  if (review !== null) {
    const { people } = review;
    named.push(people.incidentManager, ...people.responseTeam, ...people.legal, ...people.informationSecurity, ...people.communications, ...people.meeting.attendees);
    named.push(...review.timeline.map((entry) => entry.author), ...review.decisions.map((decision) => decision.decidedBy), ...review.workflow.history.map((change) => change.by), review.createdBy);
  }
  named.push(...record.actions.flatMap((action) => [action.ownerAccountId, action.verification?.by]));
  named.push(...record.risks.map((risk) => risk.ownerAccountId), ...record.communications.map((share) => share.sentBy), ...record.audit.entries.map((entry) => entry.by));
  named.push(...(record.procedure?.versions ?? []).map((meta) => meta.signedOffBy), ...record.attachments.map((attachment) => attachment.attachedBy));
  return [...new Set(named.filter((id): id is string => id !== undefined && id !== ''))];
}
