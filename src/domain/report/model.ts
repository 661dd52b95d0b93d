/**
 * R13 the lessons-learned report of one incident, as data: every section of the record in reading
 * order, with names instead of account ids and labels instead of codes, and the gaps an auditor
 * would find flagged where they are. Pure, and total: a sparse or missing review gives a report
 * that says what is missing, never an error.
 */
import { ACTION_KIND_LABELS, type Action } from '../actions/action';
import { DECISION_LABELS, currentDecisions, decisionFor } from '../decisions/decision';
import { approvalState } from '../decisions/approval';
import { AUDIENCE_LABELS } from '../communication/summary';
import { riskLevel, riskScore, type RiskLevel } from '../risks/risk';
import { CIA_PROPERTIES, TIMESTAMP_FIELDS, TIMESTAMP_LABELS } from '../review/facts';
import { chainConclusion } from '../review/five-whys';
import type { Fishbone } from '../review/fishbone';
import { lessonAnswers } from '../review/lessons';
import { PEOPLE_ROLE_LABELS } from '../review/people';
import { categoryLabel, type RootCause } from '../review/root-causes';
import { STAGE_LABELS } from '../review/stages';
import { A527_CONTROL } from './control-attributes';
import { procedureInForce } from './procedure-in-force';
import type { AuditEntry, IncidentIssueFacts, IncidentRecord } from './record';

export type ReportSectionId =
  | 'incident'
  | 'facts'
  | 'timeline'
  | 'people'
  | 'analysis'
  | 'root-causes'
  | 'decisions'
  | 'risks'
  | 'actions'
  | 'policies'
  | 'lessons'
  | 'communication'
  | 'audit'
  | 'procedure';

export interface ReportGap {
  section: ReportSectionId;
  message: string;
}

export interface ReportPerson {
  accountId: string;
  name: string;
}

export interface ReportAction {
  id: string;
  summary: string;
  kind: string;
  rootCause: string;
  owner: string;
  targetDate: string;
  status: string;
  jiraKey: string | null;
  completedAt: string | null;
  verification: { by: string; at: string; evidence: string; link: string | null } | null;
  effectiveness: { verdict: string; judgedAt: string; recurrence: string | null } | null;
}

export interface ReportRisk {
  id: string;
  title: string;
  description: string;
  treatment: string;
  score: number;
  level: RiskLevel;
  owner: string;
  nextReviewDate: string;
  status: string;
  rootCauses: string[];
}

export interface ReportRootCause {
  id: string;
  text: string;
  category: string;
  source: string;
  decision: { option: string; rationale: string; decidedBy: string; decidedAt: string } | null;
}

export interface IncidentReport {
  title: string;
  control: typeof A527_CONTROL;
  /** The issue's fields (less its id and reporter) and where its review stands. */
  incident: Omit<IncidentIssueFacts, 'id' | 'reporter'> & {
    reviewStage: string | null;
    reviewVersion: number | null;
    /** The latest change among the records shown: the report is "as of" this moment. */
    asOf: string;
  };
  procedure: { version: number; signedOffBy: string; signedOffAt: string; changeSummary: string; chosenFor: string } | null;
  facts: {
    type: string | null;
    severity: string | null;
    cia: string[];
    assets: string[];
    impact: string;
    times: { label: string; at: string | null }[];
    remediation: string[];
    tags: string[];
  } | null;
  timeline: { at: string; text: string; author: string | null }[];
  people: { roles: { label: string; people: string[] }[]; meeting: { heldAt: string | null; attendees: string[] } } | null;
  fiveWhys: { problem: string; steps: { why: string; because: string }[]; conclusion: string | null }[];
  fishbone: Fishbone | null;
  rootCauses: ReportRootCause[];
  approval: { state: string; by: string | null; at: string | null; comment: string | null; approverRule: string };
  stageHistory: { from: string; to: string; by: string; at: string; note: string | null }[];
  risks: ReportRisk[];
  actions: ReportAction[];
  policies: { title: string; reference: string }[];
  lessons: { question: string; answer: string; derived: boolean }[];
  communications: { sentAt: string; sentBy: string; audience: string; recipients: string; subject: string; status: string; reviewVersion: number }[];
  audit: { entries: { at: string; by: string; what: string }[]; complete: boolean };
  gaps: ReportGap[];
}

const STATUS_LABELS: Record<Action['status'], string> = { draft: 'Planned (no Jira issue yet)', todo: 'To do', 'in-progress': 'In progress', done: 'Done', deleted: 'Deleted in Jira' };
const TYPE_LABELS = { accidental: 'Accidental', malicious: 'Malicious', environmental: 'Environmental' } as const;
const capitalise = (text: string): string => (text === '' ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`);

const SOURCE_LABEL = (rootCause: RootCause): string =>
  rootCause.source.kind === 'five-whys' ? '5 Whys' : rootCause.source.kind === 'fishbone' ? 'Fishbone' : 'Entered directly';

function describeAudit(entry: AuditEntry): string {
  const base = (() => {
    switch (entry.kind) {
      case 'review-created':
        return 'Started the review';
      case 'stage-changed': {
        const change = entry.changes[0];
        return change === undefined ? 'Changed the review stage' : `Moved the review: ${change.before ?? ''} → ${change.after ?? ''}`;
      }
      case 'section-updated':
        return `Updated ${entry.subject.toLowerCase()} (${String(entry.changes.length)} ${entry.changes.length === 1 ? 'change' : 'changes'})`;
      case 'report-exported':
        return 'Exported the lessons-learned report';
      case 'report-attached':
        return 'Attached the lessons-learned report to the issue';
      default:
        return `${capitalise(entry.kind.replace(/-/g, ' '))}: ${entry.subject}`;
    }
  })();
  const note = entry.reason ?? entry.comment;
  return note === undefined || note === '' ? base : `${base} — “${note}”`;
}

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

/** The report of one incident, from its record. */
export function buildIncidentReport(record: IncidentRecord): IncidentReport {
  const nameOf = (accountId: string | undefined | null): string => (accountId === undefined || accountId === null || accountId === '' ? 'Unknown' : (record.people[accountId] ?? 'Unknown user'));
  const { review, issue } = record;
  const gaps: ReportGap[] = [];
  const gap = (section: ReportSectionId, message: string) => gaps.push({ section, message });

  const rootCauseText = new Map((review?.rootCauses ?? []).map((rootCause) => [rootCause.id, rootCause.text]));
  const decisions = review === null ? [] : currentDecisions(review.decisions, review.rootCauses);
  const linkedRootCauses = (riskId: string) =>
    record.riskLinks.filter((link) => link.riskId === riskId && link.incident.issueId === issue.id).map((link) => rootCauseText.get(link.rootCauseId) ?? 'a root cause no longer in the review');

  if (review === null) gap('incident', 'No post-incident review has been started for this incident.');

  // Facts (R1)
  const facts = review === null ? null : (() => {
    const f = review.facts;
    if (f.type === undefined) gap('facts', 'Incident type (accidental / malicious / environmental) is not recorded.');
    if (f.severity === undefined) gap('facts', 'Severity is not recorded.');
    if (f.ciaAffected.length === 0) gap('facts', 'The affected C/I/A property is not recorded.');
    if (f.impact.trim() === '') gap('facts', 'The impact is not described.');
    const missingTimes = TIMESTAMP_FIELDS.filter((field) => f.timestamps[field] === undefined).map((field) => TIMESTAMP_LABELS[field].toLowerCase());
    if (missingTimes.length > 0) gap('facts', `Key times missing: ${missingTimes.join(', ')}.`);
    return {
      type: f.type === undefined ? null : TYPE_LABELS[f.type],
      severity: f.severity === undefined ? null : capitalise(f.severity),
      cia: CIA_PROPERTIES.filter((property) => f.ciaAffected.includes(property)).map(capitalise),
      assets: f.affectedAssets,
      impact: f.impact,
      times: TIMESTAMP_FIELDS.map((field) => ({ label: TIMESTAMP_LABELS[field], at: f.timestamps[field] ?? null })),
      remediation: f.remediationSteps,
      tags: f.tags,
    };
  })();

  // Timeline (R2)
  const timeline = (review?.timeline ?? []).map((entry) => ({ at: entry.at, text: entry.text, author: entry.author === undefined ? null : nameOf(entry.author) }));
  if (review !== null && timeline.length === 0) gap('timeline', 'No timeline of events has been recorded.');

  // People and attendance (R3)
  const people = review === null ? null : (() => {
    const p = review.people;
    if (p.incidentManager === undefined) gap('people', 'No incident manager is named.');
    if (p.meeting.heldAt === undefined) gap('people', 'The date of the review meeting is not recorded.');
    if (p.meeting.attendees.length === 0) gap('people', 'Attendance of the review meeting is not recorded.');
    return {
      roles: [
        { label: PEOPLE_ROLE_LABELS.incidentManager, people: p.incidentManager === undefined ? [] : [nameOf(p.incidentManager)] },
        { label: PEOPLE_ROLE_LABELS.responseTeam, people: p.responseTeam.map(nameOf) },
        { label: PEOPLE_ROLE_LABELS.legal, people: p.legal.map(nameOf) },
        { label: PEOPLE_ROLE_LABELS.informationSecurity, people: p.informationSecurity.map(nameOf) },
        { label: PEOPLE_ROLE_LABELS.communications, people: p.communications.map(nameOf) },
      ],
      meeting: { heldAt: p.meeting.heldAt ?? null, attendees: p.meeting.attendees.map(nameOf) },
    };
  })();

  // Analysis (R4, R5)
  const fiveWhys = (review?.fiveWhys ?? []).map((chain) => ({ problem: chain.problem, steps: chain.steps.map((step) => ({ why: step.why, because: step.because })), conclusion: chainConclusion(chain) ?? null }));
  const fishbone = review === null || review.fishbone.causes.length === 0 ? null : review.fishbone;
  if (review !== null && fiveWhys.length === 0 && fishbone === null) gap('analysis', 'No root cause analysis is recorded (neither 5 Whys nor fishbone).');
  fiveWhys.forEach((chain, index) => {
    if (chain.conclusion === null) gap('analysis', `Why-chain ${String(index + 1)} has no answer to its last “why”.`);
  });

  // Root causes and decisions (R6, R7)
  const rootCauses = (review?.rootCauses ?? []).map((rootCause): ReportRootCause => {
    const decision = decisionFor(decisions, rootCause.id);
    if (decision === undefined) gap('decisions', `No decision for the root cause “${rootCause.text}”.`);
    return {
      id: rootCause.id,
      text: rootCause.text,
      category: categoryLabel(record.taxonomy, rootCause.category),
      source: SOURCE_LABEL(rootCause),
      decision: decision === undefined ? null : { option: DECISION_LABELS[decision.option], rationale: decision.rationale, decidedBy: nameOf(decision.decidedBy), decidedAt: decision.decidedAt },
    };
  });
  if (review !== null && rootCauses.length === 0) gap('root-causes', 'No root cause has been identified.');

  // Approval (R8)
  const state = review === null ? { state: 'not-requested' as const } : approvalState(review);
  const approval = (() => {
    switch (state.state) {
      case 'approved':
        return { state: 'Approved', by: nameOf(state.by), at: state.at, comment: state.comment ?? null };
      case 'awaiting':
        return { state: 'Awaiting approval', by: null, at: state.requestedAt, comment: null };
      case 'rejected':
        return { state: 'Rejected', by: nameOf(state.by), at: state.at, comment: state.comment };
      case 'reopened':
        return { state: 'Reopened after approval — approval needed again', by: nameOf(state.by), at: state.at, comment: state.reason };
      case 'not-requested':
        return { state: 'Not requested yet', by: null, at: null, comment: null };
    }
  })();
  if (review !== null && state.state !== 'approved') gap('decisions', `The decisions are not approved by management (${approval.state.toLowerCase()}).`);
  const stageHistory = (review?.workflow.history ?? []).map((change) => ({
    from: STAGE_LABELS[change.from],
    to: STAGE_LABELS[change.to],
    by: nameOf(change.by),
    at: change.at,
    note: change.reason ?? change.comment ?? null,
  }));

  // Risks (R9)
  const incidentRiskIds = new Set(record.riskLinks.filter((link) => link.incident.issueId === issue.id).map((link) => link.riskId));
  const risks = record.risks
    .filter((risk) => incidentRiskIds.has(risk.id))
    .map((risk): ReportRisk => {
      const score = riskScore(risk.likelihood, risk.impact);
      return {
        id: risk.id,
        title: risk.title,
        description: risk.description,
        treatment: risk.treatment === 'accept' ? 'Accept' : 'Mitigate',
        score,
        level: riskLevel(score),
        owner: nameOf(risk.ownerAccountId),
        nextReviewDate: risk.nextReviewDate,
        status: capitalise(risk.status),
        rootCauses: linkedRootCauses(risk.id),
      };
    });
  for (const decision of decisions) {
    if (decision.option === 'manage-as-risk' && !record.riskLinks.some((link) => link.rootCauseId === decision.rootCauseId && link.incident.issueId === issue.id)) {
      gap('risks', `The root cause “${rootCauseText.get(decision.rootCauseId) ?? ''}” is to be managed as a risk, but no risk-register entry is linked.`);
    }
  }

  // Actions (R10, R11)
  const liveActions = record.actions.filter((action) => action.status !== 'deleted');
  for (const decision of decisions) {
    const needsAction = decision.option === 'corrective-action' || decision.option === 'continual-improvement';
    if (needsAction && !liveActions.some((action) => action.rootCauseId === decision.rootCauseId)) {
      gap('actions', `The decision “${DECISION_LABELS[decision.option]}” for “${rootCauseText.get(decision.rootCauseId) ?? ''}” has no action.`);
    }
  }
  const actions = record.actions.map((action): ReportAction => {
    if (action.status === 'draft') gap('actions', `The action “${action.summary}” is planned but has no Jira issue yet.`);
    if (action.status === 'done' && action.verification === undefined) gap('actions', `The action “${action.summary}” is done but not verified.`);
    if (action.effectiveness?.verdict === 'not-effective') {
      gap('actions', `The action “${action.summary}” was judged not effective${action.effectiveness.recurrence === undefined ? '' : ` (the root-cause category recurred in ${action.effectiveness.recurrence.issueKey})`}.`);
    }
    return {
      id: action.id,
      summary: action.summary,
      kind: ACTION_KIND_LABELS[action.kind],
      rootCause: rootCauseText.get(action.rootCauseId) ?? 'a root cause no longer in the review',
      owner: nameOf(action.ownerAccountId),
      targetDate: action.targetDate,
      status: STATUS_LABELS[action.status],
      jiraKey: action.jira?.issueKey ?? null,
      completedAt: action.status === 'done' ? (action.resolvedAt ?? null) : null,
      verification:
        action.verification === undefined
          ? null
          : { by: nameOf(action.verification.by), at: action.verification.at, evidence: action.verification.evidence, link: action.verification.evidenceLink ?? null },
      effectiveness:
        action.effectiveness === undefined
          ? null
          : {
              verdict: action.effectiveness.verdict === 'effective' ? 'Effective' : 'Not effective',
              judgedAt: action.effectiveness.judgedAt,
              recurrence: action.effectiveness.recurrence?.issueKey ?? null,
            },
    };
  });

  // Lessons (R12)
  const lessons = review === null ? [] : lessonAnswers(review.lessons, review.rootCauses, record.taxonomy).map(({ question, answer, derived }) => ({ question, answer, derived }));
  const unanswered = lessons.filter((lesson) => lesson.answer.trim() === '');
  if (unanswered.length > 0) gap('lessons', `${String(unanswered.length)} of ${String(lessons.length)} lessons-learned questions are unanswered.`);

  // Communication (R15)
  const communications = record.communications.map((share) => ({
    sentAt: share.sentAt,
    sentBy: nameOf(share.sentBy),
    audience: AUDIENCE_LABELS[share.audience],
    recipients: [
      ...share.recipients.users.map(nameOf),
      ...share.recipients.groups.map((group) => `group ${group}`),
      ...share.recipients.projectRoles.map((role) => `role ${role}`),
    ].join(', '),
    subject: share.subject,
    status: capitalise(share.status),
    reviewVersion: share.reviewVersion,
  }));
  if (review !== null && (review.workflow.stage === 'approved' || review.workflow.stage === 'closed') && !record.communications.some((share) => share.status === 'sent')) {
    gap('communication', 'The lessons have not been shared with stakeholders.');
  }

  // Procedure (R21)
  const inForce = procedureInForce(record.procedure, review);
  if (review !== null && inForce === null) gap('procedure', 'No signed-off review procedure was in force for this review.');

  const asOf = [
    review?.updatedAt,
    ...record.actions.map((action) => action.updatedAt),
    ...record.risks.map((risk) => risk.updatedAt),
    ...record.riskLinks.map((link) => link.linkedAt),
    ...record.communications.map((share) => share.sentAt),
  ].reduce<string>((latest, candidate) => (candidate === undefined ? latest : later(latest, candidate)), issue.created);

  const { id: _id, reporter: _reporter, ...issueFields } = issue;
  return {
    title: `Lessons-learned report — ${issue.key}: ${issue.summary}`,
    control: A527_CONTROL,
    incident: {
      ...issueFields,
      reviewStage: review === null ? null : STAGE_LABELS[review.workflow.stage],
      reviewVersion: review?.version ?? null,
      asOf,
    },
    procedure:
      inForce === null
        ? null
        : {
            version: inForce.version,
            signedOffBy: nameOf(inForce.signedOffBy),
            signedOffAt: inForce.signedOffAt,
            changeSummary: inForce.changeSummary,
            chosenFor: inForce.basis === 'approval' ? 'in force when the decisions were approved' : 'in force at the review’s last change (not approved yet)',
          },
    facts,
    timeline,
    people,
    fiveWhys,
    fishbone,
    rootCauses,
    approval: { ...approval, approverRule: record.approverRule },
    stageHistory,
    risks,
    actions,
    policies: (review?.affectedPolicies ?? []).map((policy) => ({ title: policy.title, reference: policy.reference })),
    lessons,
    communications,
    audit: { entries: record.audit.entries.map((entry) => ({ at: entry.at, by: nameOf(entry.by), what: describeAudit(entry) })), complete: record.audit.complete },
    gaps,
  };
}
