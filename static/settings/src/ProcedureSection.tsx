import { useState, type SyntheticEvent } from 'react';
import { useDates } from '../../shared/environment';
import type { ProcedureDocumentView, ProcedureVersionView, ProcedureView } from '../../../src/api/settings';
import { PROCEDURE_STATUS_LABEL, type ProcedureVersionStatus } from '../../../src/domain/procedure';
import { call, CallError } from '../../shared/client';
import { describedBy, fieldId, FieldError, Section } from './form';
import { ProcedureText } from '../../shared/ProcedureText';

const TONE: Record<ProcedureVersionStatus, string> = { current: 'success', superseded: '', draft: 'warning', unsigned: '' };

export function StatusLozenge({ status }: { status: ProcedureVersionStatus }) {
  return <span className={`lozenge ${TONE[status]}`}>{PROCEDURE_STATUS_LABEL[status]}</span>;
}

function VersionMeta({ doc }: { doc: ProcedureVersionView }) {
  const { instant } = useDates();
  return (
    <p className="subtle version-meta">
      Version {doc.version} · written by {doc.author.displayName} on {instant(doc.createdAt)} · “{doc.changeSummary}”
      {doc.signedOffBy && doc.signedOffAt ? (
        <>
          {' '}
          · signed off by <strong>{doc.signedOffBy.displayName}</strong> on {instant(doc.signedOffAt)}
        </>
      ) : null}
    </p>
  );
}

function Document({ doc, title }: { doc: ProcedureDocumentView; title: string }) {
  return (
    <article className={`procedure-document ${doc.status}`} aria-label={`${title}, version ${doc.version}`}>
      <header>
        <h3 className="document-title">
          {title} <StatusLozenge status={doc.status} />
        </h3>
        <VersionMeta doc={doc} />
      </header>
      <ProcedureText blocks={doc.blocks} />
    </article>
  );
}

type Busy = { kind: 'idle' } | { kind: 'saving' } | { kind: 'signing' } | { kind: 'error'; error: CallError } | { kind: 'done'; message: string };

interface ProcedureSectionProps {
  projectKey: string;
  procedure: ProcedureView;
  onChange: (procedure: ProcedureView) => void;
  onReload: () => void;
}

/** R21: the procedure in force, the draft awaiting sign-off, the editor for admins and every version. */
export function ProcedureSection({ projectKey, procedure, onChange, onReload }: ProcedureSectionProps) {
  const { instant } = useDates();
  const startText = procedure.draft?.text ?? procedure.current?.text ?? procedure.defaultText ?? '';
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(startText);
  const [summary, setSummary] = useState(procedure.revision === 0 ? 'First version, based on the app’s default procedure' : '');
  const [busy, setBusy] = useState<Busy>({ kind: 'idle' });
  const fieldError = (field: string) => (busy.kind === 'error' && busy.error.body.field === field ? busy.error.message : undefined);

  const fail = (error: unknown) => { setBusy({ kind: 'error', error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) }); };

  const saveDraft = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy({ kind: 'saving' });
    try {
      const next = await call('saveProcedureDraft', { projectKey, text, changeSummary: summary, baseVersion: procedure.revision });
      onChange(next);
      setEditing(false);
      setSummary('');
      setBusy({ kind: 'done', message: `Saved as draft version ${next.draft?.version ?? ''}. It is in force once signed off.` });
    } catch (error) {
      fail(error);
    }
  };

  const signOff = async (version: number) => {
    setBusy({ kind: 'signing' });
    try {
      const next = await call('signOffProcedure', { projectKey, version });
      onChange(next);
      setText(next.current?.text ?? text);
      setBusy({ kind: 'done', message: `Version ${version} is signed off and now the current procedure.` });
    } catch (error) {
      fail(error);
    }
  };

  const startEditing = () => {
    setText(procedure.draft?.text ?? procedure.current?.text ?? procedure.defaultText ?? '');
    setEditing(true);
    setBusy({ kind: 'idle' });
  };

  return (
    <Section id="procedure" title="Review procedure" description="The documented lessons-learned procedure of this project: versioned, signed off, and shown to auditors (R21).">
      {procedure.current === null ? (
        <div className="section-message warning" role="note">
          <div>
            <strong>No signed-off procedure yet</strong>
            <p>{procedure.draft ? 'A draft is waiting for sign-off by an approver or a project admin.' : 'Start from the app’s default procedure below, adapt it, save it as a draft and have it signed off.'}</p>
          </div>
        </div>
      ) : (
        <Document doc={procedure.current} title="Current procedure" />
      )}

      {procedure.draft ? (
        <div className="draft-block">
          <Document doc={procedure.draft} title="Draft awaiting sign-off" />
          {procedure.canSignOff ? (
            <div className="sign-off">
              <button type="button" className="button primary" disabled={busy.kind === 'signing' || busy.kind === 'saving'} onClick={() => { void signOff(procedure.draft?.version ?? 0); }}>
                {busy.kind === 'signing' ? 'Signing off…' : `Sign off version ${procedure.draft.version}`}
              </button>
              <span className="subtle">Signing off records your name and the time; the draft becomes the procedure in force.</span>
            </div>
          ) : (
            <p className="subtle">Only approvers and project admins can sign off the procedure.</p>
          )}
        </div>
      ) : null}

      <div role="status" aria-live="polite" className="procedure-status">
        {busy.kind === 'done' ? <p className="save-state saved">{busy.message}</p> : null}
      </div>
      {busy.kind === 'error' && busy.error.body.field === undefined ? (
        <div className="section-message error" role="alert">
          <div>
            <strong>{busy.error.body.code === 'CONFLICT' ? 'Someone else changed the procedure' : 'That did not work'}</strong>
            <p>{busy.error.message}</p>
            {busy.error.body.code === 'CONFLICT' ? (
              <button type="button" className="button" onClick={onReload}>
                Reload
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {procedure.canEdit ? (
        editing || procedure.revision === 0 ? (
          <form className="procedure-editor" onSubmit={(event) => { void saveDraft(event); }} aria-label="Edit the procedure" noValidate>
            <h3>{procedure.revision === 0 ? 'Write the first version' : 'Edit as a new draft version'}</h3>
            <div className={`field${fieldError('text') ? ' invalid' : ''}`}>
              <label htmlFor={fieldId('procedure.text')}>Procedure text</label>
              <textarea id={fieldId('procedure.text')} rows={18} value={text} maxLength={20000} onChange={(event) => { setText(event.target.value); }} {...describedBy('procedure.text', fieldError('text'), true)} />
              <p className="field-hint" id={`${fieldId('procedure.text')}-hint`}>
                Plain text. Lines starting with #, ## or ### are headings; - starts a bullet, 1. a numbered step. {text.length.toLocaleString()} / 20,000 characters.
              </p>
              <FieldError path="procedure.text" error={fieldError('text')} />
            </div>
            <div className={`field${fieldError('changeSummary') ? ' invalid' : ''}`}>
              <label htmlFor={fieldId('procedure.changeSummary')}>Change summary</label>
              <input id={fieldId('procedure.changeSummary')} type="text" maxLength={500} value={summary} onChange={(event) => { setSummary(event.target.value); }} {...describedBy('procedure.changeSummary', fieldError('changeSummary'), false)} />
              <FieldError path="procedure.changeSummary" error={fieldError('changeSummary')} />
            </div>
            <div className="save-bar">
              <button type="submit" className="button primary" disabled={busy.kind === 'saving'}>
                {busy.kind === 'saving' ? 'Saving…' : 'Save as draft'}
              </button>
              {procedure.revision === 0 ? null : (
                <button type="button" className="button subtle-button" onClick={() => { setEditing(false); setBusy({ kind: 'idle' }); }}>
                  Cancel
                </button>
              )}
            </div>
          </form>
        ) : (
          <button type="button" className="button" onClick={startEditing}>
            {procedure.draft ? 'Edit the draft as a new version' : 'Edit the procedure'}
          </button>
        )
      ) : null}

      {procedure.versions.length > 0 ? (
        <>
          <h3 className="versions-title">Version history</h3>
          <table className="data versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Written by</th>
                <th scope="col">Change summary</th>
                <th scope="col">Signed off</th>
              </tr>
            </thead>
            <tbody>
              {procedure.versions.map((version) => (
                <tr key={version.version}>
                  <td>{version.version}</td>
                  <td>
                    <StatusLozenge status={version.status} />
                  </td>
                  <td>
                    {version.author.displayName}
                    <span className="subtlest block">{instant(version.createdAt)}</span>
                  </td>
                  <td>{version.changeSummary}</td>
                  <td>
                    {version.signedOffBy && version.signedOffAt ? (
                      <>
                        {version.signedOffBy.displayName}
                        <span className="subtlest block">{instant(version.signedOffAt)}</span>
                      </>
                    ) : (
                      <span className="subtle">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Section>
  );
}
