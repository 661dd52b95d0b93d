import { useState } from 'react';
import type { ActionView, DecisionsView } from '../../../../src/api/decisions';
import { ACTION_KIND_LABELS, type ActionKind } from '../../../../src/domain/actions/action';
import { call } from '../../../shared/client';
import { formatCalendarDate, formatInstant } from '../../../shared/dates';
import { IssueLink } from '../../../shared/IssueLink';
import { useUserNames } from '../../../shared/user-directory';
import { useCurrentAccountId, useTimeSettings } from '../../../shared/environment';
import { ActionForm } from './ActionForm';
import { ChangeError } from './ChangeError';
import { ACTION_STATUS, plural } from './labels';
import { useChange } from './useChange';
import { VerifyForm } from './VerifyForm';

const isWebLink = (href: string): boolean => /^https?:\/\//i.test(href);

/** One action: live status from Jira, owner, target date and overdue days, verification and effectiveness. */
export function ActionItem({ action, view, defaultKind }: { action: ActionView; view: DecisionsView; defaultKind: ActionKind | null }) {
  const time = useTimeSettings();
  const me = useCurrentAccountId();
  const nameOf = useUserNames([action.ownerAccountId, ...(action.verification ? [action.verification.by] : [])]);
  const [mode, setMode] = useState<'show' | 'edit' | 'verify'>('show');
  const remove = useChange();
  const status = ACTION_STATUS[action.status];
  const draft = action.status === 'draft';

  if (mode === 'edit') {
    return (
      <li className="record">
        <ActionForm view={view} rootCauseId={action.rootCauseId} defaultKind={defaultKind} action={action} onDone={() => { setMode('show'); }} />
      </li>
    );
  }

  return (
    <li className={`record action-record${action.daysOverdue > 0 ? ' is-overdue' : ''}`} aria-label={`Action: ${action.summary}`}>
      <div className="record-head">
        <strong className="record-title">{action.summary}</strong>
        <span className={`lozenge ${status.tone}`}>
          <span className="visually-hidden">Status: </span>
          {status.label}
        </span>
        <span className="lozenge discovery">{ACTION_KIND_LABELS[action.kind]}</span>
      </div>
      {action.description ? <p className="prewrap record-text">{action.description}</p> : null}
      <dl className="record-facts">
        <div>
          <dt>Jira issue</dt>
          <dd>{action.jira ? <IssueLink issueKey={action.jira.issueKey} summary={action.summary} /> : <span className="subtle">Not created yet</span>}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{nameOf(action.ownerAccountId)}</dd>
        </div>
        <div>
          <dt>Target date</dt>
          <dd>
            <time dateTime={action.targetDate}>{formatCalendarDate(action.targetDate, time)}</time>
            {action.daysOverdue > 0 ? (
              <span className="overdue">
                {' '}
                <span aria-hidden="true">⚠ </span>
                <strong>Overdue by {plural(action.daysOverdue, 'day')}</strong>
              </span>
            ) : null}
          </dd>
        </div>
        {action.resolvedAt && action.status === 'done' ? (
          <div>
            <dt>Completed</dt>
            <dd>
              <time dateTime={action.resolvedAt}>{formatInstant(action.resolvedAt, time)}</time>
            </dd>
          </div>
        ) : null}
        {action.status === 'done' || action.verification ? (
          <div>
            <dt>Verification</dt>
            <dd>
              {action.verification ? (
                <>
                  <span className="verified">
                    <span aria-hidden="true">✓ </span>Verified by {nameOf(action.verification.by)},{' '}
                    <time dateTime={action.verification.at}>{formatInstant(action.verification.at, time)}</time>
                  </span>
                  <span className="quote block">{action.verification.evidence}</span>
                  {action.verification.evidenceLink && isWebLink(action.verification.evidenceLink) ? (
                    <a href={action.verification.evidenceLink} target="_blank" rel="noopener noreferrer" className="evidence-link">
                      Evidence link<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  ) : null}
                </>
              ) : action.canVerify ? (
                <span>Not verified yet.</span>
              ) : action.ownerAccountId === me ? (
                <span>Not verified yet — someone other than you, the owner, verifies it.</span>
              ) : (
                <span>Not verified yet — verified by someone other than the owner.</span>
              )}
            </dd>
          </div>
        ) : null}
        {action.effectiveness ? (
          <div>
            <dt>Effectiveness</dt>
            <dd>
              {action.effectiveness.verdict === 'effective' ? (
                <>
                  <span className="lozenge success">Effective</span> No recurrence of this root-cause category within {plural(action.effectiveness.windowDays, 'day')} of completion.
                </>
              ) : (
                <>
                  <span className="lozenge danger">Not effective</span> The same root-cause category recurred
                  {action.effectiveness.recurrence ? (
                    <>
                      {' '}
                      in <IssueLink issueKey={action.effectiveness.recurrence.issueKey} />
                    </>
                  ) : null}
                  .
                </>
              )}
            </dd>
          </div>
        ) : action.status === 'done' ? (
          <div>
            <dt>Effectiveness</dt>
            <dd className="subtle">Judged once the effectiveness window after completion has passed.</dd>
          </div>
        ) : null}
      </dl>
      {mode === 'verify' ? <VerifyForm view={view} action={action} onDone={() => { setMode('show'); }} /> : null}
      {view.canEdit && mode === 'show' && (draft || action.canVerify) ? (
        <div className="block-actions">
          {action.canVerify ? (
            <button type="button" className="button primary" onClick={() => { setMode('verify'); }} aria-label={`Verify action ${action.summary}`}>
              Verify
            </button>
          ) : null}
          {draft ? (
            <>
              <button type="button" className="button subtle-button" onClick={() => { setMode('edit'); }} aria-label={`Edit action ${action.summary}`}>
                Edit
              </button>
              <button
                type="button"
                className="button subtle-button"
                disabled={remove.busy}
                aria-label={`Remove action ${action.summary}`}
                onClick={() => void remove.run(() => call('removeAction', { issueKey: view.incident.issueKey, actionId: action.id, baseVersion: action.version }))}
              >
                {remove.busy ? 'Removing…' : 'Remove'}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      <ChangeError error={remove.error} />
    </li>
  );
}
