import type { GlobalSummary } from '../../../src/api/jira-native';
import { Person } from '../../shared/dashboard/Avatar';
import { useDays } from '../../shared/dashboard/dates';
import { EmptyState } from '../../shared/components';
import { IssueLink } from '../../shared/IssueLink';
import { useUserNames } from '../../shared/user-directory';

/** The most overdue actions of every project, most overdue first; each project page lists all of its own. */
export function OverdueAcrossProjects({ summary }: { summary: GlobalSummary }) {
  const names = useUserNames(summary.overdueActions.map((action) => action.ownerAccountId));
  const { day } = useDays();
  return (
    <section className="card" aria-labelledby="overdue-heading">
      <div className="card-header">
        <h2 id="overdue-heading">Overdue actions</h2>
      </div>
      {summary.overdueActions.length === 0 ? (
        <EmptyState title="No overdue actions">Every open action in these projects is within its target date.</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label="Overdue actions in all projects">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Target date</th>
                <th scope="col" className="numeric">Days overdue</th>
                <th scope="col">Incident</th>
              </tr>
            </thead>
            <tbody>
              {summary.overdueActions.map((action) => (
                <tr key={action.actionId}>
                  <td>{action.projectKey}</td>
                  <td>
                    {action.jiraIssueKey ? <IssueLink issueKey={action.jiraIssueKey} /> : <span className="lozenge">Draft</span>} <span className="action-summary">{action.summary}</span>
                  </td>
                  <td><Person name={names(action.ownerAccountId)} /></td>
                  <td className="nowrap">{day(action.targetDate)}</td>
                  <td className="numeric"><strong className="overdue-days">{action.daysOverdue}</strong></td>
                  <td><IssueLink issueKey={action.incidentKey} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.overdueMoreIn.length === 0 ? null : (
        <p className="subtlest">More overdue actions in {summary.overdueMoreIn.join(', ')}: see each project's Lessons learned page.</p>
      )}
    </section>
  );
}
