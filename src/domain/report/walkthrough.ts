/**
 * R24 the auditor's walkthrough of one incident: the chain incident → review → root causes →
 * decisions and approval → actions → verification → effectiveness → risk and policy updates, each
 * link with the evidence that shows it and a flag when the link is missing or not finished.
 * Built from the report model, so the two can never tell different stories.
 */
import { buildIncidentReport, type IncidentReport } from './model';
import type { IncidentRecord } from './record';
import { utc } from './render-html';

export const WALKTHROUGH_STEPS = ['incident', 'review', 'root-causes', 'decisions', 'actions', 'verification', 'effectiveness', 'updates'] as const;
export type WalkthroughStepId = (typeof WALKTHROUGH_STEPS)[number];

/**
 * - `complete`: the evidence is there;
 * - `pending`: under way and not late (e.g. effectiveness not judged yet);
 * - `gap`: something the control asks for is missing;
 * - `not-applicable`: nothing to show because nothing was needed (e.g. no actions decided).
 */
export type WalkthroughStatus = 'complete' | 'pending' | 'gap' | 'not-applicable';

export interface WalkthroughStep {
  id: WalkthroughStepId;
  label: string;
  status: WalkthroughStatus;
  /** What an auditor can look at, one line each. */
  evidence: string[];
  /** What is missing, one line each (empty unless status is `gap` or `pending`). */
  gaps: string[];
}

export interface Walkthrough {
  issueKey: string;
  summary: string;
  steps: WalkthroughStep[];
  /** How many steps show a gap. */
  gapCount: number;
}

const step = (id: WalkthroughStepId, label: string, evidence: string[], gaps: string[], pending: string[] = [], notApplicable = false): WalkthroughStep => ({
  id,
  label,
  status: gaps.length > 0 ? 'gap' : pending.length > 0 ? 'pending' : notApplicable ? 'not-applicable' : 'complete',
  evidence,
  gaps: [...gaps, ...pending],
});

function chain(report: IncidentReport, today: string): WalkthroughStep[] {
  const { incident } = report;
  const reviewGaps = report.gaps.filter((gap) => ['facts', 'timeline', 'people', 'lessons', 'incident'].includes(gap.section)).map((gap) => gap.message);
  const started = report.facts !== null;
  const openActions = report.actions.filter((action) => action.status !== 'Done' && action.status !== 'Deleted in Jira');
  const doneActions = report.actions.filter((action) => action.status === 'Done');
  const verified = doneActions.filter((action) => action.verification !== null);
  const decidedForAction = report.rootCauses.filter((rootCause) => rootCause.decision !== null && rootCause.decision.option !== 'No further action');

  return [
    step('incident', 'Incident', [`${incident.key}: ${incident.summary}`, `${incident.issueType}, priority ${incident.priority ?? '—'}, created ${utc(incident.created)}, resolved ${utc(incident.resolved)}`], []),
    step(
      'review',
      'Post-incident review',
      started
        ? [
            `Stage ${incident.reviewStage ?? '—'}, version ${String(incident.reviewVersion ?? 0)}`,
            `${String(report.timeline.length)} timeline ${report.timeline.length === 1 ? 'event' : 'events'}`,
            report.people?.meeting.heldAt ? `Review meeting ${utc(report.people.meeting.heldAt)} with ${String(report.people.meeting.attendees.length)} attendees` : 'Review meeting not recorded',
            `${String(report.lessons.filter((lesson) => lesson.answer.trim() !== '').length)} of ${String(report.lessons.length)} lessons questions answered`,
          ]
        : [],
      reviewGaps,
    ),
    step(
      'root-causes',
      'Root causes',
      [
        ...report.rootCauses.map((rootCause) => `${rootCause.text} (${rootCause.category}; ${rootCause.source})`),
        ...(report.fiveWhys.length > 0 ? [`${String(report.fiveWhys.length)} why-${report.fiveWhys.length === 1 ? 'chain' : 'chains'}`] : []),
        ...(report.fishbone !== null ? [`Fishbone with ${String(report.fishbone.causes.length)} causes`] : []),
      ],
      report.gaps.filter((gap) => gap.section === 'root-causes' || gap.section === 'analysis').map((gap) => gap.message),
    ),
    step(
      'decisions',
      'Decisions and approval',
      [
        ...report.rootCauses.flatMap((rootCause) => (rootCause.decision === null ? [] : [`${rootCause.decision.option} for “${rootCause.text}” — ${rootCause.decision.decidedBy}, ${utc(rootCause.decision.decidedAt)}`])),
        `Approval: ${report.approval.state}${report.approval.by === null ? '' : ` by ${report.approval.by}`}${report.approval.at === null ? '' : `, ${utc(report.approval.at)}`}`,
      ],
      report.gaps.filter((gap) => gap.section === 'decisions').map((gap) => gap.message),
    ),
    step(
      'actions',
      'Actions',
      report.actions.map((action) => `${action.jiraKey ?? 'No Jira issue'}: ${action.summary} — ${action.owner}, target ${action.targetDate}, ${action.status.toLowerCase()}`),
      report.gaps.filter((gap) => gap.section === 'actions' && !gap.message.includes('not verified') && !gap.message.includes('not effective')).map((gap) => gap.message),
      openActions.filter((action) => action.targetDate < today).map((action) => `“${action.summary}” is past its target date (${action.targetDate}).`),
      report.actions.length === 0 && decidedForAction.length === 0,
    ),
    step(
      'verification',
      'Verification',
      verified.map((action) => `“${action.summary}” verified by ${action.verification?.by ?? ''}, ${utc(action.verification?.at)}: ${action.verification?.evidence ?? ''}`),
      doneActions.filter((action) => action.verification === null).map((action) => `“${action.summary}” is done but not verified.`),
      openActions.map((action) => `“${action.summary}” is not completed yet.`),
      report.actions.length === 0,
    ),
    step(
      'effectiveness',
      'Effectiveness',
      doneActions.flatMap((action) => (action.effectiveness === null ? [] : [`“${action.summary}”: ${action.effectiveness.verdict.toLowerCase()} (${utc(action.effectiveness.judgedAt)})`])),
      doneActions
        .filter((action) => action.effectiveness?.verdict === 'Not effective')
        .map((action) => `“${action.summary}” was not effective${action.effectiveness?.recurrence ? `: recurred in ${action.effectiveness.recurrence}` : ''}.`),
      doneActions.filter((action) => action.effectiveness === null).map((action) => `“${action.summary}”: effectiveness not judged yet (after the effectiveness window).`),
      doneActions.length === 0,
    ),
    step(
      'updates',
      'Risk register and policy updates',
      [
        ...report.risks.map((risk) => `Risk “${risk.title}”: ${risk.treatment.toLowerCase()}, rating ${String(risk.score)} (${risk.level}), owner ${risk.owner}, next review ${risk.nextReviewDate}`),
        ...report.policies.map((policy) => `Policy to update: ${policy.title}${policy.reference.trim() === '' ? '' : ` (${policy.reference})`}`),
      ],
      report.gaps.filter((gap) => gap.section === 'risks').map((gap) => gap.message),
      [],
      report.risks.length === 0 && report.policies.length === 0,
    ),
  ];
}

/** `today` is the UTC calendar day (YYYY-MM-DD) against which target dates are judged. */
export function buildWalkthrough(record: IncidentRecord, today: string): Walkthrough {
  const report = buildIncidentReport(record);
  const steps = chain(report, today);
  return { issueKey: record.issue.key, summary: record.issue.summary, steps, gapCount: steps.filter((candidate) => candidate.status === 'gap').length };
}
