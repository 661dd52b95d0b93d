import { useEffect, useId, useState } from 'react';
import type { DecisionsView, RiskView, RootCauseDecisionView } from '../../../../src/api/decisions';
import { call, type CallError } from '../../../shared/client';
import { ErrorMessage, Loading } from '../../../shared/components';
import { Field } from '../../../shared/form/Field';
import { asCallError } from '../session/errors';
import { ChangeError } from './ChangeError';
import { RISK_LEVEL } from './labels';
import { useChange } from './useChange';
import { FormButtons } from './FormButtons';

type Register = { kind: 'loading' } | { kind: 'error'; error: CallError } | { kind: 'ready'; risks: RiskView[]; cursor?: string; more: boolean };

/** R20: the same risk behind several incidents — pick one of the project's register (by rating). */
export function LinkRiskForm({ view, entry, onDone }: { view: DecisionsView; entry: RootCauseDecisionView; onDone: () => void }) {
  const id = useId();
  const change = useChange();
  const [register, setRegister] = useState<Register>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [choice, setChoice] = useState('');
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const projectKey = view.incident.projectKey;

  useEffect(() => {
    let live = true;
    call('listRisks', { projectKey }).then(
      (page) => { if (live) setRegister({ kind: 'ready', risks: page.risks, ...(page.cursor === undefined ? {} : { cursor: page.cursor }), more: false }); },
      (failure: unknown) => { if (live) setRegister({ kind: 'error', error: asCallError(failure) }); },
    );
    return () => { live = false; };
  }, [projectKey, attempt]);

  const loadMore = () => {
    if (register.kind !== 'ready' || register.cursor === undefined) return;
    const { risks, cursor } = register;
    setRegister({ ...register, more: true });
    call('listRisks', { projectKey, cursor }).then(
      (page) => { setRegister({ kind: 'ready', risks: [...risks, ...page.risks], ...(page.cursor === undefined ? {} : { cursor: page.cursor }), more: false }); },
      (failure: unknown) => { setRegister({ kind: 'error', error: asCallError(failure) }); },
    );
  };

  const linked = new Set(entry.risks.map((risk) => risk.id));
  const candidates = register.kind === 'ready' ? register.risks.filter((risk) => !linked.has(risk.id)) : [];
  const link = () => {
    if (choice === '') {
      setChoiceError('Choose the risk to link.');
      return;
    }
    setChoiceError(null);
    void change.run(() => call('linkRisk', { issueKey: view.incident.issueKey, rootCauseId: entry.rootCause.id, riskId: choice })).then((done) => { if (done) onDone(); });
  };

  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-legend`}>
      <p className="inline-form-title" id={`${id}-legend`}>
        Link a risk from the {projectKey} register
      </p>
      {register.kind === 'loading' ? <Loading label="Loading the risk register" /> : null}
      {register.kind === 'error' ? <ErrorMessage error={register.error} onRetry={() => { setRegister({ kind: 'loading' }); setAttempt((n) => n + 1); }} /> : null}
      {register.kind === 'ready' && candidates.length === 0 && register.cursor === undefined ? (
        <p className="subtle">There are no other risks in the {projectKey} register yet. Add a new risk instead.</p>
      ) : null}
      {register.kind === 'ready' && (candidates.length > 0 || register.cursor !== undefined) ? (
        <>
          <Field path={`${id}-risk`} label="Risk" error={choiceError ?? change.fieldError('riskId')}>
            {(control) => (
              <select {...control} value={choice} onChange={(event) => { setChoice(event.target.value); }} autoFocus>
                <option value="">Choose a risk (highest rated first)</option>
                {candidates.map((risk) => (
                  <option key={risk.id} value={risk.id}>
                    {risk.title} — {RISK_LEVEL[risk.level].label} ({risk.score}), {risk.treatment === 'accept' ? 'accepted' : 'to be mitigated'}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {register.cursor !== undefined ? (
            <button type="button" className="link-button" onClick={loadMore} disabled={register.more}>
              {register.more ? 'Loading…' : 'Show more risks'}
            </button>
          ) : null}
        </>
      ) : null}
      <ChangeError error={change.error} shownAtField={change.fieldError('riskId') !== undefined} />
      <FormButtons label="Link risk" busyLabel="Linking…" busy={change.busy} disabled={register.kind !== 'ready' || candidates.length === 0} onSubmit={link} onCancel={onDone} />
    </div>
  );
}
