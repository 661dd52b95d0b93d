/**
 * R15 stakeholder communication: a lessons-learned summary tailored to its audience, built only
 * from the approved review (and its risks and actions) — management reads impact, decisions and
 * risks; staff read what happened and what to do differently. No people are named (blameless, and
 * a wide audience needs no personal data). Plain text and HTML from the same parts; every value
 * in the HTML is escaped.
 */
import type { Action } from '../actions';
import { DECISION_LABELS, currentDecisions } from '../decisions';
import { categoryLabel, STAGE_LABELS, type Review, type RootCauseTaxonomy } from '../review';
import { riskLevel, type Risk } from '../risks';
import { escapeHtml, htmlLines } from './escape';

export const AUDIENCES = ['management', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  management: 'Management summary (impact, decisions, risks)',
  staff: 'Staff briefing (what happened, what to do)',
};

/** Stages from which lessons may be shared: what goes out must be what management approved. */
export const SHAREABLE_STAGES: readonly Review['workflow']['stage'][] = ['approved', 'closed'];

export interface SummaryInput {
  review: Review;
  taxonomy: RootCauseTaxonomy;
  risks: readonly Risk[];
  actions: readonly Pick<Action, 'summary' | 'status' | 'targetDate' | 'jira' | 'kind'>[];
  /** An optional personal note from the sender, shown first. */
  note?: string;
  /** Link to the incident in Jira (http(s) only). */
  incidentUrl?: string;
}

export interface LessonsSummary {
  subject: string;
  textBody: string;
  htmlBody: string;
}

interface Part {
  heading: string;
  paragraphs?: string[];
  items?: string[];
}

const nonEmpty = (values: readonly (string | undefined)[]): string[] => values.map((value) => value?.trim() ?? '').filter((value) => value !== '');

const CIA: Record<string, string> = { confidentiality: 'confidentiality', integrity: 'integrity', availability: 'availability' };

function approval(review: Review): string | undefined {
  const approved = [...review.workflow.history].reverse().find((change) => change.to === 'approved');
  return approved === undefined ? undefined : `Decisions approved by management on ${approved.at.slice(0, 10)}${approved.comment ? ` ("${approved.comment}")` : ''}.`;
}

function incidentLine(review: Review): string {
  const { facts } = review;
  const bits = nonEmpty([
    facts.type === undefined ? undefined : `${facts.type} incident`,
    facts.severity === undefined ? undefined : `severity ${facts.severity}`,
    facts.ciaAffected.length === 0 ? undefined : `affected ${facts.ciaAffected.map((p) => CIA[p] ?? p).join(', ')}`,
    facts.timestamps.resolvedAt === undefined ? undefined : `resolved ${facts.timestamps.resolvedAt.slice(0, 10)}`,
  ]);
  return bits.length === 0 ? '' : `${bits.join(' · ')}.`;
}

function actionLines(actions: SummaryInput['actions']): string[] {
  const open = actions.filter((action) => action.status !== 'deleted');
  return open.map((action) => `${action.jira?.issueKey ? `${action.jira.issueKey}: ` : ''}${action.summary} — ${action.status === 'done' ? 'done' : `due ${action.targetDate}`}`);
}

function managementParts(input: SummaryInput): Part[] {
  const { review, taxonomy } = input;
  const decisions = currentDecisions(review.decisions, review.rootCauses);
  const rootCause = (id: string) => review.rootCauses.find((candidate) => candidate.id === id);
  return [
    { heading: 'The incident', paragraphs: nonEmpty([review.lessons.whatWasTheIncident || review.facts.summary, incidentLine(review)]) },
    { heading: 'Impact', paragraphs: nonEmpty([review.facts.impact, review.lessons.whatWasTheImpact]) },
    { heading: 'Root causes', items: review.rootCauses.map((cause) => `${cause.text} (${categoryLabel(taxonomy, cause.category)})`) },
    {
      heading: 'Decisions',
      items: decisions.map((decision) => `${DECISION_LABELS[decision.option]} — ${rootCause(decision.rootCauseId)?.text ?? 'root cause'}: ${decision.rationale}`),
      paragraphs: nonEmpty([approval(review)]),
    },
    { heading: 'Risks', items: input.risks.map((risk) => `${risk.title} — ${risk.treatment === 'accept' ? 'accepted' : 'to be mitigated'}, rated ${riskLevel(risk.likelihood * risk.impact)} (${risk.likelihood}×${risk.impact}), next review ${risk.nextReviewDate}`) },
    { heading: 'Corrective and improvement actions', items: actionLines(input.actions) },
  ];
}

function staffParts(input: SummaryInput): Part[] {
  const { review } = input;
  return [
    { heading: 'What happened', paragraphs: nonEmpty([review.lessons.whatHappened || review.lessons.whatWasTheIncident || review.facts.summary]) },
    { heading: 'Why it happened', items: review.rootCauses.map((cause) => cause.text) },
    { heading: 'What went well', paragraphs: nonEmpty([review.lessons.whatWentWell]) },
    { heading: 'What we will do differently', paragraphs: nonEmpty([review.lessons.whatWouldWeDoDifferently, review.lessons.whatImprovementsAreNeeded]) },
    { heading: 'What is being changed', items: actionLines(input.actions) },
  ];
}

const hasContent = (part: Part): boolean => (part.paragraphs?.length ?? 0) + (part.items?.length ?? 0) > 0;

export function buildLessonsSummary(audience: Audience, input: SummaryInput): LessonsSummary {
  const { review } = input;
  const key = review.incident.issueKey;
  const title = review.facts.summary.trim() === '' ? key : review.facts.summary.trim();
  const note = input.note?.trim();
  const parts = [...(note ? [{ heading: 'Note from the sender', paragraphs: [note] }] : []), ...(audience === 'management' ? managementParts(input) : staffParts(input))].filter(hasContent);
  const intro = `Lessons learned from incident ${key} "${title}" (review ${STAGE_LABELS[review.workflow.stage].toLowerCase()}, version ${review.version}).`;
  const outro = input.incidentUrl === undefined ? `The full record is on ${key} in Jira.` : `The full record: ${input.incidentUrl}`;

  const text = [intro, ...parts.map((part) => [part.heading.toUpperCase(), ...(part.paragraphs ?? []), ...(part.items ?? []).map((item) => `- ${item}`)].join('\n')), outro].join('\n\n');
  const href = input.incidentUrl !== undefined && /^https?:\/\//i.test(input.incidentUrl) ? input.incidentUrl : undefined;
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    ...parts.map(
      (part) =>
        `<h3>${escapeHtml(part.heading)}</h3>${(part.paragraphs ?? []).map((paragraph) => `<p>${htmlLines(paragraph)}</p>`).join('')}${
          part.items && part.items.length > 0 ? `<ul>${part.items.map((item) => `<li>${htmlLines(item)}</li>`).join('')}</ul>` : ''
        }`,
    ),
    href === undefined ? `<p>${escapeHtml(outro)}</p>` : `<p>The full record: <a href="${escapeHtml(href)}">${escapeHtml(key)}</a></p>`,
  ].join('');
  const prefix = audience === 'management' ? 'Management summary' : 'Lessons learned';
  return { subject: `${prefix}: ${key} ${title}`.slice(0, 255), textBody: text, htmlBody: html };
}
