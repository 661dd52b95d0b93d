/**
 * The description of an action's Jira issue (R10): what to do, and where it comes from — the
 * incident (with a link), the root cause and the decision — so the issue makes sense to its owner
 * without opening the app and an auditor can trace it back.
 */
import { DECISION_LABELS, type Decision } from '../decisions/decision';
import type { IncidentRef } from '../review/review';
import type { RootCause } from '../review/root-causes';
import { ACTION_KIND_LABELS, type Action } from './action';
import { bulletList, doc, heading, link, paragraph, rule, strong, text, type AdfBlock, type AdfDoc } from './adf';

export interface IssueDescriptionInput {
  action: Pick<Action, 'kind' | 'description' | 'targetDate'>;
  incident: IncidentRef & { summary: string };
  /** The site's browse URL of the incident, e.g. https://acme.atlassian.net/browse/SEC-12; omitted when unknown. */
  incidentUrl?: string;
  rootCause: Pick<RootCause, 'text'> & { categoryLabel: string };
  decision: Pick<Decision, 'option' | 'rationale'>;
}

export function actionIssueDescription({ action, incident, incidentUrl, rootCause, decision }: IssueDescriptionInput): AdfDoc {
  const incidentLabel = `${incident.issueKey}: ${incident.summary}`;
  const what: AdfBlock[] = action.description.trim() === '' ? [] : action.description.split(/\n{2,}/).map((block) => paragraph(text(block)));
  return doc(
    ...what,
    heading(3, 'Why this action exists'),
    bulletList([
      [strong('Incident: '), incidentUrl === undefined ? text(incidentLabel) : link(incidentLabel, incidentUrl)],
      [strong('Root cause: '), text(`${rootCause.text} (${rootCause.categoryLabel})`)],
      [strong('Decision: '), text(`${DECISION_LABELS[decision.option]} — ${decision.rationale}`)],
      [strong('Kind: '), text(ACTION_KIND_LABELS[action.kind])],
      [strong('Target date: '), text(action.targetDate)],
    ]),
    rule(),
    paragraph(text('Created from the post-incident review by Lessons learned for Jira (ISO/IEC 27001:2022 A 5.27). When this issue is done, someone other than its assignee verifies it in the incident\'s Lessons learned panel.')),
  );
}

/** Jira summaries are one line of at most 255 characters. */
export const issueSummary = (summary: string): string => summary.replace(/\s+/g, ' ').trim().slice(0, 255);
