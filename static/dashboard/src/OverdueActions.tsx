import { useState } from 'react';
import type { DashboardSummary, OverdueActionsPage, OverdueActionView } from '../../../src/api/dashboard';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, TableScroll } from '../../shared/components';
import { useUserNames } from '../../shared/user-directory';
import { Person } from '../../shared/dashboard/Avatar';
import { csvName, downloadCsv } from '../../shared/dashboard/csv-download';
import { useDays } from '../../shared/dashboard/dates';
import { IssueLink } from '../../shared/IssueLink';

export interface OverdueQuery {
  scope: 'overdue' | 'due-soon';
  ownerAccountId?: string;
  category?: string;
  order: 'oldest-first' | 'newest-first';
}

const STATUS_LABEL: Record<OverdueActionView['status'], string> = { draft: 'Draft (no Jira issue yet)', todo: 'To do', 'in-progress': 'In progress', done: 'Done', deleted: 'Deleted' };

/**
 * R17: open corrective actions past their target date (or due in the next 14 days), ≤ 20 per
 * page from the server's index, filtered by owner and root-cause category, sorted by target date.
 */
export function OverdueActions({ summary, firstPage }: { summary: DashboardSummary; firstPage: OverdueActionsPage }) {
  const [query, setQuery] = useState<OverdueQuery>({ scope: 'overdue', order: 'oldest-first' });
  const [pages, setPages] = useState<OverdueActionsPage[]>([firstPage]);
  const [state, setState] = useState<{ loading: boolean; error?: CallError }>({ loading: false });
  const names = useUserNames([...summary.owners.map((owner) => owner.accountId), ...pages.flatMap((page) => page.items.map((item) => item.ownerAccountId))]);
  const { day } = useDays();
  const labelOf = (key: string) => summary.categories.find((category) => category.key === key)?.label ?? key;

  const load = async (next: OverdueQuery, cursor?: string) => {
    setState({ loading: true });
    try {
      const page = await call('listOverdueActions', { projectKey: summary.projectKey, ...next, ...(cursor === undefined ? {} : { cursor }) });
      setPages((current) => (cursor === undefined ? [page] : [...current, page]));
      setState({ loading: false });
    } catch (error) {
      setState({ loading: false, error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) });
    }
  };
  const change = (patch: Partial<OverdueQuery>) => {
    const merged = { ...query, ...patch };
    const next: OverdueQuery = {
      scope: merged.scope,
      order: merged.order,
      ...(merged.ownerAccountId === undefined || merged.ownerAccountId === '' ? {} : { ownerAccountId: merged.ownerAccountId }),
      ...(merged.category === undefined || merged.category === '' ? {} : { category: merged.category }),
    };
    setQuery(next);
    void load(next);
  };

  const items = pages.flatMap((page) => page.items);
  const cursor = pages.at(-1)?.cursor;
  const overdue = query.scope === 'overdue';
  const exportCsv = () => {
    downloadCsv(
      csvName(summary.projectKey, overdue ? 'overdue-actions' : 'actions-due-soon', summary.today),
      ['Action', 'Summary', 'Status', 'Owner', 'Target date', overdue ? 'Days overdue' : 'Days until due', 'Incident', 'Root-cause category'],
      items.map((item) => [item.jiraIssueKey ?? '(draft)', item.summary, STATUS_LABEL[item.status], names(item.ownerAccountId), item.targetDate, overdue ? item.daysOverdue : item.daysUntilDue, item.incidentKey, labelOf(item.category)]),
    );
  };

  return (
    <section className="card" aria-labelledby="overdue-heading">
      <div className="card-header">
        <h2 id="overdue-heading">{overdue ? 'Overdue actions' : 'Actions due in the next 14 days'}</h2>
        <button type="button" className="button" onClick={exportCsv} disabled={items.length === 0}>Download CSV</button>
      </div>
      <div className="toolbar" role="group" aria-label="Filter actions">
        <div className="segmented" role="radiogroup" aria-label="Which actions">
          <button type="button" role="radio" aria-checked={overdue} className={overdue ? 'selected' : ''} onClick={() => { change({ scope: 'overdue' }); }}>Overdue ({summary.counts.overdue})</button>
          <button type="button" role="radio" aria-checked={!overdue} className={!overdue ? 'selected' : ''} onClick={() => { change({ scope: 'due-soon' }); }}>Due in 14 days ({summary.counts.dueSoon})</button>
        </div>
        <label className="inline-field">
          <span>Owner</span>
          <select value={query.ownerAccountId ?? ''} onChange={(event) => { change({ ownerAccountId: event.target.value }); }}>
            <option value="">Everyone</option>
            {summary.owners.map((owner) => <option key={owner.accountId} value={owner.accountId}>{names(owner.accountId)} ({owner.openActions} open)</option>)}
          </select>
        </label>
        <label className="inline-field">
          <span>Root-cause category</span>
          <select value={query.category ?? ''} onChange={(event) => { change({ category: event.target.value }); }}>
            <option value="">All categories</option>
            {summary.categories.map((category) => <option key={category.key} value={category.key}>{category.label}{category.retired ? ' (retired)' : ''}</option>)}
          </select>
        </label>
      </div>
      {state.error ? <ErrorMessage error={state.error} onRetry={() => { void load(query); }} /> : null}
      {items.length === 0 && !state.loading ? (
        <p className="inline-empty">{overdue ? 'No open action is past its target date' : 'No open action is due in the next 14 days'}{query.ownerAccountId !== undefined || query.category !== undefined ? ' with these filters.' : '.'}</p>
      ) : (
        <TableScroll labelledBy={'overdue-heading'}>
          <table className="data" aria-busy={state.loading}>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col" aria-sort={query.order === 'oldest-first' ? 'ascending' : 'descending'}>
                  <button type="button" className="sort-button" onClick={() => { change({ order: query.order === 'oldest-first' ? 'newest-first' : 'oldest-first' }); }}>
                    Target date <span aria-hidden="true">{query.order === 'oldest-first' ? '↑' : '↓'}</span>
                    <span className="visually-hidden">, sort {query.order === 'oldest-first' ? 'newest first' : 'oldest first'}</span>
                  </button>
                </th>
                <th scope="col" className="numeric">{overdue ? 'Days overdue' : 'Due in (days)'}</th>
                <th scope="col">Incident</th>
                <th scope="col">Root-cause category</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.actionId}>
                  <td>
                    {item.jiraIssueKey ? <IssueLink issueKey={item.jiraIssueKey} /> : <span className="lozenge">Draft</span>} <span className="action-summary">{item.summary}</span>
                    <div className="subtlest">{STATUS_LABEL[item.status]}</div>
                  </td>
                  <td><Person name={names(item.ownerAccountId)} /></td>
                  <td className="nowrap">{day(item.targetDate)}</td>
                  <td className="numeric">{overdue ? <strong className="overdue-days">{item.daysOverdue}</strong> : item.daysUntilDue}</td>
                  <td><IssueLink issueKey={item.incidentKey} /></td>
                  <td>{labelOf(item.category)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="pager">
        <span className="subtlest">{items.length} shown{cursor === undefined ? '' : ', more available'}</span>
        {cursor === undefined ? null : <button type="button" className="button" disabled={state.loading} onClick={() => { void load(query, cursor); }}>{state.loading ? 'Loading…' : 'Show 20 more'}</button>}
      </div>
    </section>
  );
}
