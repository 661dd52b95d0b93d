import { useCallback, useState } from 'react';
import type { CoverageReview, UnreviewedIncident } from '../../../src/api/dashboard';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading, StageLozenge } from '../../shared/components';
import { useRemote } from '../../shared/use-remote';
import { useUserNames } from '../../shared/user-directory';
import { useDays } from '../../shared/dashboard/dates';
import { IssueLink } from '../../shared/IssueLink';

const SEVERITY_LABEL = (severity: string | null): string => (severity === null ? 'not set' : severity.charAt(0).toUpperCase() + severity.slice(1));

/** R22: which incidents still lack a review, which reviews are stuck, which approvals wait. */
export function CoverageTab({ projectKey }: { projectKey: string }) {
  const load = useCallback(() => call('getReviewCoverage', { projectKey }), [projectKey]);
  const [remote, reload] = useRemote(load);
  const requesters = remote.state === 'ready' ? remote.data.awaitingApproval.flatMap((item) => (item.requestedBy === null ? [] : [item.requestedBy])) : [];
  const names = useUserNames(requesters);
  const { dayOf } = useDays();
  if (remote.state === 'loading') return <Loading label="Loading review coverage" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const coverage = remote.data;
  return (
    <>
      <section className="card" aria-labelledby="approvals-heading">
        <h2 id="approvals-heading">{coverage.isApprover ? 'Approvals waiting for you' : 'Reviews awaiting approval'}</h2>
        {coverage.isApprover ? null : <p className="subtlest">You are not one of this project's approvers; these wait for them.</p>}
        {coverage.awaitingApproval.length === 0 ? (
          <p className="inline-empty">No review is waiting for approval.</p>
        ) : (
          <table className="data">
            <thead><tr><th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Requested by</th><th scope="col">Waiting since</th><th scope="col" className="numeric">Days</th></tr></thead>
            <tbody>
              {coverage.awaitingApproval.map((item) => (
                <tr key={item.issueKey}>
                  <td><IssueLink issueKey={item.issueKey} /> {item.summary}{item.requestedByYou && coverage.isApprover ? <div className="subtlest">You requested this approval, so another approver decides.</div> : null}</td>
                  <td>{SEVERITY_LABEL(item.severity)}{item.significant ? <span className="lozenge warning">significant</span> : null}</td>
                  <td>{item.requestedBy === null ? '—' : names(item.requestedBy)}</td>
                  <td>{dayOf(item.stageSince)}</td>
                  <td className="numeric">{item.daysInStage}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="stuck-heading">
        <h2 id="stuck-heading">Reviews stuck for more than {coverage.targetDays} days</h2>
        <StuckTable rows={coverage.stuck} />
        {coverage.stuckMore ? <p className="subtlest">Showing the first 20 of each stage.</p> : null}
      </section>
      <UnreviewedIncidents projectKey={projectKey} />
    </>
  );
}

function StuckTable({ rows }: { rows: readonly CoverageReview[] }) {
  const { dayOf } = useDays();
  if (rows.length === 0) return <p className="inline-empty">No review has been in draft, in review or awaiting approval for longer than the target.</p>;
  return (
    <table className="data">
      <thead><tr><th scope="col">Incident</th><th scope="col">Stage</th><th scope="col">Severity</th><th scope="col">In this stage since</th><th scope="col" className="numeric">Days</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.issueKey}>
            <td><IssueLink issueKey={row.issueKey} /> {row.summary}</td>
            <td><StageLozenge stage={row.stage} /></td>
            <td>{SEVERITY_LABEL(row.severity)}{row.significant ? <span className="lozenge warning">significant</span> : null}</td>
            <td>{dayOf(row.stageSince)}</td>
            <td className="numeric">{row.daysInStage}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One Jira search page per click, as the user: resolved incidents that have no review. */
function UnreviewedIncidents({ projectKey }: { projectKey: string }) {
  const { dayOf } = useDays();
  const [found, setFound] = useState<{ items: UnreviewedIncident[]; checked: number; token?: string; done: boolean } | null>(null);
  const [state, setState] = useState<{ loading: boolean; error?: CallError }>({ loading: false });
  const search = async () => {
    setState({ loading: true });
    try {
      const page = await call('findUnreviewedIncidents', { projectKey, ...(found?.token === undefined ? {} : { pageToken: found.token }) });
      setFound({ items: [...(found?.items ?? []), ...page.items], checked: (found?.checked ?? 0) + page.checked, ...(page.nextPageToken === undefined ? {} : { token: page.nextPageToken }), done: page.nextPageToken === undefined });
      setState({ loading: false });
    } catch (error) {
      setState({ loading: false, error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) });
    }
  };
  return (
    <section className="card" aria-labelledby="unreviewed-heading">
      <div className="card-header">
        <h2 id="unreviewed-heading">Resolved incidents without a review</h2>
        {found?.done === true ? null : (
          <button type="button" className="button" disabled={state.loading} onClick={() => { void search(); }}>
            {state.loading ? 'Searching…' : found === null ? 'Find them' : 'Check 50 more'}
          </button>
        )}
      </div>
      <p className="subtlest">Searches Jira (as you) for resolved incidents, 50 at a time, newest first; a review is mandatory for significant ones.</p>
      {state.error ? <ErrorMessage error={state.error} /> : null}
      {found === null ? null : found.items.length === 0 ? (
        <p className="inline-empty">All {found.checked} resolved incidents checked have a review.</p>
      ) : (
        <>
          <p className="subtlest">{found.items.length} of {found.checked} resolved incidents checked have no review.</p>
          <table className="data">
            <thead><tr><th scope="col">Incident</th><th scope="col">Priority</th><th scope="col">Severity</th><th scope="col">Resolved</th></tr></thead>
            <tbody>
              {found.items.map((item) => (
                <tr key={item.issueKey}>
                  <td><IssueLink issueKey={item.issueKey} /> {item.summary}</td>
                  <td>{item.priority ?? '—'}</td>
                  <td>{SEVERITY_LABEL(item.severity)}{item.significant ? <span className="lozenge removed">review required</span> : null}</td>
                  <td>{item.resolved === null ? '—' : dayOf(item.resolved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
