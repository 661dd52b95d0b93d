import { useId, useState, type SyntheticEvent } from 'react';
import type { WalkthroughView } from '../../../../src/api/report';
import { issueKeySchema } from '../../../../src/api/keys';
import type { WalkthroughStatus } from '../../../../src/domain/report';
import { call, CallError } from '../../../shared/client';
import { ErrorMessage, Loading } from '../../../shared/components';
import { IssueLink } from '../../../shared/IssueLink';
import './walkthrough.css';

type Loaded = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; view: WalkthroughView } | { kind: 'error'; error: CallError };

/** Each status in words and with a symbol, so colour is never the only signal. */
const STATUS: Record<WalkthroughStatus, { label: string; symbol: string }> = {
  complete: { label: 'Evidence present', symbol: '✓' },
  pending: { label: 'Under way', symbol: '…' },
  gap: { label: 'Gap', symbol: '!' },
  'not-applicable': { label: 'Not needed', symbol: '–' },
};

/**
 * R24 the auditor's walkthrough of one incident (managers: approvers and project admins; the
 * resolver refuses anyone else): pick an incident by key, see the chain incident → review → root
 * causes → decisions and approval → actions → verification → effectiveness → risk and policy
 * updates, each link with its evidence and its gaps.
 */
export function Walkthrough({ projectKey }: { projectKey: string }) {
  const id = useId();
  const [key, setKey] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const issueKey = key.trim().toUpperCase();
    const parsed = issueKeySchema.safeParse(issueKey);
    if (!parsed.success || !issueKey.startsWith(`${projectKey}-`)) {
      setFieldError(`Enter an incident key of this project, such as ${projectKey}-12.`);
      return;
    }
    setFieldError(null);
    setLoaded({ kind: 'loading' });
    call('getIncidentWalkthrough', { projectKey, issueKey }).then(
      (view) => { setLoaded({ kind: 'ready', view }); },
      (failure: unknown) => { setLoaded({ kind: 'error', error: failure instanceof CallError ? failure : new CallError({ code: 'INTERNAL', message: 'Something went wrong.' }) }); },
    );
  };

  return (
    <section className="card walkthrough" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Walk through one incident</h2>
      <form className="walkthrough-pick" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-key`}>Incident key</label>
        <input
          id={`${id}-key`}
          value={key}
          onChange={(event) => { setKey(event.target.value); }}
          placeholder={`${projectKey}-12`}
          aria-invalid={fieldError !== null}
          aria-describedby={fieldError === null ? undefined : `${id}-key-error`}
          maxLength={24}
          autoComplete="off"
        />
        <button type="submit" className="button primary" disabled={loaded.kind === 'loading'}>
          Show the chain
        </button>
        {fieldError === null ? null : (
          <p id={`${id}-key-error`} className="field-error" role="alert">
            {fieldError}
          </p>
        )}
      </form>
      {loaded.kind === 'loading' ? <Loading label="Walking through the incident" /> : null}
      {loaded.kind === 'error' ? <ErrorMessage error={loaded.error} /> : null}
      {loaded.kind === 'ready' ? <Chain view={loaded.view} /> : null}
    </section>
  );
}

function Chain({ view }: { view: WalkthroughView }) {
  const { walkthrough } = view;
  return (
    <>
      <p>
        <IssueLink issueKey={walkthrough.issueKey} /> {walkthrough.summary} —{' '}
        <strong>{walkthrough.gapCount === 0 ? 'no gaps in the chain' : `${String(walkthrough.gapCount)} ${walkthrough.gapCount === 1 ? 'link has' : 'links have'} a gap`}</strong>
        <span className="subtlest"> (target dates judged on {view.today})</span>
      </p>
      <ol className="walkthrough-chain" aria-label="The chain from incident to improvement">
        {walkthrough.steps.map((step) => (
          <li key={step.id} className={`walkthrough-step ${step.status}`}>
            <div className="walkthrough-step-head">
              <span className="walkthrough-symbol" aria-hidden="true">
                {STATUS[step.status].symbol}
              </span>
              <h3>{step.label}</h3>
              <span className={`lozenge ${step.status === 'gap' ? 'danger' : step.status === 'complete' ? 'success' : 'neutral'}`}>{STATUS[step.status].label}</span>
            </div>
            {step.evidence.length === 0 ? <p className="subtlest">No evidence recorded.</p> : (
              <ul className="walkthrough-evidence" aria-label={`${step.label}: evidence`}>
                {step.evidence.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            )}
            {step.gaps.length === 0 ? null : (
              <ul className="walkthrough-gaps" aria-label={`${step.label}: ${step.status === 'gap' ? 'gaps' : 'still open'}`}>
                {step.gaps.map((line, index) => (
                  <li key={index}>
                    <strong>{step.status === 'gap' ? 'Gap: ' : 'Open: '}</strong>
                    {line}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
