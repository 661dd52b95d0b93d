import { useId, useState } from 'react';
import { STAGE_LABELS } from '../../../src/domain/review';
import { DEFAULT_SAMPLE_SIZE, MAX_SAMPLE_SIZE, MAX_SEED, type EvidenceOverview, type EvidenceRecords, type EvidenceSample } from '../../../src/domain/evidence';

/** A fresh seed from the browser's cryptographic generator (shown, so the draw can be repeated). */
function randomSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] ?? 0;
}

const parseSeed = (text: string): number | undefined => (/^\d{1,10}$/.test(text.trim()) && Number(text) <= MAX_SEED ? Number(text) : undefined);

/**
 * R24 random sampling: N incidents and N completed actions of the period, drawn with a seed that
 * is shown and can be typed in again to reproduce the same sample (and recorded with each export).
 */
/** "Process ×2, People": one entry per category, so two causes of one kind don't read as a repeat. */
function categoriesWithCounts(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} ×${String(n)}` : label)).join(', ');
}

export function SampleView({ overview, records, sample, onDraw, name }: { overview: EvidenceOverview; records: EvidenceRecords; sample: EvidenceSample | undefined; onDraw: (size: number, seed: number) => void; name: (accountId: string) => string }) {
  const id = useId();
  const [size, setSize] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [seed, setSeed] = useState('');
  const sizeValue = /^\d{1,2}$/.test(size) && Number(size) >= 1 && Number(size) <= MAX_SAMPLE_SIZE ? Number(size) : undefined;
  const seedValue = seed.trim() === '' ? null : parseSeed(seed);
  const draw = () => {
    if (sizeValue === undefined || seedValue === undefined) return;
    const chosen = seedValue ?? randomSeed();
    setSeed(String(chosen));
    onDraw(sizeValue, chosen);
  };
  return (
    <section className="evidence-section" id="evidence-sample" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Random sample</h3>
      <p className="subtle">
        Draws incidents of the period and actions completed in it. Leave the seed empty for a new random one; type a recorded seed to reproduce an earlier sample of the same period.
      </p>
      <div className="toolbar">
        <label className="inline-field" htmlFor={`${id}-size`}>
          Of each (1–{MAX_SAMPLE_SIZE})
          <input id={`${id}-size`} className="sample-size" type="number" min={1} max={MAX_SAMPLE_SIZE} value={size} onChange={(event) => { setSize(event.target.value); }} aria-invalid={sizeValue === undefined} />
        </label>
        <label className="inline-field" htmlFor={`${id}-seed`}>
          Seed (0–{MAX_SEED})
          <input id={`${id}-seed`} inputMode="numeric" value={seed} placeholder="random" onChange={(event) => { setSeed(event.target.value); }} aria-invalid={seedValue === undefined} aria-describedby={`${id}-seed-error`} />
        </label>
        <button type="button" className="button primary" onClick={draw} disabled={sizeValue === undefined || seedValue === undefined}>
          Draw sample
        </button>
        <button type="button" className="button subtle-button" onClick={() => { setSeed(''); }}>
          Clear seed
        </button>
      </div>
      {seedValue === undefined ? <p className="field-error" id={`${id}-seed-error`}>The seed is a whole number from 0 to {MAX_SEED}.</p> : null}
      {sizeValue === undefined ? <p className="field-error">The sample size is a whole number from 1 to {MAX_SAMPLE_SIZE}.</p> : null}
      {sample === undefined ? null : (
        <div className="evidence-sample" aria-live="polite">
          <dl className="evidence-figures">
            <div><dt>Seed</dt><dd className="sample-seed">{sample.seed}</dd></div>
            <div><dt>Incidents</dt><dd>{sample.incidents.items.length} drawn of {sample.incidents.populationSize} in the period</dd></div>
            <div><dt>Completed actions</dt><dd>{sample.actions.items.length} drawn of {sample.actions.populationSize} completed in the period</dd></div>
          </dl>
          <p className="subtlest sample-method">Method: {sample.method}</p>
          <div className="table-scroll">
            <table className="data compact" aria-label="Sampled incidents">
              <caption className="subtle">Sampled incidents</caption>
              <thead><tr><th scope="col">Incident</th><th scope="col">Summary</th><th scope="col">Stage</th><th scope="col">Root causes</th><th scope="col">Approved by</th><th scope="col">Meeting</th></tr></thead>
              <tbody>
                {sample.incidents.items.map((incident) => (
                  <tr key={incident.issueId}>
                    <td className="nowrap">{incident.issueKey}</td>
                    <td>{incident.summary}</td>
                    <td>{STAGE_LABELS[incident.stage]}</td>
                    <td>{categoriesWithCounts(incident.rootCauses.map((rootCause) => rootCause.categoryLabel)) || 'none — missing'}</td>
                    <td>{incident.approval ? `${name(incident.approval.by)}, ${incident.approval.at.slice(0, 10)}` : 'not approved — missing'}</td>
                    <td>{incident.meeting.heldAt ? `${incident.meeting.heldAt.slice(0, 10)}, ${String(incident.meeting.attendees.length)} attending` : 'none recorded'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="data compact" aria-label="Sampled completed actions">
              <caption className="subtle">Sampled completed actions with their verification evidence</caption>
              <thead><tr><th scope="col">Action</th><th scope="col">Incident</th><th scope="col">Owner</th><th scope="col">Target</th><th scope="col">Completed</th><th scope="col">Verification</th></tr></thead>
              <tbody>
                {sample.actions.items.map((action) => (
                  <tr key={action.actionId}>
                    <td>{action.jiraIssueKey ?? action.actionId} {action.summary}</td>
                    <td className="nowrap">{action.incidentIssueKey}</td>
                    <td>{name(action.ownerAccountId)}</td>
                    <td className="nowrap">{action.targetDate}</td>
                    <td className="nowrap">{action.completedAt?.slice(0, 10) ?? ''}</td>
                    <td>{action.verification ? `${name(action.verification.by)}, ${action.verification.at.slice(0, 10)}: ${action.verification.evidence}` : 'not verified — missing'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {records.incidents.length === 0 && overview.figures.actionsClosed === 0 ? <p className="subtlest">Nothing in the period to sample.</p> : null}
    </section>
  );
}
