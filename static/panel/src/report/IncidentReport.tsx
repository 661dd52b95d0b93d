import { useCallback, useId, useRef, useState } from 'react';
import type { AttachReportResult, IncidentReportView } from '../../../../src/api/report';
import type { PaperSize, ReportAttachment } from '../../../../src/domain/report';
import { call, type CallError } from '../../../shared/client';
import { ErrorMessage, Loading } from '../../../shared/components';
import { formatInstant } from '../../../shared/dates';
import { useRemote } from '../../../shared/use-remote';
import { asCallError } from '../session/errors';
import { useTimeSettings } from '../../../shared/environment';

type Outcome = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'attached'; result: AttachReportResult } | { kind: 'note'; text: string } | { kind: 'error'; error: CallError };

/**
 * R13: the lessons-learned report of this incident — preview, paper size, Print, Download HTML and
 * Attach to the issue. The preview is the report document itself in a frame without scripts
 * (sandbox: same origin so Print can reach it, modals so the print dialog may open). Custom UI
 * frames on Jira allow modals and downloads started by a click, but no pop-ups, so the report is
 * printed from this frame and downloaded as a Blob — never opened in a new window.
 */
export function IncidentReport({ issueKey, onClose }: { issueKey: string; onClose: () => void }) {
  const id = useId();
  const time = useTimeSettings();
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const frame = useRef<HTMLIFrameElement>(null);

  const fetchReport = useCallback(() => call('getIncidentReport', { issueKey, paper }), [issueKey, paper]);
  const [loaded, reload, replace] = useRemote(fetchReport);
  const view = loaded.state === 'ready' ? loaded.data : undefined;

  /** Records the export; says so if the record changed since the preview (the file then differs from the preview). */
  const recordExport = (purpose: 'download' | 'print', shown: IncidentReportView) => {
    call('exportIncidentReport', { issueKey, paper, purpose }).then(
      (exported) => {
        setOutcome(exported.sha256 === shown.sha256 ? { kind: 'note', text: `${purpose === 'print' ? 'Printed' : 'Downloaded'} and recorded in the history (SHA-256 ${exported.sha256.slice(0, 16)}…).` } : { kind: 'note', text: 'The record changed since this preview; reload the report before sharing the file.' });
      },
      (failure: unknown) => { setOutcome({ kind: 'error', error: asCallError(failure) }); },
    );
  };

  const print = () => {
    if (view === undefined) return;
    // Synchronously inside the click: browsers open the print dialog only for a user gesture.
    frame.current?.contentWindow?.print();
    recordExport('print', view);
  };

  const download = () => {
    if (view === undefined) return;
    const url = URL.createObjectURL(new Blob([view.html], { type: 'text/html;charset=utf-8' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = view.fileName;
    anchor.click();
    setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
    recordExport('download', view);
  };

  const attach = () => {
    setOutcome({ kind: 'busy', what: 'Attaching the report to the issue…' });
    call('attachIncidentReport', { issueKey, paper }).then(
      (result) => {
        setOutcome({ kind: 'attached', result });
        if (view !== undefined && result.attachment.sha256 === view.sha256) replace({ ...view, attachments: result.attachments, attached: result.attachment });
      },
      (failure: unknown) => { setOutcome({ kind: 'error', error: asCallError(failure) }); },
    );
  };

  const attachedLine = (copy: ReportAttachment) => (
    <>
      <time dateTime={copy.attachedAt}>{formatInstant(copy.attachedAt, time)}</time> · {copy.paper} · SHA-256 <code className="hash">{copy.sha256}</code>
    </>
  );

  return (
    <section className="incident-report" aria-labelledby={`${id}-heading`}>
      <div className="report-bar">
        <h2 id={`${id}-heading`}>Lessons-learned report</h2>
        <fieldset className="paper-choice">
          <legend className="visually-hidden">Paper size</legend>
          {(['A4', 'Letter'] as const).map((size) => (
            <label key={size}>
              <input type="radio" name={`${id}-paper`} value={size} checked={paper === size} onChange={() => { setPaper(size); setOutcome({ kind: 'idle' }); }} /> {size}
            </label>
          ))}
        </fieldset>
        <button type="button" className="button" onClick={print} disabled={view === undefined}>
          Print
        </button>
        <button type="button" className="button" onClick={download} disabled={view === undefined}>
          Download HTML
        </button>
        {view?.canAttach ? (
          <button type="button" className="button primary" onClick={attach} disabled={outcome.kind === 'busy'}>
            Attach to issue
          </button>
        ) : null}
        <button type="button" className="link-button" onClick={onClose}>
          Close the report
        </button>
      </div>
      <div role="status" aria-live="polite" className="report-status">
        {outcome.kind === 'busy' ? <Loading label={outcome.what} /> : null}
        {outcome.kind === 'note' ? <p>{outcome.text}</p> : null}
        {outcome.kind === 'attached' ? (
          <p className={outcome.result.alreadyAttached ? 'notice' : 'success-text'}>
            <strong>{outcome.result.alreadyAttached ? 'Already attached — this exact report is on the issue; nothing was added.' : 'Attached to the issue.'}</strong> {attachedLine(outcome.result.attachment)}
          </p>
        ) : null}
      </div>
      {outcome.kind === 'error' ? <ErrorMessage error={outcome.error} /> : null}
      {loaded.state === 'loading' ? <Loading label="Preparing the report" /> : null}
      {loaded.state === 'error' ? <ErrorMessage error={loaded.error} onRetry={reload} /> : null}
      {view !== undefined ? (
        <>
          <p className="subtlest">
            {view.report.gaps.length === 0 ? 'No gaps found.' : `${String(view.report.gaps.length)} gaps flagged in the record.`} {Math.ceil(view.size / 1024)} KB · SHA-256 <code className="hash">{view.sha256}</code>
          </p>
          {view.attachments.filter((copy) => copy.status === 'attached').length > 0 ? (
            <details className="report-copies">
              <summary>Attached to the issue ({view.attachments.filter((copy) => copy.status === 'attached').length})</summary>
              <ul>
                {view.attachments
                  .filter((copy) => copy.status === 'attached')
                  .map((copy) => (
                    <li key={copy.sha256}>
                      {copy.fileName}: {attachedLine(copy)}
                      {copy.sha256 === view.sha256 ? ' (this report)' : null}
                    </li>
                  ))}
              </ul>
            </details>
          ) : null}
          <iframe ref={frame} className="report-preview" title={`Lessons-learned report of ${issueKey}`} srcDoc={view.html} sandbox="allow-same-origin allow-modals" />
        </>
      ) : null}
    </section>
  );
}
