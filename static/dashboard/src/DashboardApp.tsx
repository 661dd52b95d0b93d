import type { DashboardView } from '../../../src/api/views';
import { call, CallError } from '../../shared/client';
import { EmptyState, ErrorMessage, Loading, StageLozenge } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { useRemote } from '../../shared/use-remote';

async function loadDashboard(): Promise<DashboardView> {
  const context = await getModuleContext();
  const projectKey = context.extension.project?.key;
  if (projectKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open this page from a Jira project.' });
  return call('getDashboard', { projectKey });
}

export function DashboardApp() {
  const [remote, reload] = useRemote(loadDashboard);
  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned dashboard" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const { project, recentReviews } = remote.data;
  return (
    <main aria-label={`Lessons learned in ${project.name}`}>
      <h1>Lessons learned · {project.name}</h1>
      <h2>Recently updated reviews</h2>
      {recentReviews.length === 0 ? (
        <EmptyState title="No reviews yet">
          <p>Open a resolved incident and start its post-incident review from the Lessons learned panel.</p>
        </EmptyState>
      ) : (
        <table className="data">
          <thead>
            <tr><th scope="col">Incident</th><th scope="col">Stage</th><th scope="col">Updated</th></tr>
          </thead>
          <tbody>
            {recentReviews.map((review) => (
              <tr key={review.issueKey}>
                <td>{review.issueKey}</td>
                <td><StageLozenge stage={review.stage} /></td>
                <td>{new Date(review.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
