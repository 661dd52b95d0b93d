import { useEffect, useRef } from 'react';
import { ErrorMessage, Loading } from '../../../shared/components';
import { useSession } from '../session/SessionContext';
import type { TabId } from '../tabs';
import { AffectedPolicies } from './AffectedPolicies';
import { ApprovalCard } from './ApprovalCard';
import { CreateIssuesCard } from './CreateIssuesCard';
import { RootCauseCard } from './RootCauseCard';
import { useDecisions } from './store';
import './decisions.css';

/**
 * R7–R11, R20: a decision per root cause, management approval, the risks and actions that follow
 * from the decisions, their live status from Jira, verification and effectiveness.
 */
export default function DecisionsTab({ onOpenTab }: { onOpenTab: (tab: TabId) => void }) {
  const session = useSession();
  const { view, state, error, load } = useDecisions();
  const version = session.review.version;

  // One getDecisions each time the tab opens (action statuses change in Jira meanwhile)...
  useEffect(() => { load(); }, [load]);
  // ...and again when the review changed under it (a saved decision, a workflow move).
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    if (view === null || version > view.reviewVersion) load();
  }, [load, version, view]);

  return (
    <section className="review-section decisions-tab" aria-labelledby="decisions-heading" aria-busy={state === 'loading'}>
      <h2 id="decisions-heading">Decisions &amp; actions</h2>
      <p className="section-description subtle">
        Decide for every root cause what to do about it: no further action, a corrective action, a continual improvement, or manage it as a risk. Management approves the
        decisions; the actions become linked Jira issues, tracked to verified completion.
      </p>
      {view === null && state !== 'error' ? <Loading label="Loading decisions and actions" /> : null}
      {error ? <ErrorMessage error={error} onRetry={load} /> : null}
      {view !== null ? (
        <>
          {state === 'loading' ? (
            <p className="subtlest refreshing" role="status">
              Updating…
            </p>
          ) : null}
          <ApprovalCard view={view} onOpenTab={onOpenTab} />
          {view.rootCauses.length === 0 ? (
            <div className="inline-empty">
              <strong>No root causes yet.</strong> Decisions are taken per root cause.{' '}
              <button type="button" className="link-button" onClick={() => { onOpenTab('rootCauses'); }}>
                Identify the root causes first
              </button>
            </div>
          ) : (
            <ol className="decision-list" aria-label="Root causes and their decisions">
              {view.rootCauses.map((entry, index) => (
                <RootCauseCard key={entry.rootCause.id} entry={entry} index={index} view={view} />
              ))}
            </ol>
          )}
          <CreateIssuesCard view={view} />
          <AffectedPolicies />
        </>
      ) : null}
    </section>
  );
}
