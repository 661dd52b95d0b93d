import { AppError } from '../api/errors';
import { projectSettingsSchema, DEFAULT_PROJECT_SETTINGS, fullTaxonomy } from '../domain/settings';
import { issueSummaryOf } from './issue-summary';
import { accountIdsOf, type AuditEntry, type IncidentIssueFacts, type IncidentRecord, type ReportAttachment } from '../domain/report';
import { SECTION_LABELS, parseReview, type AuditEvent, type Review } from '../domain/review';
import type { ProcedureHead } from '../domain/procedure';
import { getIncidentIssue, type IncidentIssue } from '../platform/jira/issues';
import { getDisplayNames } from '../platform/jira/people';
import { JiraTransport } from '../platform/jira/transport';
import { ENTITY, getMixedRecords, queryIndex } from '../platform/store';
import { actionsOfIncident } from './actions-records';
import type { CommunicationRecord } from './communication';
import { approverRuleLabel } from './decisions';
import { procedureKey, type ProcedureRecord } from './procedure-store';
import { reviewKey, type AuditRecord, type ReviewRecord } from './review-records';
import { readRisks, riskLinksOfIncident } from './risks-records';
import { settingsKey, type SettingsRecord } from './settings-store';

/**
 * Everything the app knows about one incident, for the report (R13), the walkthrough and the
 * evidence pack (R24). The issue is read from Jira as the caller (Jira decides what they may see);
 * its id and project come from Jira's answer, never from the browser.
 *
 * Round trips (≤ 20 actions, risk links and shares; more only page by page beyond that):
 * Jira 1 (the issue) → storage 5 in parallel (review + settings + procedure in one batch, actions,
 * risk links, communication records, report copies) → storage 2 in parallel (the linked risks in
 * one batch, the review's audit trail) → Jira 1 (everyone's display names in one bulk call).
 */

/** How the copies of the report attached to the issue are stored (one per distinct document). */
export interface ReportRecord {
  reportId: string;
  incidentIssueId: string;
  projectKey: string;
  sha256: string;
  status: ReportAttachment['status'];
  at: number;
  version: number;
  document: ReportAttachment;
}

export const reportRecordKey = (issueId: string, sha256: string): string => `report-${issueId}-${sha256}`;

/** How much of the review's audit trail the record carries (the History tab has the rest). */
const AUDIT_EXTRACT = 20;

function issueFacts(issue: IncidentIssue): IncidentIssueFacts {
  return { ...issueSummaryOf(issue), assignee: issue.fields.assignee?.displayName ?? null, reporter: issue.fields.reporter?.displayName ?? null };
}

function parseStoredReview(record: ReviewRecord | undefined): Review | null {
  if (record === undefined) return null;
  const parsed = parseReview(record.document);
  if (!parsed.ok) throw new AppError('INTERNAL', `The stored review of ${record.issueKey} could not be read (${parsed.error.message}).`);
  return parsed.value;
}

function auditEntry(event: AuditEvent): AuditEntry {
  const subject = event.section === undefined || event.section === 'workflow' ? 'Review' : SECTION_LABELS[event.section];
  return {
    at: event.at,
    by: event.by,
    kind: event.kind,
    subject,
    changes: event.changes,
    ...(event.reason === undefined ? {} : { reason: event.reason }),
    ...(event.comment === undefined ? {} : { comment: event.comment }),
  };
}

/**
 * The review's audit trail up to its last change, newest first: exports made since then are left
 * out, so the record — and the report's hash — changes only when the review does.
 */
async function auditUpTo(issueId: string, review: Review | null): Promise<{ entries: AuditEntry[]; complete: boolean }> {
  if (review === null) return { entries: [], complete: true };
  const page = await queryIndex<AuditRecord>(ENTITY.auditEvent, 'by-record', [reviewKey(issueId)], { lessThan: Date.parse(review.updatedAt) + 1, sort: 'DESC', limit: AUDIT_EXTRACT });
  return { entries: page.items.map((item) => auditEntry(item.value.change)), complete: page.cursor === undefined };
}

async function sharesOf(issueId: string) {
  const page = await queryIndex<CommunicationRecord>(ENTITY.communication, 'by-incident', [issueId], { sort: 'ASC', limit: 20 });
  return page.items.map((item) => item.value.document);
}

export async function reportCopiesOf(issueId: string): Promise<ReportAttachment[]> {
  const page = await queryIndex<ReportRecord>(ENTITY.incidentReport, 'by-incident', [issueId], { sort: 'DESC', limit: 20 });
  return page.items.map((item) => item.value.document);
}

/** Everything about one incident (`issueKeyOrId`: "SEC-5" or Jira's numeric id). */
export async function loadIncidentRecord(issueKeyOrId: string): Promise<IncidentRecord> {
  const jira = new JiraTransport('user');
  const issue = await getIncidentIssue(jira, issueKeyOrId);
  const issueId = issue.id;
  const projectKey = issue.fields.project.key;
  const [stored, actions, riskLinks, communications, attachments] = await Promise.all([
    getMixedRecords([
      { entity: ENTITY.review, key: reviewKey(issueId) },
      { entity: ENTITY.projectSettings, key: settingsKey(projectKey) },
      { entity: ENTITY.procedure, key: procedureKey(projectKey) },
    ]),
    actionsOfIncident(issueId),
    riskLinksOfIncident(issueId),
    sharesOf(issueId),
    reportCopiesOf(issueId),
  ]);
  const review = parseStoredReview(stored.get(`${ENTITY.review}/${reviewKey(issueId)}`) as ReviewRecord | undefined);
  const settingsRecord = stored.get(`${ENTITY.projectSettings}/${settingsKey(projectKey)}`) as SettingsRecord | undefined;
  const parsedSettings = settingsRecord === undefined ? { success: true as const, data: DEFAULT_PROJECT_SETTINGS } : projectSettingsSchema.safeParse(settingsRecord.document);
  if (!parsedSettings.success) throw new AppError('INTERNAL', `The stored settings of project ${projectKey} could not be read.`);
  const settings = parsedSettings.data;
  const procedure: ProcedureHead | null = (stored.get(`${ENTITY.procedure}/${procedureKey(projectKey)}`) as ProcedureRecord | undefined)?.document ?? null;

  const [risks, audit] = await Promise.all([readRisks([...new Set(riskLinks.map((link) => link.riskId))]), auditUpTo(issueId, review)]);
  const withoutNames = {
    issue: issueFacts(issue),
    review,
    actions,
    risks: [...risks.values()],
    riskLinks,
    communications,
    audit,
    procedure,
    taxonomy: fullTaxonomy(settings),
    approverRule: approverRuleLabel(settings),
    attachments,
  };
  const names = await getDisplayNames(jira, accountIdsOf(withoutNames));
  return { ...withoutNames, people: Object.fromEntries(names) };
}
