import { createHash } from 'node:crypto';
import type { LessonsSharePreview, ShareLessonsResult, SharesPage, ShareView } from '../api/communication';
import { AppError } from '../api/errors';
import {
  SHAREABLE_STAGES,
  buildLessonsSummary,
  canonicalRecipients,
  effectiveStatus,
  hasRecipients,
  mayRetry,
  shareFingerprint,
  type Audience,
  type LessonsSummary,
  type ShareRecipients,
  type ShareRecord,
} from '../domain/communication';
import { STAGE_LABELS, type Review } from '../domain/review';
import { fullTaxonomy } from '../domain/settings';
import { notifyIssue, type NotifyOutcome } from '../platform/jira/notify';
import { getProjectRoleActors, getProjectRoles } from '../platform/jira/project-config';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, queryIndex, transact } from '../platform/store';
import { actionsOfIncident } from './actions-records';
import { reviewOfIncident } from './decisions';
import { readRisks, riskLinksOfIncident } from './risks-records';
import { loadProjectSettings } from './settings-store';

/**
 * R15 "share lessons": a summary of an approved (or closed) review, tailored to management or
 * staff, sent as a Jira notification on the incident — as the user who shares it, to the people,
 * groups and project roles they pick, restricted to those who may see the incident — and recorded
 * (who, to whom, when, which review version, which audience) for the evidence pack (R24).
 *
 * One record per distinct share (same version, audience, recipients, note): it is written before
 * the call to Jira, so a double click or a concurrent retry finds it and sends nothing again; a
 * share Jira refused may be retried, one whose answer was lost is reported as unconfirmed.
 */

export interface CommunicationRecord {
  shareId: string;
  projectKey: string;
  incidentIssueId: string;
  sentAt: number;
  status: string;
  version: number;
  document: ShareRecord;
}

const RESTRICT = ['BROWSE_PROJECTS'];
const shareKey = (shareId: string): string => `share-${shareId}`;

async function summaryOf(review: Review, audience: Audience, note: string | undefined): Promise<LessonsSummary> {
  const [{ settings }, actions, links] = await Promise.all([loadProjectSettings(review.incident.projectKey), actionsOfIncident(review.incident.issueId), riskLinksOfIncident(review.incident.issueId)]);
  const risks = await readRisks([...new Set(links.map((link) => link.riskId))]);
  return buildLessonsSummary(audience, {
    review,
    taxonomy: fullTaxonomy(settings),
    risks: [...risks.values()],
    actions,
    ...(note === undefined ? {} : { note }),
  });
}

const refusal = (review: Review): string | undefined =>
  SHAREABLE_STAGES.includes(review.workflow.stage)
    ? undefined
    : `Lessons can be shared once management has approved the review; this one is ${STAGE_LABELS[review.workflow.stage].toLowerCase()}.`;

export async function previewLessonsShare(issueKey: string, audience: Audience, note: string | undefined): Promise<LessonsSharePreview> {
  const review = await reviewOfIncident(issueKey);
  const [summary, roles] = await Promise.all([summaryOf(review, audience, note), // Role names are read as the app: listing a project's roles needs Administer projects.
    getProjectRoles(new JiraTransport('app'), review.incident.projectKey).catch(() => [])]);
  const reason = refusal(review);
  return {
    issueKey: review.incident.issueKey,
    audience,
    reviewVersion: review.version,
    reviewStage: review.workflow.stage,
    canShare: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
    ...summary,
    projectRoles: roles.map((role) => role.name).sort(),
  };
}

/** The people and groups behind the chosen project roles (read as the app: role members are not every user's to read). */
async function expandRoles(projectKey: string, roleNames: readonly string[]): Promise<{ accountIds: string[]; groupIds: string[] }> {
  if (roleNames.length === 0) return { accountIds: [], groupIds: [] };
  const jira = new JiraTransport('app');
  const roles = await getProjectRoles(jira, projectKey);
  const accountIds = new Set<string>();
  const groupIds = new Set<string>();
  for (const name of roleNames) {
    const role = roles.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (role === undefined) throw new AppError('INVALID_INPUT', `recipients.projectRoles: project ${projectKey} has no role "${name}".`, 'recipients.projectRoles');
    const actors = await getProjectRoleActors(jira, projectKey, role.id);
    for (const id of actors.accountIds) accountIds.add(id);
    for (const id of actors.groupIds) groupIds.add(id);
  }
  return { accountIds: [...accountIds], groupIds: [...groupIds] };
}

const toView = (record: ShareRecord, now = Date.now()): ShareView => ({ ...record, status: effectiveStatus(record, now) });

async function writeShare(record: ShareRecord, base: CommunicationRecord | undefined): Promise<CommunicationRecord> {
  const next: CommunicationRecord = {
    shareId: record.shareId,
    projectKey: record.projectKey,
    incidentIssueId: record.incidentIssueId,
    sentAt: Date.parse(record.sentAt),
    status: record.status,
    version: (base?.version ?? 0) + 1,
    document: record,
  };
  await transact([{ entity: ENTITY.communication, key: shareKey(record.shareId), value: next, expect: base === undefined ? 'absent' : base.version }]);
  return next;
}

export async function shareLessons(issueKey: string, audience: Audience, requested: ShareRecipients, note: string | undefined, actor: string): Promise<ShareLessonsResult> {
  const review = await reviewOfIncident(issueKey);
  const reason = refusal(review);
  if (reason !== undefined) throw new AppError('NOT_ALLOWED', reason);
  const recipients = canonicalRecipients(requested);
  if (!hasRecipients(recipients)) throw new AppError('INVALID_INPUT', 'recipients: pick at least one person, group or project role.', 'recipients');
  const { projectKey, issueId } = review.incident;
  const shareId = createHash('sha256').update(shareFingerprint(issueId, review.version, audience, recipients, note ?? '')).digest('hex').slice(0, 32);
  const existing = await getRecord<CommunicationRecord>(ENTITY.communication, shareKey(shareId));
  if (existing !== undefined && !mayRetry(existing.document, Date.now())) return { share: toView(existing.document), alreadySent: true };

  const [summary, roleMembers] = await Promise.all([summaryOf(review, audience, note), expandRoles(projectKey, recipients.projectRoles)]);
  const record: ShareRecord = {
    shareId,
    issueKey: review.incident.issueKey,
    incidentIssueId: issueId,
    projectKey,
    audience,
    reviewVersion: review.version,
    reviewStage: review.workflow.stage,
    sentBy: actor,
    sentAt: new Date().toISOString(),
    recipients,
    roleMembers: roleMembers.accountIds,
    subject: summary.subject,
    status: 'sending',
  };
  let stored: CommunicationRecord;
  try {
    stored = await writeShare(record, existing);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    // Someone (a double click) is sending exactly this share right now.
    const current = await getRecord<CommunicationRecord>(ENTITY.communication, shareKey(shareId));
    if (current === undefined) throw error;
    return { share: toView(current.document), alreadySent: true };
  }

  const outcome: NotifyOutcome = await notifyIssue(new JiraTransport('user'), issueId, {
    ...summary,
    to: { users: [...new Set([...recipients.users, ...roleMembers.accountIds])], groupIds: roleMembers.groupIds, groupNames: recipients.groups },
    restrictToPermissions: RESTRICT,
  });
  const finished: ShareRecord =
    outcome.kind === 'sent' ? { ...record, status: 'sent' } : outcome.kind === 'unknown' ? { ...record, status: 'unconfirmed' } : { ...record, status: 'failed', error: outcome.message.slice(0, 500) };
  await writeShare(finished, stored);
  logEvent('lessons-shared', { issue: record.issueKey, audience, status: finished.status });
  return { share: toView(finished), alreadySent: false };
}

export async function listIncidentShares(issueKey: string): Promise<SharesPage> {
  const review = await reviewOfIncident(issueKey);
  const page = await queryIndex<CommunicationRecord>(ENTITY.communication, 'by-incident', [review.incident.issueId], { sort: 'DESC', limit: 20 });
  return { shares: page.items.map((item) => toView(item.value.document)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}

/** Every share of a project, newest first, a page at a time (for the evidence pack). */
export async function listProjectShares(projectKey: string, cursor: string | undefined): Promise<SharesPage> {
  const page = await queryIndex<CommunicationRecord>(ENTITY.communication, 'by-project', [projectKey], { sort: 'DESC', limit: 20, ...(cursor === undefined ? {} : { cursor }) });
  return { shares: page.items.map((item) => toView(item.value.document)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
