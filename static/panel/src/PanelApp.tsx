import { useState } from 'react';
import type { PanelView } from '../../../src/api/views';
import { call, CallError } from '../../shared/client';
import { EmptyState, ErrorMessage, Loading, StageLozenge } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { useRemote } from '../../shared/use-remote';

async function loadPanel(): Promise<PanelView> {
  const context = await getModuleContext();
  const issueKey = context.extension.issue?.key;
  if (issueKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open this panel from an incident issue.' });
  return call('getPanel', { issueKey });
}

export function PanelApp() {
  const [remote, reload, replace] = useRemote(loadPanel);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<CallError | null>(null);

  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned review" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const { issue, review, canEdit } = remote.data;

  const start = () => {
    setStarting(true);
    setStartError(null);
    call('startReview', { issueKey: issue.key }).then(replace, (error: unknown) => {
      setStartError(error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }));
    }).finally(() => { setStarting(false); });
  };

  return (
    <main aria-label={`Lessons learned for ${issue.key}`}>
      {startError ? <ErrorMessage error={startError} onRetry={start} /> : null}
      {review === null ? (
        <EmptyState title="No post-incident review yet">
          <p>
            Capture what happened to <strong>{issue.key}</strong>, find the root causes and agree what to change, so it does not happen again.
          </p>
          {canEdit ? (
            <button type="button" className="button primary" onClick={start} disabled={starting}>
              {starting ? 'Starting…' : 'Start review'}
            </button>
          ) : (
            <p className="subtle">You can view this incident but not edit it, so you cannot start its review.</p>
          )}
        </EmptyState>
      ) : (
        <section aria-label="Review status">
          <h2>
            Post-incident review <StageLozenge stage={review.workflow.stage} />
          </h2>
          <dl className="facts">
            <dt>Incident</dt>
            <dd>{issue.key} · {issue.summary}</dd>
            <dt>Jira status</dt>
            <dd>{issue.status}</dd>
            <dt>Started</dt>
            <dd>{new Date(review.createdAt).toLocaleString()}</dd>
            <dt>Last change</dt>
            <dd>{new Date(review.updatedAt).toLocaleString()}</dd>
          </dl>
        </section>
      )}
    </main>
  );
}
