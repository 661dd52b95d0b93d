import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import type { AttachReportResult, IncidentReportView, ReportDocument, WalkthroughView } from '../api/report';
import { dayOf } from '../domain/actions';
import { buildIncidentReport, buildWalkthrough, renderReportHtml, type IncidentRecord, type PaperSize, type ReportAttachment } from '../domain/report';
import { buildAuditEvent, type AuditEvent, type AuditEventKind } from '../domain/review';
import { addAttachment, listAttachments, type JiraAttachment } from '../platform/jira/attachments';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, transact, type TransactWrite } from '../platform/store';
import type { Grant } from './access';
import { isApprover } from './approvers';
import { loadIncidentRecord, reportCopiesOf, reportRecordKey, type ReportRecord } from './incident-record';
import { reviewKey, type AuditRecord } from './review-records';
import { loadProjectSettings } from './settings-store';

/**
 * R13 the lessons-learned report: preview, export (download / print, recorded in the audit trail)
 * and attachment to the Jira issue as the retained record, once per distinct document (its SHA-256).
 * R24 the walkthrough of one incident for managers.
 */

/** Forge answers at most 5 MB per invoke; the preview carries the HTML and the model, so each stays well below half. */
const MAX_REPORT_BYTES = 2 * 1024 * 1024;

/** An upload that has been "attaching" this long without an outcome was interrupted (its answer was lost). */
const ATTACHING_STALE_MS = 120_000;

function documentOf(record: IncidentRecord, paper: PaperSize): ReportDocument & { model: ReturnType<typeof buildIncidentReport> } {
  const model = buildIncidentReport(record);
  const html = renderReportHtml(model, { paper });
  const size = Buffer.byteLength(html, 'utf8');
  if (size > MAX_REPORT_BYTES) throw new AppError('TOO_LARGE', `The report of ${record.issue.key} would be ${String(Math.round(size / 1024))} KB, more than the ${String(MAX_REPORT_BYTES / 1024)} KB a report may have.`);
  const sha256 = createHash('sha256').update(html, 'utf8').digest('hex');
  return { model, issueKey: record.issue.key, paper, fileName: `lessons-learned-${record.issue.key}-${sha256.slice(0, 12)}.html`, html, sha256, size };
}

/** An audit event of the review (R23) for an export or attachment: who, what (file and hash), when. */
function reportAuditWrite(record: IncidentRecord, kind: Extract<AuditEventKind, 'report-exported' | 'report-attached'>, document: ReportDocument, actor: string, at: string, detail: string): TransactWrite {
  const { issue } = record;
  const event: AuditEvent = buildAuditEvent({
    incident: { issueId: issue.id, issueKey: issue.key, projectKey: issue.projectKey },
    kind,
    by: actor,
    at,
    version: record.review?.version ?? 0,
    changes: [{ path: 'report', kind: 'added', after: `${document.fileName}, ${document.paper}, SHA-256 ${document.sha256}${detail === '' ? '' : `, ${detail}`}` }],
  });
  const value: AuditRecord = { recordKey: reviewKey(issue.id), projectKey: issue.projectKey, at: Date.parse(at), accountId: actor, change: event };
  // An attachment has one event per document (a replay lands on the same record); every export has its own.
  const key = kind === 'report-attached' ? `audit-${issue.id}-report-attached-${document.sha256}` : `audit-${issue.id}-report-exported-${String(Date.parse(at))}-${randomUUID().slice(0, 8)}`;
  return { entity: ENTITY.auditEvent, key, value };
}

const toDocument = ({ issueKey, paper, fileName, html, sha256, size }: ReportDocument): ReportDocument => ({ issueKey, paper, fileName, html, sha256, size });

export async function getIncidentReport(issueKey: string, paper: PaperSize, granted: Promise<Grant>): Promise<IncidentReportView> {
  const record = await loadIncidentRecord(issueKey);
  const document = documentOf(record, paper);
  const grant = await granted;
  return {
    ...toDocument(document),
    report: document.model,
    attachments: record.attachments,
    attached: record.attachments.find((copy) => copy.sha256 === document.sha256 && copy.status === 'attached') ?? null,
    canAttach: grant.permissions.has('EDIT_ISSUES'),
  };
}

/** The file the caller downloads or prints, recorded in the audit trail with its hash. */
export async function exportIncidentReport(issueKey: string, paper: PaperSize, purpose: 'download' | 'print', actor: string): Promise<ReportDocument> {
  const record = await loadIncidentRecord(issueKey);
  const document = documentOf(record, paper);
  await transact([reportAuditWrite(record, 'report-exported', document, actor, new Date().toISOString(), purpose === 'download' ? 'downloaded' : 'printed')]);
  logEvent('report-exported', { issue: record.issue.key, purpose });
  return toDocument(document);
}

function reportRecord(record: IncidentRecord, document: ReportDocument, copy: ReportAttachment, version: number): ReportRecord {
  return {
    reportId: reportRecordKey(record.issue.id, document.sha256),
    incidentIssueId: record.issue.id,
    projectKey: record.issue.projectKey,
    sha256: document.sha256,
    status: copy.status,
    at: Date.parse(copy.attachedAt),
    version,
    document: copy,
  };
}

/**
 * Attaches the report to the Jira issue as the caller. One copy per distinct document: the claim
 * (status `attaching`) is written with a version condition before the upload, so a double click or
 * a colleague finds it; an upload whose answer was lost is looked up on the issue by its file name
 * (which carries the hash) before anything is uploaded again.
 */
export async function attachIncidentReport(issueKey: string, paper: PaperSize, actor: string): Promise<AttachReportResult> {
  const record = await loadIncidentRecord(issueKey);
  const document = documentOf(record, paper);
  const key = reportRecordKey(record.issue.id, document.sha256);
  const existing = await getRecord<ReportRecord>(ENTITY.incidentReport, key);
  const now = new Date();
  const done = async (copy: ReportAttachment, alreadyAttached: boolean): Promise<AttachReportResult> => ({ attachment: copy, alreadyAttached, attachments: await reportCopiesOf(record.issue.id) });
  if (existing?.status === 'attached') return done(existing.document, true);
  if (existing?.status === 'attaching' && now.getTime() - existing.at < ATTACHING_STALE_MS) {
    throw new AppError('CONFLICT', `This report of ${record.issue.key} is being attached right now (by someone else, or by an earlier click). Wait a moment and reload.`);
  }

  const claim: ReportAttachment = {
    sha256: document.sha256,
    fileName: document.fileName,
    paper,
    status: 'attaching',
    attachedAt: now.toISOString(),
    attachedBy: actor,
    reviewVersion: record.review?.version ?? 0,
  };
  const claimVersion = (existing?.version ?? 0) + 1;
  try {
    await transact([{ entity: ENTITY.incidentReport, key, value: reportRecord(record, document, claim, claimVersion), expect: existing?.version ?? 'absent' }]);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    const current = await getRecord<ReportRecord>(ENTITY.incidentReport, key);
    if (current?.status === 'attached') return done(current.document, true);
    throw new AppError('CONFLICT', `This report of ${record.issue.key} is being attached right now. Wait a moment and reload.`);
  }

  const jira = new JiraTransport('user');
  let uploaded: JiraAttachment;
  try {
    // After an interrupted upload the file may already be on the issue: find it rather than add a second copy.
    const earlier = existing === undefined ? undefined : (await listAttachments(jira, record.issue.key)).find((file) => file.filename === document.fileName);
    uploaded = earlier ?? (await addAttachment(jira, record.issue.key, { fileName: document.fileName, mimeType: 'text/html; charset=utf-8', content: document.html }));
  } catch (error) {
    // Lost answer or 5xx: it may have been attached; the claim stays and goes stale, and the next try looks first.
    if (error instanceof AppError && (error.code === 'UPSTREAM' || error.code === 'INTERNAL')) throw new AppError('UPSTREAM', `Jira did not confirm the attachment to ${record.issue.key}. In two minutes, try again: the app will check whether it arrived before attaching it again.`);
    const failed: ReportAttachment = { ...claim, status: 'failed', error: error instanceof Error ? error.message.slice(0, 500) : 'Jira refused the attachment.' };
    await transact([{ entity: ENTITY.incidentReport, key, value: reportRecord(record, document, failed, claimVersion + 1), expect: claimVersion }]);
    throw error;
  }

  const attachedAt = new Date().toISOString();
  const attached: ReportAttachment = { ...claim, status: 'attached', attachedAt, attachmentId: uploaded.id };
  await transact([
    { entity: ENTITY.incidentReport, key, value: reportRecord(record, document, attached, claimVersion + 1), expect: claimVersion },
    reportAuditWrite(record, 'report-attached', document, actor, attachedAt, `Jira attachment ${uploaded.id}`),
  ]);
  logEvent('report-attached', { issue: record.issue.key });
  return done(attached, false);
}

/**
 * The walkthrough of one incident of the project, for managers: the approver group or role, or
 * project admins (the same rule as signing off the procedure). Anyone else gets FORBIDDEN and
 * nothing of the incident.
 */
export async function getIncidentWalkthrough(projectKey: string, issueKey: string, granted: Promise<Grant>, actor: string): Promise<WalkthroughView> {
  const [grant, loaded, record] = await Promise.all([granted, loadProjectSettings(projectKey), loadIncidentRecord(issueKey).catch((error: unknown) => error)]);
  const manager = grant.permissions.has('ADMINISTER_PROJECTS') || (await isApprover(loaded.settings, actor, projectKey));
  if (!manager) {
    const approvers = loaded.settings.approvers.kind === 'group' ? `the group "${loaded.settings.approvers.groupName}"` : `the project role "${loaded.settings.approvers.roleName}"`;
    throw new AppError('FORBIDDEN', `Only members of ${approvers} or project admins can walk through incidents.`);
  }
  if (record instanceof Error) throw record;
  const incident = record as IncidentRecord;
  if (incident.issue.projectKey !== projectKey) throw new AppError('NOT_FOUND', `${issueKey} is not an incident of project ${projectKey}.`, 'issueKey');
  const today = dayOf(new Date());
  return { projectKey, walkthrough: buildWalkthrough(incident, today), today };
}
