import { useCallback, useState } from 'react';
import type { DashboardSummary, RepeatRootCauseDetail } from '../../../src/api/dashboard';
import { call } from '../../shared/client';
import { useRemote } from '../../shared/use-remote';
import { ErrorMessage, Loading, StageLozenge } from '../../shared/components';
import { useDays } from '../../shared/dashboard/dates';
import { IssueLink } from '../../shared/IssueLink';

const EFFECTIVENESS: Record<RepeatRootCauseDetail['actions'][number]['effectiveness'], { label: string; tone: string }> = {
  effective: { label: 'Effective', tone: 'success' },
  'not-effective': { label: 'Not effective', tone: 'removed' },
  pending: { label: 'Done, effectiveness pending', tone: 'information' },
  open: { label: 'Open', tone: '' },
};

/** R18 repeat root causes: categories in two or more incidents of the last 12 months, with their incidents and actions on demand. */
export function RepeatRootCauses({ summary }: { summary: DashboardSummary }) {
  const [openCategory, setOpenCategory] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="repeats-heading">
      <h2 id="repeats-heading">Repeat root causes</h2>
      <p className="subtlest">Root-cause categories found in two or more incidents in the last 12 months. Open one to see its incidents and whether the actions meant to prevent it worked.</p>
      {summary.repeats.length === 0 ? (
        <p className="inline-empty">No root-cause category recurred in the last 12 months.</p>
      ) : (
        <ul className="repeat-list">
          {summary.repeats.map((repeat) => {
            const open = openCategory === repeat.category;
            return (
              <li key={repeat.category}>
                <button type="button" className="repeat-toggle" aria-expanded={open} onClick={() => { setOpenCategory(open ? null : repeat.category); }}>
                  <span aria-hidden="true" className="chevron">{open ? '▾' : '▸'}</span>
                  <strong>{repeat.label}</strong>
                  <span className="lozenge warning">{repeat.incidents} incidents</span>
                  <span className="subtlest">{repeat.rootCauses} root causes</span>
                </button>
                {open ? <RepeatDetail projectKey={summary.projectKey} category={repeat.category} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function RepeatDetail({ projectKey, category }: { projectKey: string; category: string }) {
  const load = useCallback(() => call('getRepeatRootCause', { projectKey, category }), [projectKey, category]);
  const [remote, reload] = useRemote(load);
  const { day, dayOf } = useDays();
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  if (remote.state === 'loading') return <Loading label="Loading the incidents of this category" />;
  const detail = remote.data;
  const { incidents, actions } = detail;
  return (
    <div className="repeat-detail">
      <h3>Incidents since {day(detail.since)}</h3>
      <ul className="plain-list">
        {incidents.map((incident) => (
          <li key={incident.issueKey}>
            <IssueLink issueKey={incident.issueKey} /> {incident.summary} <span className="subtlest">· {dayOf(incident.occurredAt)}</span> <StageLozenge stage={incident.stage} />
            {incident.rootCauses.map((text) => <div key={text} className="quote">{text}</div>)}
          </li>
        ))}
      </ul>
      {detail.incidentsMore ? <p className="subtlest">Showing the 20 most recent.</p> : null}
      <h3>Actions meant to prevent it</h3>
      {actions.length === 0 ? (
        <p className="inline-empty">No action has been planned for root causes in this category.</p>
      ) : (
        <table className="data compact">
          <thead>
            <tr><th scope="col">Action</th><th scope="col">Incident</th><th scope="col">Target date</th><th scope="col">Verified</th><th scope="col">Effectiveness</th></tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.actionId}>
                <td>{action.jiraIssueKey ? <IssueLink issueKey={action.jiraIssueKey} /> : <span className="lozenge">Draft</span>} {action.summary}</td>
                <td><IssueLink issueKey={action.incidentKey} /></td>
                <td>{day(action.targetDate)}</td>
                <td>{action.verified ? 'Yes' : 'No'}</td>
                <td>
                  <span className={`lozenge ${EFFECTIVENESS[action.effectiveness].tone}`}>{EFFECTIVENESS[action.effectiveness].label}</span>
                  {action.recurrenceKey ? <> recurred in <IssueLink issueKey={action.recurrenceKey} /></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
