import { useId, useMemo, useState } from 'react';
import {
  STATUS_LABELS,
  STATUS_SYMBOLS,
  actionLogCsv,
  buildEvidenceSections,
  drawEvidenceSample,
  packHtml,
  packJson,
  riskRegisterCsv,
  type EvidenceSample,
  type EvidenceSection,
  type ExportFormat,
} from '../../../src/domain/evidence';
import { call, CallError } from '../client';
import { ErrorMessage } from '../components';
import { useUserNames } from '../user-directory';
import { downloadText } from '../dashboard/csv-download';
import type { LoadedPack } from './load-pack';
import { SampleView } from './SampleView';
import './evidence.css';

export const asCallError = (error: unknown): CallError => (error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }));

/** Dates and issue keys stay on one line, so narrow columns never break them apart. */
const SHORT_CELL = /^(\d{4}-\d{2}-\d{2}|[A-Z][A-Z0-9_]*-\d+)$/;

/** Rows of a table shown on the page; the exports hold them all. */
const SHOWN_ROWS = 25;

/**
 * One project's produced pack: header, the ten audit questions, the sample and the exports (each
 * recorded in that project's audit trail first). Shown on the project page's tab and, per chosen
 * project, on the all-projects page.
 */
/** Everyone a pack names, so their display names are looked up once. */
export function peopleOf(pack: LoadedPack): string[] {
  const { overview, records } = pack;
  return [
    overview.generatedBy,
    ...(overview.procedure.current ? [overview.procedure.current.signedOffBy] : []),
    ...overview.procedure.versionsInPeriod.flatMap((version) => [version.author, ...(version.signedOffBy ? [version.signedOffBy] : [])]),
    ...records.incidents.flatMap((incident) => [
      ...(incident.approval ? [incident.approval.by] : []),
      ...(incident.people.incidentManager ? [incident.people.incidentManager] : []),
      ...incident.people.responseTeam,
      ...incident.people.informationSecurity,
      ...incident.meeting.attendees,
    ]),
    ...records.actions.flatMap((action) => [action.ownerAccountId, ...(action.verification ? [action.verification.by] : [])]),
    ...records.risks.map((risk) => risk.ownerAccountId),
    ...records.communications.map((share) => share.sentBy),
    ...records.processReviews.flatMap((review) => [...review.participants, ...review.actions.map((action) => action.ownerAccountId)]),
  ];
}

export function PackView({ pack }: { pack: LoadedPack }) {
  const { overview, records } = pack;
  const people = useMemo(() => peopleOf(pack), [pack]);
  const name = useUserNames(people);
  const [trainingNotes, setTrainingNotes] = useState('');
  const [sample, setSample] = useState<EvidenceSample | undefined>(undefined);
  const sections = useMemo(() => buildEvidenceSections(overview, records, { name, trainingNotes }), [overview, records, name, trainingNotes]);
  const trainingId = useId();
  return (
    <div className="evidence-result">
      <PackHeader pack={pack} name={name} />
      {pack.unreadable > 0 ? (
        <div className="section-message warning" role="note">
          <div>{String(pack.unreadable)} stored record(s) could not be read and are left out (as on the dashboard).</div>
        </div>
      ) : null}
      <Exports pack={pack} sections={sections} sample={sample} name={name} trainingNotes={trainingNotes} />
      <SectionSummary sections={sections} />
      <label className="field evidence-training" htmlFor={trainingId}>
        <span className="field-label">Training records for question 8 (links or notes; included in the exports, not stored)</span>
        <textarea id={trainingId} rows={2} maxLength={2000} value={trainingNotes} onChange={(event) => { setTrainingNotes(event.target.value); }} />
      </label>
      {sections.map((section) => (
        <SectionView key={section.id} section={section} />
      ))}
      <SampleView overview={overview} records={records} sample={sample} onDraw={(size, seed) => { setSample(drawEvidenceSample(overview, records, size, seed)); }} name={name} />
    </div>
  );
}

function PackHeader({ pack, name }: { pack: LoadedPack; name: (accountId: string) => string }) {
  const { overview } = pack;
  return (
    <header className="evidence-header" aria-label="Pack header">
      <h3>
        {overview.projectKey} · {overview.period.label}
      </h3>
      <p className="subtlest">
        Compared with {overview.period.previousLabel} · UTC months {overview.period.firstDay} to {overview.period.lastDay} · produced {overview.generatedAt.slice(0, 16).replace('T', ' ')} UTC by {name(overview.generatedBy)}
      </p>
      <div className="control-attributes" aria-label="Control attributes (ISO/IEC 27002:2022)">
        <p className="control-name">
          {overview.attributes.reference} — {overview.attributes.title}
        </p>
        <dl>
          {overview.attributes.attributes.map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>
                {row.values.map((value) => (
                  <span key={value} className="lozenge information">
                    {value}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </header>
  );
}

const TONE = { evidenced: 'success', gaps: 'warning', 'no-evidence': 'danger' } as const;

function StatusLozenge({ status }: { status: EvidenceSection['status'] }) {
  return (
    <span className={`lozenge evidence-status ${TONE[status]}`}>
      <span aria-hidden="true">{STATUS_SYMBOLS[status]}</span> {STATUS_LABELS[status]}
    </span>
  );
}

function SectionSummary({ sections }: { sections: EvidenceSection[] }) {
  return (
    <table className="data compact evidence-summary">
      <caption className="subtle">The ten audit questions</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Question</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">Gaps</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((section) => (
          <tr key={section.id}>
            <td>{section.number}</td>
            <td>
              <a href={`#evidence-${section.id}`}>{section.question}</a>
            </td>
            <td>
              <StatusLozenge status={section.status} />
            </td>
            <td className="numeric">{section.missing.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SectionView({ section }: { section: EvidenceSection }) {
  return (
    <section className="evidence-section" id={`evidence-${section.id}`} aria-labelledby={`evidence-${section.id}-heading`}>
      <h3 id={`evidence-${section.id}-heading`}>
        {section.number}. {section.question} <StatusLozenge status={section.status} />
      </h3>
      <p className="subtlest">Where: {section.source}</p>
      <dl className="evidence-figures">
        {section.figures.map((figure) => (
          <div key={figure.label}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {section.missing.length > 0 ? (
        <div className="section-message warning">
          <div>
            <strong>Missing</strong>
            <ul>
              {section.missing.map((gap) => (
                <li key={gap.text}>
                  {gap.text}
                  {gap.items.length > 0 ? <span className="subtlest"> {gap.items.slice(0, 12).join(', ')}{gap.items.length > 12 ? ` and ${String(gap.items.length - 12)} more` : ''}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        <p className="subtlest">Nothing missing.</p>
      )}
      {section.tables.map((table) =>
        table.rows.length === 0 ? null : (
          <div key={table.caption} className="table-scroll">
            <table className="data compact">
              <caption className="subtle">
                {table.caption}
                {table.rows.length > SHOWN_ROWS ? ` — first ${String(SHOWN_ROWS)} of ${String(table.rows.length)}; the exports hold them all` : ''}
              </caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, SHOWN_ROWS).map((row, index) => (
                  <tr key={index}>
                    {row.map((cell, cellIndex) => (
                      <td key={cellIndex} className={SHORT_CELL.test(cell) ? 'nowrap' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      )}
    </section>
  );
}

const FILE_TYPES: Record<ExportFormat, { extension: string; type: string; label: string }> = {
  html: { extension: 'html', type: 'text/html;charset=utf-8', label: 'Print-ready HTML' },
  json: { extension: 'json', type: 'application/json;charset=utf-8', label: 'JSON (raw records)' },
  'csv-actions': { extension: 'csv', type: 'text/csv;charset=utf-8', label: 'Corrective actions log (CSV)' },
  'csv-risks': { extension: 'csv', type: 'text/csv;charset=utf-8', label: 'Risk register (CSV)' },
};

function Exports({ pack, sections, sample, name, trainingNotes }: { pack: LoadedPack; sections: EvidenceSection[]; sample: EvidenceSample | undefined; name: (accountId: string) => string; trainingNotes: string }) {
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [done, setDone] = useState<string>('');
  const { overview, records } = pack;
  const document = { overview, records, sections, ...(sample === undefined ? {} : { sample }), name, trainingNotes };
  const texts: Record<ExportFormat, () => string> = {
    html: () => packHtml(document),
    json: () => packJson(document),
    'csv-actions': () => actionLogCsv(document),
    'csv-risks': () => riskRegisterCsv(document),
  };
  const exportAs = (format: ExportFormat) => {
    setBusy(format);
    setError(undefined);
    setDone('');
    const recordCounts = { incidents: records.incidents.length, actions: records.actions.length, risks: records.risks.length, communications: records.communications.length, processReviews: records.processReviews.length };
    // Recorded first: an export the audit trail does not know about is never handed over.
    call('recordEvidencePackExport', { projectKey: overview.projectKey, period: overview.period.spec, format, recordCounts, ...(sample === undefined ? {} : { sample: { seed: sample.seed, size: sample.size } }) }).then(
      () => {
        const file = FILE_TYPES[format];
        const what = format === 'csv-actions' ? 'corrective-actions-log' : format === 'csv-risks' ? 'risk-register' : 'evidence-pack';
        downloadText(`lessons-learned-${overview.projectKey}-${what}-${overview.period.firstDay}-to-${overview.period.lastDay}.${file.extension}`, texts[format](), file.type);
        setDone(`${file.label} exported and recorded in the audit trail.`);
        setBusy(undefined);
      },
      (failure: unknown) => {
        setError(asCallError(failure));
        setBusy(undefined);
      },
    );
  };
  return (
    <div className="evidence-exports" role="group" aria-label="Export the pack">
      {(Object.keys(FILE_TYPES) as ExportFormat[]).map((format) => (
        <button key={format} type="button" className="button" disabled={busy !== undefined} onClick={() => { exportAs(format); }}>
          {busy === format ? 'Exporting…' : FILE_TYPES[format].label}
        </button>
      ))}
      <span className="subtlest" aria-live="polite">
        {done || (sample === undefined ? 'Draw a sample below to include it in the HTML and JSON.' : `Includes the sample drawn with seed ${String(sample.seed)}.`)}
      </span>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
