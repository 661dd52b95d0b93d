import { useId, useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import { LIMITS } from '../../../../src/domain/review';
import { call } from '../../../shared/client';
import { formatInstant } from '../../../shared/dates';
import { errorId } from '../../../shared/form/field-id';
import { useUserNames } from '../../../shared/user-directory';
import { useSession } from '../session/SessionContext';
import type { TabId } from '../tabs';
import { useTimeSettings } from '../../../shared/environment';
import { ChangeError } from './ChangeError';
import { APPROVAL_LABEL } from './labels';
import { useChange } from './useChange';

/** R8: where the decisions stand with management, what approval needs, and — for approvers only — the decision. */
export function ApprovalCard({ view, onOpenTab }: { view: DecisionsView; onOpenTab: (tab: TabId) => void }) {
  const time = useTimeSettings();
  const { approval } = view;
  const people = approval.state === 'awaiting' ? [approval.requestedBy] : approval.state === 'not-requested' ? [] : [approval.by];
  const nameOf = useUserNames(people);
  const status = APPROVAL_LABEL[approval.state];
  const missing = view.approvalChecklist.filter((item) => !item.done).length;
  const when = (iso: string) => <time dateTime={iso}>{formatInstant(iso, time)}</time>;

  return (
    <section className="card approval-card" aria-labelledby="approval-heading">
      <header className="card-header">
        <h3 id="approval-heading">Management approval</h3>
        <span className={`lozenge ${status.tone}`}>{status.label}</span>
      </header>
      {approval.state === 'approved' ? (
        <p>
          Approved by <strong>{nameOf(approval.by)}</strong>, {when(approval.at)}.
          {approval.comment ? <span className="quote block">“{approval.comment}”</span> : null}
        </p>
      ) : approval.state === 'awaiting' ? (
        <p>
          Requested by {nameOf(approval.requestedBy)}, {when(approval.requestedAt)}.
        </p>
      ) : approval.state === 'rejected' ? (
        <p>
          Sent back by <strong>{nameOf(approval.by)}</strong>, {when(approval.at)}:
          <span className="quote block">“{approval.comment}”</span>
        </p>
      ) : approval.state === 'reopened' ? (
        <p>
          Reopened by {nameOf(approval.by)}, {when(approval.at)}
          {approval.reason ? <>: “{approval.reason}”</> : null}. The decisions need approval again.
        </p>
      ) : null}

      <ul className="approval-checklist" aria-label="What approval needs">
        {view.approvalChecklist.map((item) => (
          <li key={item.id} className={item.done ? 'done' : 'missing'}>
            <span className="check-icon" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <span className="visually-hidden">{item.done ? 'Done: ' : 'Missing: '}</span>
            {item.label}
          </li>
        ))}
      </ul>
      <p className="subtlest">Who may approve: {view.approverRule}.</p>

      {view.canApprove ? (
        <ApproveForm view={view} blocked={missing > 0} />
      ) : view.stage === 'awaiting_approval' ? (
        <p className="subtle">Waiting for {view.approverRule} to approve the decisions or send them back.</p>
      ) : view.stage === 'draft' || view.stage === 'in_review' ? (
        <p className="subtle">
          {missing === 0 ? 'The decisions are complete: request approval under' : 'When every root cause has a decision, request approval under'}{' '}
          <button type="button" className="link-button" onClick={() => { onOpenTab('workflow'); }}>
            Workflow
          </button>
          .
        </p>
      ) : null}
    </section>
  );
}

/** Approve or reject with a comment; a rejection must say why (it becomes the reason on record). */
function ApproveForm({ view, blocked }: { view: DecisionsView; blocked: boolean }) {
  const id = useId();
  const session = useSession();
  const change = useChange();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const commentPath = `${id}-comment`;

  const decide = (outcome: 'approve' | 'reject') => {
    if (outcome === 'reject' && comment.trim() === '') {
      setCommentError('Say why the decisions go back, so the review team knows what to change.');
      document.getElementById(commentPath)?.focus();
      return;
    }
    setCommentError(null);
    void change
      .run(() => call('decideApproval', { issueKey: view.incident.issueKey, outcome, comment: comment.trim(), baseVersion: view.reviewVersion }))
      .then((decided) => {
        if (!decided) return;
        setComment('');
        // The review moved on: the header, workflow and history take the stored review again.
        void session.refreshReview();
      });
  };

  const error = commentError ?? undefined;
  return (
    <div className="approve-form" role="group" aria-labelledby={`${id}-legend`}>
      <p id={`${id}-legend`} className="field-label">
        Your decision as approver
      </p>
      <div className={`field${error ? ' invalid' : ''}`}>
        <label htmlFor={commentPath}>Comment</label>
        <textarea
          id={commentPath}
          rows={3}
          value={comment}
          maxLength={LIMITS.longText}
          aria-describedby={[`${id}-hint`, error ? errorId(commentPath) : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(event) => { setComment(event.target.value); }}
        />
        <p className="field-hint" id={`${id}-hint`}>
          Kept with the approval in the record. Required when you reject.
        </p>
        {error ? (
          <p className="field-error" id={errorId(commentPath)}>
            <span aria-hidden="true">⚠ </span>
            {error}
          </p>
        ) : null}
      </div>
      <ChangeError error={change.error} />
      <div className="save-bar">
        <button type="button" className="button primary" disabled={change.busy || blocked} aria-describedby={blocked ? `${id}-blocked` : undefined} onClick={() => { decide('approve'); }}>
          {change.busy ? 'Working…' : 'Approve'}
        </button>
        <button type="button" className="button" disabled={change.busy} onClick={() => { decide('reject'); }}>
          Reject
        </button>
        {blocked ? (
          <span className="subtlest" id={`${id}-blocked`}>
            Approve once the checklist above is complete.
          </span>
        ) : null}
      </div>
    </div>
  );
}
