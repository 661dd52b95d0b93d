/**
 * What the evidence pack keeps of each record: small projections of reviews, actions, risks,
 * shares and process reviews with exactly the facts an auditor samples. A page of them stays far
 * below Forge's 5 MB response limit however large the stored documents are, and the same shapes
 * are the JSON export for GRC tools.
 */
import type { Action } from '../actions';
import type { ShareRecord } from '../communication';
import { categoryLabel, currentApproval, lessonAnswers, type Review, type RootCauseTaxonomy } from '../review';
import { incidentInstant } from '../dashboard';
import type { ProcessReview } from '../process-review';
import { riskLevel, riskScore, type Risk, type RiskLink } from '../risks';

/** Long texts are cut in the pack (the full record stays in the app, one click away). */
const EXCERPT = 300;
const excerpt = (text: string): string => (text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1)}…`);

export type RcaMethod = 'five-whys' | 'fishbone' | 'manual';

export interface IncidentEvidence {
  issueId: string;
  issueKey: string;
  projectKey: string;
  summary: string;
  type?: string;
  severity?: string;
  /** When it happened as the review knows it (the month the dashboard counts it in). */
  occurredAt: string;
  resolvedAt?: string;
  stage: Review['workflow']['stage'];
  approval?: { by: string; at: string; comment?: string };
  rootCauses: { id: string; category: string; categoryLabel: string; text: string; method: RcaMethod; whySteps?: number }[];
  whyChains: number;
  /** Steps of the longest why-chain (0 without any). */
  deepestWhy: number;
  fishboneCauses: number;
  decisions: { rootCauseId: string; option: string; decidedBy: string; decidedAt: string }[];
  people: { incidentManager?: string; responseTeam: string[]; informationSecurity: string[]; legal: string[]; communications: string[] };
  meeting: { heldAt?: string; attendees: string[] };
  affectedPolicies: { title: string; reference: string }[];
  lessonsAnswered: number;
  lessonsAsked: number;
}

export function incidentEvidence(review: Review, taxonomy: RootCauseTaxonomy): IncidentEvidence {
  const { facts, people } = review;
  const chainSteps = new Map(review.fiveWhys.map((chain) => [chain.id, chain.steps.length]));
  const approval = currentApproval(review);
  const answers = lessonAnswers(review.lessons, review.rootCauses, taxonomy);
  return {
    issueId: review.incident.issueId,
    issueKey: review.incident.issueKey,
    projectKey: review.incident.projectKey,
    summary: excerpt(facts.summary),
    ...(facts.type === undefined ? {} : { type: facts.type }),
    ...(facts.severity === undefined ? {} : { severity: facts.severity }),
    occurredAt: incidentInstant(review),
    ...(facts.timestamps.resolvedAt === undefined ? {} : { resolvedAt: facts.timestamps.resolvedAt }),
    stage: review.workflow.stage,
    ...(approval === undefined ? {} : { approval }),
    rootCauses: review.rootCauses.map((rootCause) => {
      const steps = rootCause.source.kind === 'five-whys' ? chainSteps.get(rootCause.source.chainId) : undefined;
      return {
        id: rootCause.id,
        category: rootCause.category,
        categoryLabel: categoryLabel(taxonomy, rootCause.category),
        text: excerpt(rootCause.text),
        method: rootCause.source.kind,
        ...(steps === undefined ? {} : { whySteps: steps }),
      };
    }),
    whyChains: review.fiveWhys.length,
    deepestWhy: Math.max(0, ...review.fiveWhys.map((chain) => chain.steps.length)),
    fishboneCauses: review.fishbone.causes.length,
    decisions: review.decisions.map(({ rootCauseId, option, decidedBy, decidedAt }) => ({ rootCauseId, option, decidedBy, decidedAt })),
    people: {
      ...(people.incidentManager === undefined ? {} : { incidentManager: people.incidentManager }),
      responseTeam: [...people.responseTeam],
      informationSecurity: [...people.informationSecurity],
      legal: [...people.legal],
      communications: [...people.communications],
    },
    meeting: { ...(people.meeting.heldAt === undefined ? {} : { heldAt: people.meeting.heldAt }), attendees: [...people.meeting.attendees] },
    affectedPolicies: review.affectedPolicies.map(({ title, reference }) => ({ title, reference })),
    lessonsAnswered: answers.filter(({ answer }) => answer.trim() !== '').length,
    lessonsAsked: answers.length,
  };
}

export interface ActionEvidence {
  actionId: string;
  incidentIssueKey: string;
  rootCauseCategory: string;
  kind: Action['kind'];
  summary: string;
  ownerAccountId: string;
  targetDate: string;
  status: Action['status'];
  jiraIssueKey?: string;
  createdAt: string;
  completedAt?: string;
  verification?: { by: string; at: string; evidence: string; evidenceLink?: string };
  effectiveness?: { verdict: string; judgedAt: string; recurrenceIssueKey?: string };
}

export function actionEvidence(action: Action): ActionEvidence {
  return {
    actionId: action.id,
    incidentIssueKey: action.incident.issueKey,
    rootCauseCategory: action.rootCauseCategory,
    kind: action.kind,
    summary: excerpt(action.summary),
    ownerAccountId: action.ownerAccountId,
    targetDate: action.targetDate,
    status: action.status,
    ...(action.jira === undefined ? {} : { jiraIssueKey: action.jira.issueKey }),
    createdAt: action.createdAt,
    ...(action.status === 'done' && action.resolvedAt !== undefined ? { completedAt: action.resolvedAt } : {}),
    ...(action.verification === undefined
      ? {}
      : {
          verification: {
            by: action.verification.by,
            at: action.verification.at,
            evidence: excerpt(action.verification.evidence),
            ...(action.verification.evidenceLink === undefined ? {} : { evidenceLink: action.verification.evidenceLink }),
          },
        }),
    ...(action.effectiveness === undefined
      ? {}
      : {
          effectiveness: {
            verdict: action.effectiveness.verdict,
            judgedAt: action.effectiveness.judgedAt,
            ...(action.effectiveness.recurrence === undefined ? {} : { recurrenceIssueKey: action.effectiveness.recurrence.issueKey }),
          },
        }),
  };
}

export interface RiskEvidence {
  riskId: string;
  title: string;
  treatment: Risk['treatment'];
  status: Risk['status'];
  likelihood: number;
  impact: number;
  score: number;
  level: string;
  ownerAccountId: string;
  nextReviewDate: string;
  updatedAt: string;
  /** The incidents and root causes behind the risk (R20), newest first. */
  links: { incidentIssueKey: string; rootCauseId: string; linkedAt: string }[];
  /** More links than the pack lists (the risk's page in the app has them all). */
  moreLinks: boolean;
}

export function riskEvidence(risk: Risk, links: readonly RiskLink[], moreLinks: boolean): RiskEvidence {
  const score = riskScore(risk.likelihood, risk.impact);
  return {
    riskId: risk.id,
    title: excerpt(risk.title),
    treatment: risk.treatment,
    status: risk.status,
    likelihood: risk.likelihood,
    impact: risk.impact,
    score,
    level: riskLevel(score),
    ownerAccountId: risk.ownerAccountId,
    nextReviewDate: risk.nextReviewDate,
    updatedAt: risk.updatedAt,
    links: links.map((link) => ({ incidentIssueKey: link.incident.issueKey, rootCauseId: link.rootCauseId, linkedAt: link.linkedAt })),
    moreLinks,
  };
}

export interface CommunicationEvidence {
  shareId: string;
  issueKey: string;
  audience: string;
  sentBy: string;
  sentAt: string;
  recipients: { users: number; groups: string[]; projectRoles: string[]; roleMembers: number };
  reviewVersion: number;
  status: string;
}

export function communicationEvidence(share: ShareRecord): CommunicationEvidence {
  return {
    shareId: share.shareId,
    issueKey: share.issueKey,
    audience: share.audience,
    sentBy: share.sentBy,
    sentAt: share.sentAt,
    recipients: { users: share.recipients.users.length, groups: [...share.recipients.groups], projectRoles: [...share.recipients.projectRoles], roleMembers: share.roleMembers.length },
    reviewVersion: share.reviewVersion,
    status: share.status,
  };
}

export interface ProcessReviewEvidence {
  processReviewId: string;
  heldOn: string;
  participants: string[];
  periodFrom: string;
  periodTo: string;
  findings: string[];
  actions: { summary: string; ownerAccountId: string; targetDate: string; status: string; jiraIssueKey?: string }[];
  nextReviewDate: string;
  recordedBy: string;
}

export function processReviewEvidence(review: ProcessReview): ProcessReviewEvidence {
  return {
    processReviewId: review.id,
    heldOn: review.heldOn,
    participants: [...review.participants],
    periodFrom: review.inputs.periodFrom,
    periodTo: review.inputs.periodTo,
    findings: review.findings.map(excerpt),
    actions: review.actions.map((action) => ({
      summary: excerpt(action.summary),
      ownerAccountId: action.ownerAccountId,
      targetDate: action.targetDate,
      status: action.status,
      ...(action.jira === undefined ? {} : { jiraIssueKey: action.jira.issueKey }),
    })),
    nextReviewDate: review.nextReviewDate,
    recordedBy: review.recordedBy,
  };
}

/** Everything a pack lists, per kind of record. Packs of several projects merge by concatenation. */
export interface EvidenceRecords {
  incidents: IncidentEvidence[];
  /** Actions planned or completed in the period (each once). */
  actions: ActionEvidence[];
  risks: RiskEvidence[];
  communications: CommunicationEvidence[];
  processReviews: ProcessReviewEvidence[];
}

export const emptyEvidenceRecords = (): EvidenceRecords => ({ incidents: [], actions: [], risks: [], communications: [], processReviews: [] });

/** Several projects' (or pages') records as one, each record once (by its id). */
export function mergeEvidenceRecords(parts: readonly EvidenceRecords[]): EvidenceRecords {
  const unique = <T>(items: T[], id: (item: T) => string): T[] => [...new Map(items.map((item) => [id(item), item])).values()];
  return {
    incidents: unique(parts.flatMap((part) => part.incidents), (item) => item.issueId),
    actions: unique(parts.flatMap((part) => part.actions), (item) => item.actionId),
    risks: unique(parts.flatMap((part) => part.risks), (item) => item.riskId),
    communications: unique(parts.flatMap((part) => part.communications), (item) => item.shareId),
    processReviews: unique(parts.flatMap((part) => part.processReviews), (item) => item.processReviewId),
  };
}
