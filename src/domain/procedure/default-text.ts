/**
 * The procedure text a project starts from: written for this app and ISO/IEC 27001:2022 A 5.27,
 * filled with the project's own settings (triggers, target days, approvers, effectiveness
 * window), to be adapted by the project and signed off before it is in force.
 */
import type { ProjectSettings } from '../settings/project-settings';

const SEVERITY_LABEL: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export function defaultProcedureText(settings: ProjectSettings, projectName: string): string {
  const significant = settings.significantSeverities.map((severity) => SEVERITY_LABEL[severity] ?? severity);
  const trigger = significant.length > 0 ? `severity ${significant.join(' or ')}` : 'a severity the ISMS manager marks as significant';
  const approvers =
    settings.approvers.kind === 'group' ? `members of the Jira group "${settings.approvers.groupName}"` : `members of the project role "${settings.approvers.roleName}"`;
  const actionTarget = settings.actions.projectKey === null ? 'this project' : `the project ${settings.actions.projectKey}`;
  const categories = settings.rootCauseTaxonomy.filter((category) => !category.retired).map((category) => category.label);
  return `# Learning from information security incidents — ${projectName}

This procedure describes how ${projectName} learns from information security incidents, so that the knowledge gained strengthens our controls and similar incidents become less likely or less harmful (ISO/IEC 27001:2022 Annex A 5.27; guidance in ISO/IEC 27002:2022 §5.27; corrective action per clause 10.2). The review is blameless: we look for causes in processes, technology and conditions, not for people to blame.

## Scope
- Every incident recorded in this Jira project with an incident issue type (${settings.incidentIssueTypes.join(', ') || 'Incident'}).
- Corrective and improvement actions that result from these reviews, wherever they are tracked.

## Roles and responsibilities
- Incident manager: owns the post-incident review of an incident, completes it within the target time and requests approval.
- Incident response team: contributes facts, the timeline and the root cause analysis.
- Information security (ISMS manager): facilitates the root cause analysis, checks the quality of the review and keeps this procedure up to date.
- Legal and data protection: take part when personal data, contracts or notification duties are involved.
- Communications: takes part when customers, partners or the public were affected, and prepares the communication of lessons learned.
- Approvers (${approvers}): approve the decision taken for every root cause${settings.requireIndependentApprover ? '; whoever requested approval may not approve the same review' : ''}.
- Action owners: carry out corrective actions by their target date and provide evidence of completion.
- Management review: oversees decisions, overdue actions and the effectiveness of improvements at least once a year.

## Review triggers
1. A post-incident review is mandatory for every incident of ${trigger}.
2. A review is also held when the ISMS manager requests one, for example for a repeated root cause, a near miss with high potential impact, an incident involving personal data, or an incident caused by a supplier.
3. Reviews of significant incidents are approved within ${settings.reviewTargetDays} days of the incident's resolution.

## Stages
1. Draft: the incident manager starts the review in the lessons-learned panel of the incident issue and records the facts (type, severity, affected C/I/A property and assets, impact, key timestamps) and the timeline.
2. In review: the team holds the review meeting (attendance is recorded), analyses the root causes and writes down the lessons learned.
3. Awaiting approval: one decision per root cause is proposed and approval is requested.
4. Approved: an approver has approved every decision; changes after approval need re-approval.
5. Closed: corrective actions are created and tracked; the review is closed when the lessons have been communicated.

## Root cause analysis
- We use 5 Whys (one or more why-chains, as long as needed) and the fishbone (Ishikawa) diagram to find underlying causes, not symptoms.
- An incident may have several root causes. Each root cause gets a category from the project's taxonomy (${categories.join(', ')}) so that recurrences can be counted across incidents.
- A person is never a root cause: if a person's action contributed, we ask why the process, training or tooling allowed it.

## Decision rules
For every root cause one of four decisions is recorded with its rationale, who decided and when:
- No further action: the cause is sufficiently controlled already; the rationale explains why.
- Corrective action: the cause must be eliminated. An action issue is created in ${actionTarget} (issue type "${settings.actions.issueTypeName}", linked as "${settings.actions.linkTypeName}") with an owner and a target date (by default ${settings.actions.defaultDueDays} days).
- Continual improvement: the control works but can be made better; tracked like a corrective action.
- Manage as a risk: the risk is accepted or mitigated through the risk register, with owner, rating and review date.

## Follow-up and effectiveness
- A completed action is verified: who verified it, when, and with what evidence.
- An action counts as effective when no incident with the same root-cause category recurs within ${settings.effectivenessWindowDays} days of its completion.
- Overdue actions are followed up${settings.reminders.enabled ? `, with reminders ${settings.reminders.daysBeforeDue} days before the target date` : ''}.

## Records kept
- The post-incident review of every incident: facts, timeline, people and attendance, 5 Whys, fishbone, root causes, decisions and approvals, lessons learned.
- Corrective actions with owner, target date, completion and verification.
- Risk register entries and policy updates that resulted from incidents.
- Communication of lessons learned to stakeholders, and anonymised summaries used in awareness training.
- The audit trail of every change, and every version of this procedure with its sign-off.

## Key performance indicators
- Share of significant incidents with an approved review within ${settings.reviewTargetDays} days.
- Mean time to detect, respond to and resolve incidents, per incident type.
- Share of corrective actions closed by their target date, and mean time to close them.
- Share of verified actions judged effective; repeat root causes per category and quarter.

## Review of this procedure
This procedure is reviewed at least once a year and after any major incident. Changes are saved as a new version with a change summary and are in force once signed off by an approver or a project administrator.
`;
}
