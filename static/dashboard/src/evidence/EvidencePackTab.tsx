import { useEffect, useRef, useState } from 'react';
import type { EvidencePeriod } from '../../../../src/domain/evidence';
import type { CallError } from '../../../shared/client';
import { loadEvidencePack, type LoadedPack, type PackProgress } from '../../../shared/evidence/load-pack';
import { PackView, asCallError } from '../../../shared/evidence/PackView';
import { PackError, PackProgressBar } from '../../../shared/evidence/PackStatus';
import { PeriodPicker } from '../../../shared/evidence/PeriodPicker';
import { Walkthrough } from './Walkthrough';

type State = { kind: 'idle' } | { kind: 'loading'; progress: PackProgress } | { kind: 'ready'; pack: LoadedPack } | { kind: 'error'; error: CallError };

/**
 * R24 the audit evidence pack for a period, for managers (approvers and project admins — the
 * server decides; others are told why not): the ten audit questions with their evidence and gaps,
 * a reproducible random sample, and the exports, each recorded in the audit trail.
 */
export function EvidencePackTab({ projectKey, today }: { projectKey: string; today: string }) {
  const [period, setPeriod] = useState<EvidencePeriod>({ kind: 'quarter' });
  const [state, setState] = useState<State>({ kind: 'idle' });
  const signal = useRef({ cancelled: false });
  useEffect(() => () => { signal.current.cancelled = true; }, []);

  const produce = () => {
    signal.current.cancelled = true;
    const mine = { cancelled: false };
    signal.current = mine;
    setState({ kind: 'loading', progress: { fraction: 0, label: 'Starting' } });
    loadEvidencePack(projectKey, period, (progress) => { if (!mine.cancelled) setState({ kind: 'loading', progress }); }, mine).then(
      (pack) => { if (pack !== undefined && !mine.cancelled) setState({ kind: 'ready', pack }); },
      (error: unknown) => { if (!mine.cancelled) setState({ kind: 'error', error: asCallError(error) }); },
    );
  };

  return (
    <>
      <section className="card evidence-pack" aria-labelledby="evidence-heading">
        <div className="card-header">
          <h2 id="evidence-heading">Audit evidence pack</h2>
        </div>
        <p className="subtle">
          Everything an ISO 27001 auditor samples for A 5.27 in a period, by the ten audit questions. For managers: the project’s approvers and project admins. Producing and exporting the pack is
          recorded in the audit trail.
        </p>
        <PeriodPicker value={period} onChange={setPeriod} today={today} disabled={state.kind === 'loading'} />
        <div className="evidence-produce">
          <button type="button" className="button primary" onClick={produce} disabled={state.kind === 'loading'}>
            {state.kind === 'loading' ? 'Producing…' : state.kind === 'ready' ? 'Produce again' : 'Produce evidence pack'}
          </button>
          {state.kind === 'loading' ? <PackProgressBar progress={state.progress} /> : null}
        </div>
        {state.kind === 'error' ? <PackError error={state.error} refusedTitle="You cannot produce the evidence pack" onRetry={produce} /> : null}
        {state.kind === 'ready' ? <PackView pack={state.pack} /> : null}
      </section>
      {/* The auditor's walkthrough of one incident: independent of the period, so it is there before the pack is produced. */}
      <Walkthrough projectKey={projectKey} />
    </>
  );
}

