import { useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import type { CreationReport } from '../../../../src/domain/actions/creation';
import { call } from '../../../shared/client';
import { formatInstant } from '../../../shared/dates';
import { useUserNames } from '../../../shared/user-directory';
import { useTimeSettings } from '../../../shared/environment';
import { ChangeError } from './ChangeError';
import { plural } from './labels';
import { useChange } from './useChange';

const complete = (report: Pick<CreationReport, 'failed' | 'unconfirmed'>): boolean => report.failed.length === 0 && report.unconfirmed.length === 0;

/** Jira's refusals name people by account id ("User '712020:…' cannot be assigned issues"): show the owner's name instead. */
const withNames = (message: string, accountIds: readonly string[], nameOf: (accountId: string) => string): string =>
  [...new Set(accountIds)].reduce((text, accountId) => text.replaceAll(accountId, nameOf(accountId)), message);

/** R10: the draft actions become linked Jira issues, once the decisions are approved; the server's report says what happened. */
export function CreateIssuesCard({ view }: { view: DecisionsView }) {
  const time = useTimeSettings();
  const change = useChange();
  const [report, setReport] = useState<CreationReport | null>(null);
  const last = view.lastCreation;
  const owners = view.rootCauses.flatMap((entry) => entry.actions.map((action) => action.ownerAccountId));
  const nameOf = useUserNames(last ? [last.by, ...owners] : owners);
  const { actionTarget, draftCount } = view;
  const total = view.rootCauses.reduce((sum, entry) => sum + entry.actions.length, 0);
  if (total === 0 && last === null) return null;

  const create = () => {
    void change.run(async () => {
      const result = await call('createActionIssues', { issueKey: view.incident.issueKey });
      setReport(result.report);
      return result.view;
    });
  };
  const shown = report ?? last;
  const retry = shown !== null && !complete(shown) && draftCount > 0;

  return (
    <section className="card create-issues" aria-labelledby="create-issues-heading">
      <header className="card-header">
        <h3 id="create-issues-heading">Actions in Jira</h3>
        <span className="lozenge">{draftCount === 0 ? 'All in Jira' : `${plural(draftCount, 'draft')} not in Jira yet`}</span>
      </header>
      <p className="subtle">
        Issues are created in project <strong>{actionTarget.projectKey}</strong> as “{actionTarget.issueTypeName}”, linked to {view.incident.issueKey} (“{actionTarget.linkTypeName}”), assigned to
        each action’s owner with its target date as the due date. You create them as yourself.
      </p>
      {shown ? (
        <div className={`section-message ${complete(shown) ? 'info' : 'warning'}`} role="status" aria-live="polite">
          <div>
            <strong>{complete(shown) ? (report ? 'Issues created' : 'Last “Create issues”') : 'Not finished'}</strong>
            <p>{withNames(shown.message, owners, nameOf)}</p>
            {last && !report ? (
              <p className="subtlest">
                By {nameOf(last.by)}, <time dateTime={last.at}>{formatInstant(last.at, time)}</time>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <ChangeError error={change.error} />
      {view.canCreateIssues && draftCount > 0 ? (
        <div className="save-bar">
          <button type="button" className="button primary" disabled={change.busy} onClick={create}>
            {change.busy ? 'Creating issues…' : retry ? 'Retry creating issues' : `Create ${plural(draftCount, 'issue')}`}
          </button>
          <span className="subtlest">Nothing is created twice, even when you retry.</span>
        </div>
      ) : draftCount > 0 && view.canEdit && !view.canCreateIssues ? (
        <p className="subtlest">The Jira issues can be created once management has approved the decisions.</p>
      ) : null}
    </section>
  );
}
