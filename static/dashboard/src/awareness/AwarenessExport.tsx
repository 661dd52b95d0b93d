import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AwarenessExportView } from '../../../../src/api/communication';
import { call, CallError } from '../../../shared/client';
import { ErrorMessage } from '../../../shared/components';
import './awareness.css';

/** The most incidents one export takes (the resolver refuses more). */
export const AWARENESS_MAX = 20;

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; result: AwarenessExportView } | { kind: 'error'; error: CallError };

const KIND_LABEL: Record<keyof AwarenessExportView['replaced'], string> = { person: 'people', email: 'e-mail addresses', host: 'host names', ip: 'IP addresses', mac: 'MAC addresses', issue: 'issue keys' };

/** A file the browser saves, built from text the page already has (Blob + a download link). */
function useBlobUrl(text: string | undefined, type: string): string | undefined {
  const url = useMemo(() => (text === undefined ? undefined : URL.createObjectURL(new Blob([text], { type }))), [text, type]);
  useEffect(() => () => { if (url !== undefined) URL.revokeObjectURL(url); }, [url]);
  return url;
}

/** A standalone HTML document around the export's escaped fragment (never shown in this page). */
const htmlDocument = (fragment: string): string =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Lessons learned: awareness summaries</title>\n</head>\n<body>\n${fragment}\n</body>\n</html>\n`;

/**
 * R16: the anonymised awareness-training export of the incidents ticked in the lessons library.
 * Shows the Markdown read-only, with Copy and downloads of the Markdown and the HTML.
 */
export function AwarenessExport({ projectKey, chosen, today, onClear }: { projectKey: string; chosen: readonly string[]; today: string; onClear: () => void }) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const result = state.kind === 'ready' ? state.result : undefined;
  const markdownUrl = useBlobUrl(result?.markdown, 'text/markdown;charset=utf-8');
  const htmlUrl = useBlobUrl(result === undefined ? undefined : htmlDocument(result.html), 'text/html;charset=utf-8');
  const fileName = `lessons-learned-${projectKey}-awareness-${today}`;

  const run = () => {
    if (chosen.length === 0 || chosen.length > AWARENESS_MAX) return;
    setState({ kind: 'loading' });
    setCopied('idle');
    call('exportAwarenessSummaries', { projectKey, issueKeys: [...chosen] }).then(
      (data) => { setState({ kind: 'ready', result: data }); },
      (error: unknown) => { setState({ kind: 'error', error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) }); },
    );
  };

  const copy = async () => {
    if (result === undefined) return;
    try {
      await navigator.clipboard.writeText(result.markdown);
      setCopied('copied');
    } catch {
      // Clipboard access can be refused in an iframe: select the text so the user can copy it.
      textarea.current?.focus();
      textarea.current?.select();
      setCopied('failed');
    }
  };

  const replaced = result ? Object.entries(result.replaced).filter(([, count]) => count > 0) : [];
  return (
    <div className="awareness" aria-labelledby={`${id}-heading`} role="region">
      <div className="awareness-bar">
        <h3 id={`${id}-heading`}>Awareness training</h3>
        <span className="subtlest" aria-live="polite">
          {chosen.length === 0 ? 'Tick incidents below to export them anonymised.' : `${String(chosen.length)} of at most ${String(AWARENESS_MAX)} incidents ticked.`}
        </span>
        <button type="button" className="button primary" onClick={run} disabled={chosen.length === 0 || state.kind === 'loading'}>
          {state.kind === 'loading' ? 'Exporting…' : 'Export for awareness training'}
        </button>
        {chosen.length > 0 ? (
          <button type="button" className="button subtle-button" onClick={() => { onClear(); setState({ kind: 'idle' }); }}>
            Clear selection
          </button>
        ) : null}
      </div>
      {state.kind === 'error' ? <ErrorMessage error={state.error} onRetry={run} /> : null}
      {result ? (
        <div className="awareness-result">
          <p role="status">
            {result.included === 0 ? 'No incident could be included.' : `${String(result.included)} ${result.included === 1 ? 'incident' : 'incidents'} included, anonymised`}
            {replaced.length > 0 ? ` (replaced: ${replaced.map(([kind, count]) => `${String(count)} ${KIND_LABEL[kind as keyof typeof KIND_LABEL]}`).join(', ')})` : ''}.
          </p>
          {result.skipped.length > 0 ? (
            <div className="section-message warning" role="note">
              <div>
                <strong>Left out</strong>
                <ul>
                  {result.skipped.map((skip) => (
                    <li key={skip.issueKey}>
                      {skip.issueKey}: {skip.reason}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          <label className="field">
            <span className="field-label">Markdown for the training material (check it before use)</span>
            <textarea ref={textarea} className="awareness-markdown" readOnly rows={14} value={result.markdown} />
          </label>
          <div className="awareness-actions">
            <button type="button" className="button" onClick={() => { void copy(); }}>
              Copy Markdown
            </button>
            {markdownUrl ? (
              <a className="button" href={markdownUrl} download={`${fileName}.md`}>
                Download .md
              </a>
            ) : null}
            {htmlUrl ? (
              <a className="button" href={htmlUrl} download={`${fileName}.html`}>
                Download .html
              </a>
            ) : null}
            <span className="subtlest" aria-live="polite">
              {copied === 'copied' ? 'Copied.' : copied === 'failed' ? 'Could not copy: the text is selected, press Ctrl+C (⌘C) to copy it.' : ''}
            </span>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The tick box of one library result; disabled once the maximum is ticked. */
export function AwarenessPick({ issueKey, chosen, onToggle }: { issueKey: string; chosen: readonly string[]; onToggle: (issueKey: string, on: boolean) => void }) {
  const checked = chosen.includes(issueKey);
  return (
    <input
      type="checkbox"
      className="awareness-pick"
      aria-label={`Include ${issueKey} in the awareness export`}
      checked={checked}
      disabled={!checked && chosen.length >= AWARENESS_MAX}
      onChange={(event) => { onToggle(issueKey, event.target.checked); }}
    />
  );
}
