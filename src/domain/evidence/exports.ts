/**
 * The pack's exports: a self-contained print-ready HTML document (A4, print CSS), a JSON document
 * of the raw records for GRC tools, and the CSV "corrective actions log" and risk register — all
 * built from the same sections and records the page shows. Every typed value is escaped (HTML) or
 * defused (CSV: formula prefixes), never trusted.
 */
import { escapeHtml } from '../communication';
import { toCsv } from '../dashboard';
import { ACTION_KIND_LABELS } from '../actions';
import { STAGE_LABELS } from '../review';
import { A527_CONTROL } from '../report';
import type { EvidenceOverview } from './overview';
import type { EvidenceRecords } from './records';
import type { EvidenceSample } from './sample';
import { STATUS_LABELS, type EvidenceSection, type SectionStatus } from './sections';

export interface PackDocument {
  overview: EvidenceOverview;
  records: EvidenceRecords;
  sections: EvidenceSection[];
  sample?: EvidenceSample;
  /** Display name of an account id. */
  name: (accountId: string) => string;
  trainingNotes?: string;
}

export const EXPORT_FORMAT = 'lessons-learned-evidence-pack';
export const EXPORT_SCHEMA_VERSION = 1;

/** Machine-readable: the overview, the records as loaded (account ids, not names), the sample and the sections' findings. */
export function packJson(pack: PackDocument): string {
  const { overview, records, sections, sample } = pack;
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      schemaVersion: EXPORT_SCHEMA_VERSION,
      control: A527_CONTROL,
      projectKey: overview.projectKey,
      period: overview.period,
      generatedAt: overview.generatedAt,
      generatedBy: overview.generatedBy,
      overview,
      sections: sections.map(({ id, number, question, status, figures, missing }) => ({ id, number, question, status, figures, missing })),
      ...(sample === undefined
        ? {}
        : {
            sample: {
              seed: sample.seed,
              size: sample.size,
              method: sample.method,
              incidents: { populationSize: sample.incidents.populationSize, issueKeys: sample.incidents.items.map((item) => item.issueKey) },
              actions: { populationSize: sample.actions.populationSize, actionIds: sample.actions.items.map((item) => item.actionId) },
            },
          }),
      ...(pack.trainingNotes?.trim() ? { trainingNotes: pack.trainingNotes.trim() } : {}),
      records,
    },
    null,
    2,
  )}\n`;
}

/** The corrective actions log (R10/R11) as CSV. */
export function actionLogCsv(pack: Pick<PackDocument, 'records' | 'name'>): string {
  const rows = [...pack.records.actions]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.actionId.localeCompare(b.actionId))
    .map((action) => [
      action.jiraIssueKey ?? '',
      action.actionId,
      action.incidentIssueKey,
      action.rootCauseCategory,
      ACTION_KIND_LABELS[action.kind],
      action.summary,
      pack.name(action.ownerAccountId),
      action.targetDate,
      action.status,
      action.createdAt.slice(0, 10),
      action.completedAt?.slice(0, 10) ?? '',
      action.verification === undefined ? '' : pack.name(action.verification.by),
      action.verification?.at.slice(0, 10) ?? '',
      action.verification?.evidence ?? '',
      action.verification?.evidenceLink ?? '',
      action.effectiveness?.verdict ?? '',
      action.effectiveness?.recurrenceIssueKey ?? '',
    ]);
  return toCsv(
    ['Jira issue', 'Action id', 'Incident', 'Root-cause category', 'Kind', 'Summary', 'Owner', 'Target date', 'Status', 'Planned on', 'Completed on', 'Verified by', 'Verified on', 'Verification evidence', 'Evidence link', 'Effectiveness', 'Recurred in'],
    rows,
  );
}

/** The risk register (R9/R20) as CSV, with the incidents each risk is traced to. */
export function riskRegisterCsv(pack: Pick<PackDocument, 'records' | 'name'>): string {
  const rows = pack.records.risks.map((risk) => [
    risk.riskId,
    risk.title,
    risk.treatment,
    risk.likelihood,
    risk.impact,
    risk.score,
    risk.level,
    pack.name(risk.ownerAccountId),
    risk.nextReviewDate,
    risk.status,
    [...new Set(risk.links.map((link) => link.incidentIssueKey))].join(' '),
    risk.updatedAt.slice(0, 10),
  ]);
  return toCsv(['Risk id', 'Title', 'Treatment', 'Likelihood', 'Impact', 'Score', 'Level', 'Owner', 'Next review', 'Status', 'Incidents', 'Last updated'], rows);
}

/** A symbol with the words, so the status never rests on colour alone (and survives black-and-white print). */
export const STATUS_SYMBOLS: Record<SectionStatus, string> = { evidenced: '✓', gaps: '!', 'no-evidence': '✗' };

const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #172b4d; margin: 0 auto; max-width: 190mm; padding: 12px; }
h1 { font-size: 18pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 18px 0 6px; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10px 0 4px; break-after: avoid; }
.meta, .source { color: #44546f; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 10px; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #8590a2; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f1f2f4; }
.status { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 6px; font-weight: 600; font-size: 9pt; }
.status.gaps { color: #a54800; } .status.evidenced { color: #216e4e; } .status.no-evidence { color: #ae2e24; }
.missing { border-left: 3px solid #a54800; padding: 2px 8px; margin: 6px 0; }
section.question { break-inside: auto; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
dt { font-weight: 600; } dd { margin: 0; }
.section-break { break-before: page; page-break-before: always; }
@media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const esc = (value: string): string => escapeHtml(value);

function tableHtml(caption: string, columns: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return `<h3>${esc(caption)}</h3><p class="meta">None in the period.</p>`;
  const head = columns.map((column) => `<th scope="col">${esc(column)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<h3>${esc(caption)}</h3>\n<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function sectionHtml(section: EvidenceSection): string {
  const figures = section.figures.map((figure) => `<dt>${esc(figure.label)}</dt><dd>${esc(figure.value)}</dd>`).join('');
  const missing =
    section.missing.length === 0
      ? '<p class="meta">Nothing missing.</p>'
      : `<div class="missing"><strong>Missing</strong><ul>${section.missing.map((gap) => `<li>${esc(gap.text)}${gap.items.length > 0 ? ` <span class="meta">(${esc(gap.items.slice(0, 30).join(', '))}${gap.items.length > 30 ? ` and ${String(gap.items.length - 30)} more` : ''})</span>` : ''}</li>`).join('')}</ul></div>`;
  return `<section class="question" aria-labelledby="q-${section.id}">
<h2 id="q-${section.id}">${String(section.number)}. ${esc(section.question)} <span class="status ${section.status}">${STATUS_SYMBOLS[section.status]} ${esc(STATUS_LABELS[section.status])}</span></h2>
<p class="source">Where: ${esc(section.source)}</p>
<dl>${figures}</dl>
${missing}
${section.tables.map((table) => tableHtml(table.caption, table.columns, table.rows)).join('\n')}
</section>`;
}

function sampleHtml(sample: EvidenceSample, name: (accountId: string) => string): string {
  const incidents = tableHtml(
    `Incidents: ${String(sample.incidents.items.length)} drawn of ${String(sample.incidents.populationSize)}`,
    ['Incident', 'Summary', 'Stage', 'Root causes', 'Approved by'],
    sample.incidents.items.map((incident) => [incident.issueKey, incident.summary, STAGE_LABELS[incident.stage], String(incident.rootCauses.length), incident.approval ? `${name(incident.approval.by)} on ${incident.approval.at.slice(0, 10)}` : '—']),
  );
  const actions = tableHtml(
    `Completed actions: ${String(sample.actions.items.length)} drawn of ${String(sample.actions.populationSize)}`,
    ['Action', 'Incident', 'Owner', 'Target', 'Completed', 'Verification evidence'],
    sample.actions.items.map((action) => [
      action.jiraIssueKey ?? action.actionId,
      action.incidentIssueKey,
      name(action.ownerAccountId),
      action.targetDate,
      action.completedAt?.slice(0, 10) ?? '',
      action.verification === undefined ? 'not verified' : `${name(action.verification.by)} on ${action.verification.at.slice(0, 10)}: ${action.verification.evidence}${action.verification.evidenceLink ? ` (${action.verification.evidenceLink})` : ''}`,
    ]),
  );
  return `<section class="question section-break" aria-labelledby="q-sample">
<h2 id="q-sample">Random sample</h2>
<dl><dt>Seed</dt><dd>${String(sample.seed)}</dd><dt>Sample size</dt><dd>${String(sample.size)} of each</dd><dt>Method</dt><dd>${esc(sample.method)}</dd></dl>
${incidents}
${actions}
</section>`;
}

/** The whole pack as one self-contained HTML document, ready for "Print → PDF" on A4. */
export function packHtml(pack: PackDocument): string {
  const { overview } = pack;
  const attributes = A527_CONTROL.attributes.map((row) => `<dt>${esc(row.label)}</dt><dd>${esc(row.values.join(', '))}</dd>`).join('');
  const summary = pack.sections.map((section) => `<tr><td>${String(section.number)}</td><td>${esc(section.question)}</td><td>${STATUS_SYMBOLS[section.status]} ${esc(STATUS_LABELS[section.status])}</td><td>${String(section.missing.length)}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evidence pack ${esc(overview.projectKey)} ${esc(overview.period.label)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header>
<h1>Audit evidence pack · ${esc(overview.projectKey)}</h1>
<p class="meta">Period ${esc(overview.period.label)} (${esc(overview.period.firstDay)} to ${esc(overview.period.lastDay)}, UTC months) · previous period ${esc(overview.period.previousLabel)} · produced ${esc(overview.generatedAt.slice(0, 16).replace('T', ' '))} UTC by ${esc(pack.name(overview.generatedBy))}</p>
<h2>Control</h2>
<p>${esc(`${A527_CONTROL.reference} — ${A527_CONTROL.title}`)}</p>
<dl>${attributes}</dl>
<h2>Summary</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">Audit question</th><th scope="col">Status</th><th scope="col">Gaps</th></tr></thead><tbody>
${summary}
</tbody></table>
</header>
${pack.sections.map(sectionHtml).join('\n')}
${pack.sample === undefined ? '' : sampleHtml(pack.sample, pack.name)}
</body>
</html>
`;
}
