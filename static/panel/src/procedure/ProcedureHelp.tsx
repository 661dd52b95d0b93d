import { useId, useState } from 'react';
import type { ProcedureDocumentView, ProcedureView } from '../../../../src/api/settings';
import { call, type CallError } from '../../../shared/client';
import { ErrorMessage, Loading } from '../../../shared/components';
import { formatInstant } from '../../../shared/dates';
import { ProcedureText } from '../../../shared/ProcedureText';
import { asCallError } from '../session/errors';
import { useTimeSettings } from '../../../shared/environment';

type Loaded = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; procedure: ProcedureView } | { kind: 'error'; error: CallError };

/**
 * R21: the project's signed-off review procedure, one click from the review. Loaded only when
 * opened (`getProcedure`), never with the panel.
 */
export function ProcedureHelp({ projectKey }: { projectKey: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });

  const fetchProcedure = () => {
    setLoaded({ kind: 'loading' });
    call('getProcedure', { projectKey }).then(
      (procedure) => { setLoaded({ kind: 'ready', procedure }); },
      (failure: unknown) => { setLoaded({ kind: 'error', error: asCallError(failure) }); },
    );
  };
  const toggle = () => {
    setOpen(!open);
    if (!open && (loaded.kind === 'idle' || loaded.kind === 'error')) fetchProcedure();
  };

  return (
    <>
      <button type="button" className="link-button procedure-toggle" aria-expanded={open} aria-controls={`${id}-procedure`} onClick={toggle}>
        <span className="help-icon" aria-hidden="true">
          ?
        </span>
        {open ? 'Hide the procedure' : 'Procedure'}
      </button>
      {open ? (
        <section id={`${id}-procedure`} className="procedure-help" aria-labelledby={`${id}-procedure-heading`}>
          <h2 id={`${id}-procedure-heading`}>Review procedure</h2>
          {loaded.kind === 'loading' || loaded.kind === 'idle' ? <Loading label="Loading the review procedure" /> : null}
          {loaded.kind === 'error' ? <ErrorMessage error={loaded.error} onRetry={fetchProcedure} /> : null}
          {loaded.kind === 'ready' ? <ProcedureBody procedure={loaded.procedure} /> : null}
        </section>
      ) : null}
    </>
  );
}

function ProcedureBody({ procedure }: { procedure: ProcedureView }) {
  const time = useTimeSettings();
  const { current, draft } = procedure;
  return (
    <>
      {current ? (
        <>
          <p className="procedure-meta">
            <span className="lozenge success">In force</span> Version {current.version}
            {current.signedOffBy && current.signedOffAt ? (
              <>
                , signed off by {current.signedOffBy.displayName} on <time dateTime={current.signedOffAt}>{formatInstant(current.signedOffAt, time)}</time>
              </>
            ) : null}
          </p>
          <div className="procedure-scroll" tabIndex={0} role="document" aria-label={`Review procedure, version ${String(current.version)}`}>
            <ProcedureText blocks={current.blocks} />
          </div>
        </>
      ) : (
        <div className="inline-empty" role="note">
          <strong>No signed-off procedure yet — ask your ISMS manager.</strong> Until one is signed off, follow your organisation’s incident process.
        </div>
      )}
      {draft ? <DraftNotice draft={draft} /> : null}
    </>
  );
}

function DraftNotice({ draft }: { draft: ProcedureDocumentView }) {
  const time = useTimeSettings();
  return (
    <div className="section-message warning procedure-draft" role="note">
      <div>
        <strong>Unsigned draft — not in force</strong>
        <p>
          Version {draft.version} by {draft.author.displayName}, <time dateTime={draft.createdAt}>{formatInstant(draft.createdAt, time)}</time>, waits for sign-off
          {draft.changeSummary ? <>: “{draft.changeSummary}”</> : null}.
        </p>
        <details>
          <summary>Show the unsigned draft</summary>
          <div className="procedure-scroll draft" tabIndex={0} role="document" aria-label={`Unsigned draft, version ${String(draft.version)}`}>
            <ProcedureText blocks={draft.blocks} base={4} />
          </div>
        </details>
      </div>
    </div>
  );
}
