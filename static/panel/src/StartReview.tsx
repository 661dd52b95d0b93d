import { useState } from 'react';
import type { IssueSummary } from '../../../src/api/views';
import { call, type CallError } from '../../shared/client';
import { EmptyState, ErrorMessage } from '../../shared/components';
import { asCallError } from './session/errors';
import type { PanelView } from '../../../src/api/views';

interface StartReviewProps {
  issue: IssueSummary;
  canEdit: boolean;
  isIncident: boolean;
  onStarted: (view: PanelView) => void;
}

/** No review yet: explain what it is for; opening the panel creates nothing until someone starts. */
export function StartReview({ issue, canEdit, isIncident, onStarted }: StartReviewProps) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const start = () => {
    setStarting(true);
    setError(null);
    call('startReview', { issueKey: issue.key }).then(onStarted, (failure: unknown) => {
      setError(asCallError(failure));
      setStarting(false);
    });
  };
  return (
    <main aria-label={`Lessons learned for ${issue.key}`}>
      {error ? <ErrorMessage error={error} onRetry={start} /> : null}
      <EmptyState title="No post-incident review yet">
        <p>
          A post-incident review records what happened in <strong>{issue.key}</strong>, finds the root causes and captures the lessons, so that similar incidents become less
          likely or less harmful (ISO/IEC 27001 A 5.27).
        </p>
        <ul className="start-steps">
          <li>Facts, timeline and the people involved</li>
          <li>Root-cause analysis with 5 Whys and a fishbone diagram</li>
          <li>Lessons learned, then review and management approval</li>
        </ul>
        {!isIncident ? (
          <p className="subtle">
            {issue.key} is a {issue.issueType}, which is not an incident type in this project, so it has no review. A project admin can add the type under Project settings → Lessons learned.
          </p>
        ) : canEdit ? (
          <>
            <p className="subtlest">Jira’s summary, priority, components, labels and dates are filled in for you.</p>
            <button type="button" className="button primary" onClick={start} disabled={starting}>
              {starting ? 'Starting…' : 'Start review'}
            </button>
          </>
        ) : (
          <p className="subtle">Only people who can edit {issue.key} can start its review. Ask the incident’s assignee or the ISMS team to start it.</p>
        )}
      </EmptyState>
    </main>
  );
}
