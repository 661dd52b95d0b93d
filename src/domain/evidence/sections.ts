/**
 * R24: the evidence pack answers the ten questions an ISO 27001 auditor asks about control A 5.27,
 * each with its evidence (figures and a table of records) and what is missing. Built from one
 * project's overview and loaded records — or from several projects' records merged — so the same
 * function serves the project page, the print-ready HTML and the exports.
 */
import { basisText, formatKpi } from '../dashboard';
import { ACTION_KIND_LABELS, OPEN_STATUSES } from '../actions';
import { STAGE_LABELS } from '../review';
import type { EvidenceOverview } from './overview';
import type { ActionEvidence, EvidenceRecords, IncidentEvidence } from './records';

export const SECTION_IDS = ['process', 'reviews', 'root-causes', 'actions', 'isms', 'communication', 'meetings', 'resourcing', 'trends', 'improvement'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** `evidenced`: evidence and nothing missing; `gaps`: evidence with something missing; `no-evidence`: nothing to show. */
export type SectionStatus = 'evidenced' | 'gaps' | 'no-evidence';

export const STATUS_LABELS: Record<SectionStatus, string> = { evidenced: 'Evidenced', gaps: 'Gaps found', 'no-evidence': 'No evidence' };

export interface EvidenceTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface EvidenceGap {
  text: string;
  /** The records concerned (issue keys, action keys), when there are any. */
  items: string[];
}

export interface EvidenceSection {
  id: SectionId;
  number: number;
  question: string;
  /** Where in the app the evidence lives, for the auditor who wants the full record. */
  source: string;
  status: SectionStatus;
  figures: { label: string; value: string }[];
  tables: EvidenceTable[];
  missing: EvidenceGap[];
}

export interface SectionOptions {
  /** Display name of an account id (the page's user directory); the id itself by default. */
  name?: (accountId: string) => string;
  /** Training records or links the manager adds to section 8 (not stored by the app). */
  trainingNotes?: string;
}

const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${String(Math.round((part / whole) * 100))}%`);
const ofTotal = (part: number, whole: number): string => `${String(part)} of ${String(whole)} (${percent(part, whole)})`;
const day = (instant: string | undefined): string => (instant === undefined ? '' : instant.slice(0, 10));
const isApproved = (incident: IncidentEvidence): boolean => incident.stage === 'approved' || incident.stage === 'closed';
const gap = (text: string, items: readonly string[] = []): EvidenceGap => ({ text, items: [...items] });

function status(hasEvidence: boolean, missing: readonly EvidenceGap[]): SectionStatus {
  if (!hasEvidence) return 'no-evidence';
  return missing.length > 0 ? 'gaps' : 'evidenced';
}

function section(id: SectionId, question: string, source: string, hasEvidence: boolean, figures: EvidenceSection['figures'], tables: EvidenceTable[], missing: EvidenceGap[]): EvidenceSection {
  return { id, number: SECTION_IDS.indexOf(id) + 1, question, source, status: status(hasEvidence, missing), figures, tables, missing };
}

const actionLabel = (action: ActionEvidence): string => action.jiraIssueKey ?? `draft "${action.summary}"`;

/** The ten sections, in the order of the audit questions. */
export function buildEvidenceSections(overview: EvidenceOverview, records: EvidenceRecords, options: SectionOptions = {}): EvidenceSection[] {
  const name = options.name ?? ((accountId: string) => accountId);
  const names = (ids: readonly string[]): string => ids.map(name).join(', ');
  const { figures } = overview;
  const incidents = [...records.incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.issueKey.localeCompare(b.issueKey));
  const notApproved = incidents.filter((incident) => !isApproved(incident));
  const significant = new Set(overview.settings.significantSeverities);
  const { procedure } = overview;

  // 1. The process exists and is effective.
  const process = (() => {
    const missing: EvidenceGap[] = [];
    if (procedure.current === undefined) missing.push(gap('No signed-off review procedure: write one and have it signed off in the project settings.'));
    if (procedure.pendingDraft !== undefined) missing.push(gap(`Procedure version ${String(procedure.pendingDraft.version)} is written but not signed off yet.`));
    if (notApproved.length > 0) missing.push(gap(`${String(notApproved.length)} incident(s) of the period have no approved review yet.`, notApproved.map((incident) => incident.issueKey)));
    if (overview.processReview.overdue) missing.push(gap(`The review of the incident process itself is overdue since ${overview.processReview.nextReviewDate ?? ''}.`));
    const onTime = overview.kpis.find((kpi) => kpi.id === 'reviews-on-time');
    const current = procedure.current;
    return section(
      'process',
      'Does a documented process for learning from incidents exist, and is it effective?',
      'Project settings → Procedure; project page → Review coverage',
      current !== undefined || figures.incidents > 0,
      [
        { label: 'Procedure in force', value: current === undefined ? 'none signed off' : `version ${String(current.version)}, signed off by ${name(current.signedOffBy)} on ${day(current.signedOffAt)}` },
        { label: 'Incidents in the period', value: String(figures.incidents) },
        { label: 'Incidents with an approved review', value: ofTotal(figures.reviewed, figures.incidents) },
        ...(onTime === undefined ? [] : [{ label: onTime.label, value: `${formatKpi(onTime.unit, onTime.current.value)} ${basisText(onTime, onTime.current)}`.trim() }]),
        { label: 'Approvers', value: overview.approvers },
      ],
      [],
      missing,
    );
  })();

  // 2. Post-incident review records.
  const reviews = (() => {
    const significantOpen = notApproved.filter((incident) => incident.severity !== undefined && significant.has(incident.severity));
    const missing: EvidenceGap[] = [];
    if (significantOpen.length > 0) missing.push(gap(`${String(significantOpen.length)} significant incident(s) without an approved review (mandatory).`, significantOpen.map((incident) => incident.issueKey)));
    const drafts = notApproved.filter((incident) => incident.stage === 'draft' || incident.stage === 'in_review');
    if (drafts.length > 0) missing.push(gap(`${String(drafts.length)} review(s) still in draft or in review.`, drafts.map((incident) => incident.issueKey)));
    return section(
      'reviews',
      'Are post-incident reviews recorded?',
      'Issue panel "Lessons learned" of each incident (and its lessons-learned report)',
      incidents.length > 0,
      [
        { label: 'Reviews of the period', value: String(incidents.length) },
        { label: 'Approved or closed', value: ofTotal(incidents.length - notApproved.length, incidents.length) },
      ],
      [
        {
          caption: 'Post-incident reviews',
          columns: ['Incident', 'Summary', 'Occurred', 'Severity', 'Stage', 'Approved by', 'Approved on'],
          rows: incidents.map((incident) => [incident.issueKey, incident.summary, day(incident.occurredAt), incident.severity ?? '—', STAGE_LABELS[incident.stage], incident.approval ? name(incident.approval.by) : '—', day(incident.approval?.at) || '—']),
        },
      ],
      missing,
    );
  })();

  // 3. Root causes identified.
  const rootCauses = (() => {
    const none = incidents.filter((incident) => incident.rootCauses.length === 0);
    const noMethod = incidents.filter((incident) => incident.rootCauses.length > 0 && incident.whyChains === 0 && incident.fishboneCauses === 0);
    const missing: EvidenceGap[] = [];
    if (none.length > 0) missing.push(gap(`${String(none.length)} incident(s) without a root cause.`, none.map((incident) => incident.issueKey)));
    if (noMethod.length > 0) missing.push(gap(`${String(noMethod.length)} incident(s) whose root causes were entered without a 5 Whys chain or a fishbone.`, noMethod.map((incident) => incident.issueKey)));
    const total = incidents.reduce((sum, incident) => sum + incident.rootCauses.length, 0);
    const methods = (incident: IncidentEvidence): string =>
      [incident.whyChains > 0 ? `5 Whys (${String(incident.whyChains)})` : '', incident.fishboneCauses > 0 ? `fishbone (${String(incident.fishboneCauses)} causes)` : ''].filter(Boolean).join(', ') || 'none';
    return section(
      'root-causes',
      'Are root causes identified?',
      'Issue panel → 5 Whys, Fishbone, Root causes',
      total > 0,
      [
        { label: 'Root causes recorded', value: String(total) },
        { label: 'Incidents with at least one root cause', value: ofTotal(incidents.length - none.length, incidents.length) },
      ],
      [
        {
          caption: 'Root causes per incident',
          columns: ['Incident', 'Root causes', 'Categories', 'Method', 'Deepest why-chain'],
          rows: incidents.map((incident) => [
            incident.issueKey,
            String(incident.rootCauses.length),
            [...new Set(incident.rootCauses.map((rootCause) => rootCause.categoryLabel))].join(', ') || '—',
            methods(incident),
            incident.deepestWhy === 0 ? '—' : `${String(incident.deepestWhy)} steps`,
          ]),
        },
      ],
      missing,
    );
  })();

  // 4. Corrective actions tracked.
  const actions = (() => {
    const log = [...records.actions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.actionId.localeCompare(b.actionId));
    const overdue = log.filter((action) => OPEN_STATUSES.includes(action.status) && action.targetDate < overview.today);
    const unverified = log.filter((action) => action.status === 'done' && action.verification === undefined);
    const drafts = log.filter((action) => action.status === 'draft');
    const missing: EvidenceGap[] = [];
    if (overdue.length > 0) missing.push(gap(`${String(overdue.length)} action(s) of the period are past their target date.`, overdue.map(actionLabel)));
    if (unverified.length > 0) missing.push(gap(`${String(unverified.length)} completed action(s) not verified yet.`, unverified.map(actionLabel)));
    if (drafts.length > 0) missing.push(gap(`${String(drafts.length)} planned action(s) not yet created in Jira.`, drafts.map(actionLabel)));
    const effectiveness = (action: ActionEvidence): string =>
      action.effectiveness === undefined ? (action.status === 'done' ? 'pending' : '—') : action.effectiveness.verdict === 'effective' ? 'effective' : `not effective${action.effectiveness.recurrenceIssueKey ? ` (recurred in ${action.effectiveness.recurrenceIssueKey})` : ''}`;
    return section(
      'actions',
      'Are corrective actions tracked to completion and verified?',
      'Issue panel → Decisions & actions; project page → Overdue actions; the "corrective actions log" CSV',
      log.length > 0 || figures.actionsClosed > 0,
      [
        { label: 'Actions planned or completed in the period', value: String(log.length) },
        { label: 'Completed in the period', value: String(figures.actionsClosed) },
        { label: 'Completed on or before the target date', value: ofTotal(figures.actionsOnTime, figures.actionsClosed) },
        { label: 'Completed and verified', value: ofTotal(figures.actionsVerified, figures.actionsClosed) },
        { label: 'Judged effective', value: ofTotal(figures.actionsEffective, figures.actionsEffective + figures.actionsNotEffective) },
        { label: 'Overdue today (whole project)', value: `${String(figures.overdueActions)} of ${String(figures.openActions)} open` },
      ],
      [
        {
          caption: 'Corrective actions log',
          columns: ['Action', 'Incident', 'Kind', 'Owner', 'Target date', 'Status', 'Completed', 'Verified by', 'Effectiveness'],
          rows: log.map((action) => [
            `${actionLabel(action)}${action.jiraIssueKey ? ` ${action.summary}` : ''}`,
            action.incidentIssueKey,
            ACTION_KIND_LABELS[action.kind],
            name(action.ownerAccountId),
            action.targetDate,
            action.status,
            day(action.completedAt) || '—',
            action.verification ? `${name(action.verification.by)} on ${day(action.verification.at)}` : '—',
            effectiveness(action),
          ]),
        },
      ],
      missing,
    );
  })();

  // 5. Integration into the ISMS: risks and policies.
  const isms = (() => {
    const periodIssueKeys = new Set(incidents.map((incident) => incident.issueKey));
    const linkedRootCauses = new Set(records.risks.flatMap((risk) => risk.links.map((link) => `${link.incidentIssueKey}/${link.rootCauseId}`)));
    const riskDecisionsWithoutRisk = incidents.filter((incident) =>
      incident.decisions.some((decision) => decision.option === 'manage-as-risk' && !linkedRootCauses.has(`${incident.issueKey}/${decision.rootCauseId}`)),
    );
    const risksOfPeriod = records.risks.filter((risk) => risk.links.some((link) => periodIssueKeys.has(link.incidentIssueKey)));
    const lateRiskReviews = records.risks.filter((risk) => risk.status === 'open' && risk.nextReviewDate < overview.today);
    const policies = incidents.flatMap((incident) => incident.affectedPolicies.map((policy) => ({ incident: incident.issueKey, ...policy })));
    const missing: EvidenceGap[] = [];
    if (riskDecisionsWithoutRisk.length > 0) missing.push(gap(`${String(riskDecisionsWithoutRisk.length)} incident(s) decided "manage as a risk" without a risk register entry.`, riskDecisionsWithoutRisk.map((incident) => incident.issueKey)));
    if (lateRiskReviews.length > 0) missing.push(gap(`${String(lateRiskReviews.length)} open risk(s) past their review date.`, lateRiskReviews.map((risk) => risk.title)));
    if (incidents.length > 0 && risksOfPeriod.length === 0 && policies.length === 0) missing.push(gap('No risk register entry or policy update is traced to an incident of the period.'));
    return section(
      'isms',
      'Are lessons integrated into the ISMS (risk register, policies and procedures)?',
      'Issue panel → Decisions & actions (risks, affected policies); the risk register CSV',
      records.risks.length > 0 || policies.length > 0,
      [
        { label: 'Risks in the register', value: String(records.risks.length) },
        { label: 'Risks traced to incidents of the period', value: String(risksOfPeriod.length) },
        { label: 'Policy or procedure updates traced to incidents', value: String(policies.length) },
      ],
      [
        {
          caption: 'Risk register',
          columns: ['Risk', 'Treatment', 'Rating', 'Owner', 'Next review', 'Status', 'Incidents'],
          rows: records.risks.map((risk) => [
            risk.title,
            risk.treatment,
            `${String(risk.score)} (${risk.level})`,
            name(risk.ownerAccountId),
            risk.nextReviewDate,
            risk.status,
            `${[...new Set(risk.links.map((link) => link.incidentIssueKey))].join(', ') || '—'}${risk.moreLinks ? ' …' : ''}`,
          ]),
        },
        { caption: 'Policy and procedure updates', columns: ['Incident', 'Policy or procedure', 'Reference'], rows: policies.map((policy) => [policy.incident, policy.title, policy.reference || '—']) },
      ],
      missing,
    );
  })();

  // 6. Communication of lessons.
  const communication = (() => {
    const shared = new Set(records.communications.filter((share) => share.status === 'sent').map((share) => share.issueKey));
    const approvedUnshared = incidents.filter((incident) => isApproved(incident) && !shared.has(incident.issueKey));
    const unsure = records.communications.filter((share) => share.status === 'failed' || share.status === 'unconfirmed');
    const missing: EvidenceGap[] = [];
    if (approvedUnshared.length > 0) missing.push(gap(`${String(approvedUnshared.length)} approved review(s) whose lessons were not shared.`, approvedUnshared.map((incident) => incident.issueKey)));
    if (unsure.length > 0) missing.push(gap(`${String(unsure.length)} share(s) failed or unconfirmed.`, unsure.map((share) => share.issueKey)));
    const recipients = (share: (typeof records.communications)[number]): string =>
      [share.recipients.users > 0 ? `${String(share.recipients.users)} people` : '', ...share.recipients.groups.map((group) => `group ${group}`), ...share.recipients.projectRoles.map((role) => `role ${role}`)].filter(Boolean).join(', ');
    return section(
      'communication',
      'Are lessons learned communicated to the relevant people?',
      'Issue panel → Share lessons (and its record of shares)',
      records.communications.length > 0,
      [
        { label: 'Shares in the period', value: String(records.communications.length) },
        { label: 'Incidents whose lessons were shared', value: String(shared.size) },
      ],
      [
        {
          caption: 'Lessons shared',
          columns: ['Sent', 'Incident', 'Audience', 'Sent by', 'To', 'Outcome'],
          rows: [...records.communications].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).map((share) => [day(share.sentAt), share.issueKey, share.audience, name(share.sentBy), recipients(share), share.status]),
        },
      ],
      missing,
    );
  })();

  // 7. Review meetings and attendance.
  const meetings = (() => {
    const held = incidents.filter((incident) => incident.meeting.heldAt !== undefined);
    const approvedWithout = incidents.filter((incident) => isApproved(incident) && incident.meeting.heldAt === undefined);
    const empty = held.filter((incident) => incident.meeting.attendees.length === 0);
    const missing: EvidenceGap[] = [];
    if (approvedWithout.length > 0) missing.push(gap(`${String(approvedWithout.length)} approved review(s) without a recorded review meeting.`, approvedWithout.map((incident) => incident.issueKey)));
    if (empty.length > 0) missing.push(gap(`${String(empty.length)} meeting(s) without attendees recorded.`, empty.map((incident) => incident.issueKey)));
    const attendance = held.reduce((sum, incident) => sum + incident.meeting.attendees.length, 0);
    return section(
      'meetings',
      'How often are review meetings held, and who attends?',
      'Issue panel → People (review meeting and attendees)',
      held.length > 0,
      [
        { label: 'Review meetings held', value: ofTotal(held.length, incidents.length) },
        { label: 'Mean attendees per meeting', value: held.length === 0 ? '—' : (attendance / held.length).toFixed(1) },
      ],
      [{ caption: 'Review meetings', columns: ['Incident', 'Held on', 'Attendees'], rows: held.map((incident) => [incident.issueKey, day(incident.meeting.heldAt), names(incident.meeting.attendees) || '—']) }],
      missing,
    );
  })();

  // 8. Resourcing and capability.
  const resourcing = (() => {
    const led = new Map<string, number>();
    const took = new Map<string, number>();
    for (const incident of incidents) {
      if (incident.people.incidentManager !== undefined) led.set(incident.people.incidentManager, (led.get(incident.people.incidentManager) ?? 0) + 1);
      for (const person of new Set([...incident.people.responseTeam, ...incident.people.informationSecurity])) took.set(person, (took.get(person) ?? 0) + 1);
    }
    const people = [...new Set([...led.keys(), ...took.keys()])].sort((a, b) => (led.get(b) ?? 0) + (took.get(b) ?? 0) - (led.get(a) ?? 0) - (took.get(a) ?? 0) || name(a).localeCompare(name(b)));
    const withoutManager = incidents.filter((incident) => incident.people.incidentManager === undefined);
    const fiveWhys = incidents.filter((incident) => incident.whyChains > 0).length;
    const fishbone = incidents.filter((incident) => incident.fishboneCauses > 0).length;
    const training = options.trainingNotes?.trim() ?? '';
    const missing: EvidenceGap[] = [];
    if (withoutManager.length > 0) missing.push(gap(`${String(withoutManager.length)} incident(s) without an incident manager.`, withoutManager.map((incident) => incident.issueKey)));
    if (training === '') missing.push(gap('No training records linked: add links or notes to the pack before exporting.'));
    return section(
      'resourcing',
      'Are reviews resourced by capable people (who performed them, which RCA methods)?',
      'Issue panel → People; training records linked in the pack',
      people.length > 0,
      [
        { label: 'People who performed reviews', value: String(people.length) },
        { label: 'Incidents analysed with 5 Whys', value: ofTotal(fiveWhys, incidents.length) },
        { label: 'Incidents analysed with a fishbone', value: ofTotal(fishbone, incidents.length) },
        ...(training === '' ? [] : [{ label: 'Training records', value: training }]),
      ],
      [{ caption: 'Who performed the reviews', columns: ['Person', 'Led as incident manager', 'Took part (response team, information security)'], rows: people.map((person) => [name(person), String(led.get(person) ?? 0), String(took.get(person) ?? 0)]) }],
      missing,
    );
  })();

  // 9. Trend measurement.
  const trends = (() => {
    const unmeasured = overview.kpis.filter((kpi) => kpi.current.value === null);
    const missing: EvidenceGap[] = [];
    if (figures.incidents > 0 && unmeasured.length > 0) missing.push(gap(`Nothing to measure this period for: ${unmeasured.map((kpi) => kpi.label).join('; ')}.`));
    if (overview.repeats.length > 0) missing.push(gap(`Repeat root causes in the period: ${overview.repeats.map((repeat) => `${repeat.label} (${String(repeat.incidents)} incidents)`).join('; ')}.`));
    return section(
      'trends',
      'Are trends measured (KPIs and recurrence against the previous period)?',
      'Project page → KPIs, Recurrence trends, Repeat root causes (same figures)',
      figures.incidents > 0 || figures.actionsClosed > 0,
      [
        { label: 'This period', value: overview.period.label },
        { label: 'Previous period', value: overview.period.previousLabel },
      ],
      [
        {
          caption: 'KPIs, this period against the previous one',
          columns: ['KPI', 'This period', 'Basis', 'Previous period', 'Basis'],
          rows: overview.kpis.map((kpi) => [kpi.label, formatKpi(kpi.unit, kpi.current.value), basisText(kpi, kpi.current), formatKpi(kpi.unit, kpi.previous.value), basisText(kpi, kpi.previous)]),
        },
        { caption: 'Repeat root causes', columns: ['Category', 'Incidents', 'Root causes'], rows: overview.repeats.map((repeat) => [repeat.label, String(repeat.incidents), String(repeat.rootCauses)]) },
      ],
      missing,
    );
  })();

  // 10. Improvement of the process itself.
  const improvement = (() => {
    const missing: EvidenceGap[] = [];
    if (records.processReviews.length === 0) missing.push(gap('No review of the incident process was held in the period.'));
    if (overview.processReview.overdue) missing.push(gap(`The next process review was due on ${overview.processReview.nextReviewDate ?? ''}.`));
    const versions = overview.procedure.versionsInPeriod;
    return section(
      'improvement',
      'Is the incident process itself reviewed and improved?',
      'Project settings → Process review, Procedure (versions and sign-off)',
      records.processReviews.length > 0 || versions.length > 0,
      [
        { label: 'Process reviews held in the period', value: String(records.processReviews.length) },
        { label: 'Procedure versions written in the period', value: String(versions.length) },
        { label: 'Next process review', value: overview.processReview.nextReviewDate ?? 'not scheduled' },
      ],
      [
        {
          caption: 'Process reviews',
          columns: ['Held on', 'Participants', 'Findings', 'Actions', 'Next review'],
          rows: records.processReviews.map((review) => [
            review.heldOn,
            names(review.participants),
            review.findings.join(' · '),
            review.actions.map((action) => `${action.jiraIssueKey ?? action.status}: ${action.summary} (${name(action.ownerAccountId)}, ${action.targetDate})`).join(' · ') || '—',
            review.nextReviewDate,
          ]),
        },
        {
          caption: 'Procedure versions',
          columns: ['Version', 'Written', 'By', 'Change', 'Signed off'],
          rows: versions.map((version) => [String(version.version), day(version.createdAt), name(version.author), version.changeSummary, version.signedOffBy ? `${name(version.signedOffBy)} on ${day(version.signedOffAt)}` : 'not signed off']),
        },
      ],
      missing,
    );
  })();

  return [process, reviews, rootCauses, actions, isms, communication, meetings, resourcing, trends, improvement];
}
