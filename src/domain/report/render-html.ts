/**
 * The report as one self-contained HTML document: inline CSS, the fishbone as inline SVG, no
 * scripts, no external resources (its own CSP forbids them), every value escaped. The same input
 * always gives the same bytes — no "generated at" time — so its SHA-256 identifies the record.
 */
import { escapeHtml } from '../communication/escape';
import { fishboneSvg } from './fishbone-svg';
import type { IncidentReport, ReportGap, ReportSectionId } from './model';
import type { PaperSize } from './record';
import { reportStyles } from './styles';

const e = escapeHtml;

/** Multi-line text people typed: escaped, line breaks kept by CSS. */
const prose = (value: string): string => `<p class="pre">${e(value)}</p>`;

/** "2026-03-04T10:42:07.000Z" → "2026-03-04 10:42 UTC"; calendar dates stay as they are. */
export function utc(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const orDash = (value: string | null | undefined): string => (value === null || value === undefined || value.trim() === '' ? '—' : value);

/** Only http(s) links become links; anything else is shown as text. */
function link(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return `<a href="${e(parsed.href)}">${e(url)}</a>`;
  } catch {
    // Not a URL: shown as text below.
  }
  return e(url);
}

const empty = (text: string): string => `<p class="empty">${e(text)}</p>`;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<thead><tr>${headers.map((header) => `<th scope="col">${e(header)}</th>`).join('')}</tr></thead>`;
  // Cells arrive escaped (some hold markup built here, e.g. links).
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</tbody>`;
  return `<table>${head}${body}</table>`;
}

function gapsOf(gaps: readonly ReportGap[], section: ReportSectionId): string {
  return gaps
    .filter((gap) => gap.section === section)
    .map((gap) => `<p class="gap"><strong>Gap:</strong> ${e(gap.message)}</p>`)
    .join('');
}

function section(id: ReportSectionId, title: string, body: string, gaps: readonly ReportGap[]): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${e(title)}</h2>${gapsOf(gaps, id)}${body}</section>`;
}

/** A two-column table whose first column names each row. */
const keyValues = (rows: readonly (readonly [string, string])[]): string =>
  `<table><tbody>${rows.map(([key, value]) => `<tr><th scope="row">${e(key)}</th><td>${value}</td></tr>`).join('')}</tbody></table>`;


function header(report: IncidentReport): string {
  const { incident, control, procedure } = report;
  const attributes = control.attributes.map((attribute) => `<dt>${e(attribute.label)}</dt><dd>${e(attribute.values.join(', '))}</dd>`).join('');
  const procedureLine =
    procedure === null
      ? '<p class="gap"><strong>Gap:</strong> No signed-off review procedure was in force for this review.</p>'
      : `<p>Procedure: <strong>version ${String(procedure.version)}</strong>, signed off by ${e(procedure.signedOffBy)} on ${e(utc(procedure.signedOffAt))} (${e(procedure.chosenFor)}).</p>`;
  return `<header class="report-header">
<p class="kicker">${e(control.reference)} · ${e(control.title)}</p>
<h1>${e(report.title)}</h1>
<p class="subtle">Project ${e(incident.projectName)} (${e(incident.projectKey)}) · ${e(incident.issueType)} · Jira status ${e(incident.status)} · Review ${e(incident.reviewStage ?? 'not started')}${incident.reviewVersion === null ? '' : `, version ${String(incident.reviewVersion)}`} · Record as of ${e(utc(incident.asOf))}</p>
${procedureLine}
<dl class="attributes">${attributes}</dl>
</header>`;
}

function gapSummary(gaps: readonly ReportGap[]): string {
  if (gaps.length === 0) return '<div class="gaps-summary none" role="note"><strong>No gaps found:</strong> every part of the record the control asks for is present.</div>';
  return `<div class="gaps-summary" role="note"><strong>${String(gaps.length)} ${gaps.length === 1 ? 'gap' : 'gaps'} in this record</strong> (each is repeated in its section):<ul>${gaps.map((gap) => `<li>${e(gap.message)}</li>`).join('')}</ul></div>`;
}

function incidentSection(report: IncidentReport): string {
  const { incident } = report;
  const rows: [string, string][] = [
    ['Incident', `${e(incident.key)} — ${e(incident.summary)}`],
    ['Priority', e(orDash(incident.priority))],
    ['Created in Jira', e(utc(incident.created))],
    ['Resolved in Jira', e(utc(incident.resolved))],
    ['Assignee', e(orDash(incident.assignee))],
  ];
  return section('incident', '1. Incident', keyValues(rows), report.gaps);
}

function factsSection(report: IncidentReport): string {
  const facts = report.facts;
  if (facts === null) return section('facts', '2. Facts', empty('No review: no facts recorded.'), report.gaps);
  const rows: [string, string][] = [
    ['Type', e(orDash(facts.type))],
    ['Severity', e(orDash(facts.severity))],
    ['C/I/A affected', e(orDash(facts.cia.join(', ')))],
    ['Affected assets', e(orDash(facts.assets.join(', ')))],
    ['Tags', e(orDash(facts.tags.join(', ')))],
    ...facts.times.map((time): [string, string] => [time.label, e(utc(time.at))]),
  ];
  const body = `${keyValues(rows)}<h3>Impact</h3>${facts.impact.trim() === '' ? empty('Not described.') : prose(facts.impact)}<h3>Remediation steps</h3>${
    facts.remediation.length === 0 ? empty('None recorded.') : `<ol>${facts.remediation.map((step) => `<li>${e(step)}</li>`).join('')}</ol>`
  }`;
  return section('facts', '2. Facts', body, report.gaps);
}

function timelineSection(report: IncidentReport): string {
  const body = report.timeline.length === 0 ? empty('No events recorded.') : table(['Time', 'Event', 'By'], report.timeline.map((entry) => [e(utc(entry.at)), `<span class="pre">${e(entry.text)}</span>`, e(orDash(entry.author))]));
  return section('timeline', '3. Timeline', body, report.gaps);
}

function peopleSection(report: IncidentReport): string {
  const people = report.people;
  if (people === null) return section('people', '4. People and attendance', empty('No review: no people recorded.'), report.gaps);
  const roles = table(['Role', 'People'], people.roles.map((role) => [e(role.label), e(orDash(role.people.join(', ')))]));
  const meeting = `<h3>Review meeting</h3><p>Held: ${e(utc(people.meeting.heldAt))}</p><p>Attendees: ${e(orDash(people.meeting.attendees.join(', ')))}</p>`;
  return section('people', '4. People and attendance', roles + meeting, report.gaps);
}

function analysisSection(report: IncidentReport): string {
  const chains = report.fiveWhys
    .map(
      (chain, index) =>
        `<div class="chain"><h3>Why-chain ${String(index + 1)}: ${e(orDash(chain.problem))}</h3><ol>${chain.steps
          .map((step) => `<li><strong>Why?</strong> ${e(step.why)}<br><strong>Because</strong> ${e(orDash(step.because))}</li>`)
          .join('')}</ol>${chain.conclusion === null ? '' : `<p>Conclusion: <strong>${e(chain.conclusion)}</strong></p>`}</div>`,
    )
    .join('');
  const fishbone = report.fishbone;
  const diagram =
    fishbone === null
      ? '<h3>Fishbone</h3>' + empty('No fishbone causes recorded.')
      : `<h3>Fishbone</h3><figure class="fishbone">${fishboneSvg(fishbone)}<figcaption>The diagram as drawn in the review; every cause is listed below.</figcaption></figure>${table(
          ['Category', 'Causes'],
          fishbone.categories.map((category) => [
            e(category.label),
            e(orDash(fishbone.causes.filter((cause) => cause.categoryId === category.id).map((cause) => cause.text).join('; '))),
          ]),
        )}`;
  return section('analysis', '5. Root cause analysis', `<h3>5 Whys</h3>${chains === '' ? empty('No why-chains recorded.') : chains}${diagram}`, report.gaps);
}

function rootCausesSection(report: IncidentReport): string {
  const body =
    report.rootCauses.length === 0
      ? empty('No root causes identified.')
      : table(['Root cause', 'Category', 'Found by'], report.rootCauses.map((rootCause) => [e(rootCause.text), e(rootCause.category), e(rootCause.source)]));
  return section('root-causes', '6. Root causes', body, report.gaps);
}

function decisionsSection(report: IncidentReport): string {
  const decisions =
    report.rootCauses.length === 0
      ? empty('No root causes, so no decisions.')
      : table(
          ['Root cause', 'Decision', 'Rationale', 'Decided'],
          report.rootCauses.map((rootCause) =>
            rootCause.decision === null
              ? [e(rootCause.text), '<strong>Missing</strong>', '—', '—']
              : [e(rootCause.text), e(rootCause.decision.option), `<span class="pre">${e(rootCause.decision.rationale)}</span>`, `${e(rootCause.decision.decidedBy)}, ${e(utc(rootCause.decision.decidedAt))}`],
          ),
        );
  const { approval } = report;
  const approvalBlock = `<h3>Management approval</h3><p><strong>${e(approval.state)}</strong>${approval.by === null ? '' : ` by ${e(approval.by)}`}${approval.at === null ? '' : ` on ${e(utc(approval.at))}`}</p>${
    approval.comment === null || approval.comment === '' ? '' : `<p>Comment: “${e(approval.comment)}”</p>`
  }<p class="subtle">Approvers: ${e(approval.approverRule)}.</p>`;
  const history =
    report.stageHistory.length === 0
      ? ''
      : `<h3>Review stages</h3>${table(['When', 'Change', 'By', 'Reason / comment'], report.stageHistory.map((change) => [e(utc(change.at)), `${e(change.from)} → ${e(change.to)}`, e(change.by), e(orDash(change.note))]))}`;
  return section('decisions', '7. Decisions and approval', decisions + approvalBlock + history, report.gaps);
}

function risksSection(report: IncidentReport): string {
  const body =
    report.risks.length === 0
      ? empty('No risk-register entries are linked to this incident.')
      : table(
          ['Risk', 'Treatment', 'Rating', 'Owner', 'Next review', 'Status', 'From root cause'],
          report.risks.map((risk) => [
            `<strong>${e(risk.title)}</strong>${risk.description.trim() === '' ? '' : `<br><span class="pre">${e(risk.description)}</span>`}`,
            e(risk.treatment),
            `${String(risk.score)} (${e(risk.level)})`,
            e(risk.owner),
            e(risk.nextReviewDate),
            e(risk.status),
            e(risk.rootCauses.join('; ')),
          ]),
        );
  return section('risks', '8. Risks', body, report.gaps);
}

function actionsSection(report: IncidentReport): string {
  const body =
    report.actions.length === 0
      ? empty('No actions.')
      : report.actions
          .map((action) => {
            const verification =
              action.verification === null
                ? '<strong>Not verified</strong>'
                : `Verified by ${e(action.verification.by)} on ${e(utc(action.verification.at))}: ${e(action.verification.evidence)}${action.verification.link === null ? '' : ` (${link(action.verification.link)})`}`;
            const effectiveness =
              action.effectiveness === null
                ? 'Not judged yet'
                : `${e(action.effectiveness.verdict)} (judged ${e(utc(action.effectiveness.judgedAt))}${action.effectiveness.recurrence === null ? '' : `; recurred in ${e(action.effectiveness.recurrence)}`})`;
            return `<div class="card"><h3>${e(action.summary)}${action.jiraKey === null ? '' : ` — ${e(action.jiraKey)}`}</h3>${table(
              ['Kind', 'Owner', 'Target date', 'Status', 'Completed'],
              [[e(action.kind), e(action.owner), e(action.targetDate), e(action.status), e(utc(action.completedAt))]],
            )}<p>Root cause: ${e(action.rootCause)}</p><p>Verification: ${verification}</p><p>Effectiveness: ${effectiveness}</p></div>`;
          })
          .join('');
  return section('actions', '9. Corrective and improvement actions', body, report.gaps);
}

function policiesSection(report: IncidentReport): string {
  const body = report.policies.length === 0 ? empty('No policies or procedures were marked for update.') : table(['Policy or procedure', 'Reference'], report.policies.map((policy) => [e(policy.title), e(orDash(policy.reference))]));
  return section('policies', '10. Policies and procedures to update', body, report.gaps);
}

function lessonsSection(report: IncidentReport): string {
  const body =
    report.lessons.length === 0
      ? empty('No review: no lessons recorded.')
      : report.lessons
          .map((lesson) => `<div class="lesson"><h3>${e(lesson.question)}</h3>${lesson.answer.trim() === '' ? empty('Not answered.') : prose(lesson.answer)}${lesson.derived ? '<p class="subtle">From the root causes.</p>' : ''}</div>`)
          .join('');
  return section('lessons', '11. Lessons learned', body, report.gaps);
}

function communicationSection(report: IncidentReport): string {
  const body =
    report.communications.length === 0
      ? empty('No communication recorded.')
      : table(
          ['Sent', 'By', 'Audience', 'To', 'Subject', 'Outcome'],
          report.communications.map((share) => [e(utc(share.sentAt)), e(share.sentBy), e(share.audience), e(orDash(share.recipients)), e(share.subject), `${e(share.status)} (review v${String(share.reviewVersion)})`]),
        );
  return section('communication', '12. Communication', body, report.gaps);
}

function auditSection(report: IncidentReport): string {
  const { entries, complete } = report.audit;
  const body =
    entries.length === 0
      ? empty('No changes recorded.')
      : `${table(['When', 'Who', 'What'], entries.map((entry) => [e(utc(entry.at)), e(entry.by), e(entry.what)]))}${
          complete ? '' : '<p class="subtle">The most recent changes are shown; the complete trail is in the review’s History tab.</p>'
        }`;
  return section('audit', '13. Audit trail', body, report.gaps);
}

export interface RenderOptions {
  paper: PaperSize;
}

/** The whole document. */
export function renderReportHtml(report: IncidentReport, options: RenderOptions): string {
  const body = [
    header(report),
    gapSummary(report.gaps),
    incidentSection(report),
    factsSection(report),
    timelineSection(report),
    peopleSection(report),
    analysisSection(report),
    rootCausesSection(report),
    decisionsSection(report),
    risksSection(report),
    actionsSection(report),
    policiesSection(report),
    lessonsSection(report),
    communicationSection(report),
    auditSection(report),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.title)}</title>
<style>${reportStyles(options.paper)}</style>
</head>
<body>
<main class="report">
${body}
<footer class="report-footer">Lessons-learned record of ${e(report.incident.key)} (${e(options.paper)}), produced by the Lessons learned app for Jira. When it is attached to the Jira issue, its SHA-256 is recorded in the review’s audit trail.</footer>
</main>
</body>
</html>
`;
}
