import { useCallback, useEffect, useId, useState, type SyntheticEvent } from 'react';
import type { LessonsSharePreview, ShareLessonsResult, ShareView } from '../../../../src/api/communication';
import { call, type CallError } from '../../../shared/client';
import { ErrorMessage, Loading } from '../../../shared/components';
import { formatInstant } from '../../../shared/dates';
import { UserPicker } from '../../../shared/form/UserPicker';
import { useRemote, type Remote } from '../../../shared/use-remote';
import { useUserNames } from '../../../shared/user-directory';
import { asCallError } from '../session/errors';
import { useTimeSettings } from '../../../shared/environment';
import './share.css';

type Audience = LessonsSharePreview['audience'];

const AUDIENCES: readonly { value: Audience; label: string; hint: string }[] = [
  { value: 'management', label: 'Management', hint: 'Impact, decisions with the approval, risks and actions.' },
  { value: 'staff', label: 'Staff', hint: 'What happened, why, and what we will do differently.' },
];
const NOTE_MAX = 2000;
const PREVIEW_DELAY_MS = 400;

const STATUS_LABEL: Record<ShareView['status'], string> = {
  sending: 'Sending',
  sent: 'Sent',
  unconfirmed: 'Not confirmed by Jira',
  failed: 'Refused by Jira',
};
const STATUS_TONE: Record<ShareView['status'], string> = { sending: 'information', sent: 'success', unconfirmed: 'warning', failed: 'danger' };

/**
 * R15: "Share lessons" in the panel's header — a toggle opening the share form: audience, a
 * preview of what goes out (as text), recipients (people, project roles), an optional note, and
 * the shares already sent. Nothing is loaded until it is opened.
 */
export function ShareLessons({ issueKey, canEdit }: { issueKey: string; canEdit: boolean }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="link-button share-toggle" aria-expanded={open} aria-controls={`${id}-share`} onClick={() => { setOpen(!open); }}>
        {open ? 'Hide sharing' : 'Share lessons'}
      </button>
      {open ? <ShareSection id={`${id}-share`} issueKey={issueKey} canEdit={canEdit} onClose={() => { setOpen(false); }} /> : null}
    </>
  );
}

function ShareSection({ id, issueKey, canEdit, onClose }: { id: string; issueKey: string; canEdit: boolean; onClose: () => void }) {
  const [audience, setAudience] = useState<Audience>('staff');
  const [note, setNote] = useState('');
  const [previewNote, setPreviewNote] = useState('');
  const [users, setUsers] = useState<string[]>([]);
  const [roles, setRoles] = useState<string[]>([]);
  const [sending, setSending] = useState<{ kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; result: ShareLessonsResult } | { kind: 'error'; error: CallError }>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | undefined>(undefined);

  // The note is part of the preview: ask again once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => { setPreviewNote(note); }, PREVIEW_DELAY_MS);
    return () => { clearTimeout(timer); };
  }, [note]);

  const loadPreview = useCallback(
    () => call('previewLessonsShare', { issueKey, audience, ...(previewNote.trim() === '' ? {} : { note: previewNote }) }),
    [issueKey, audience, previewNote],
  );
  const [preview, reloadPreview] = useRemote(loadPreview);
  const loadShares = useCallback(() => call('listLessonsShares', { issueKey }).then((page) => page.shares), [issueKey]);
  const [shares, reloadShares] = useRemote(loadShares);

  const ready = preview.state === 'ready' ? preview.data : undefined;
  // The preview on screen is for another audience or note until the new one arrives.
  const stale = ready !== undefined && (ready.audience !== audience || previewNote !== note);
  const canSend = canEdit && ready?.canShare === true;

  const send = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!canSend || sending.kind === 'sending') return;
    if (users.length + roles.length === 0) {
      setProblem('Pick at least one person or project role.');
      return;
    }
    setProblem(undefined);
    setSending({ kind: 'sending' });
    call('shareLessons', { issueKey, audience, recipients: { users, groups: [], projectRoles: roles }, ...(note.trim() === '' ? {} : { note }) }).then(
      (result) => {
        setSending({ kind: 'done', result });
        reloadShares();
      },
      (error: unknown) => { setSending({ kind: 'error', error: asCallError(error) }); },
    );
  };

  const toggleRole = (role: string, on: boolean) => { setRoles(on ? [...roles, role] : roles.filter((other) => other !== role)); };
  const changed = () => { if (sending.kind === 'done' || sending.kind === 'error') setSending({ kind: 'idle' }); };

  return (
    <section id={id} className="share-lessons" aria-labelledby={`${id}-heading`}>
      <div className="share-heading">
        <h2 id={`${id}-heading`}>Share lessons</h2>
        <button type="button" className="button subtle-button" onClick={onClose}>Close</button>
      </div>
      <p className="subtlest">
        A summary of the approved review goes out as a Jira notification on {issueKey}, sent as you. No people are named in it; only people who may browse the
        project receive it.
      </p>

      {ready && !ready.canShare ? (
        <div className="section-message info" role="note">
          <div>
            <strong>Not available yet</strong>
            <p>{ready.reason ?? 'Lessons can be shared once management has approved the review.'}</p>
          </div>
        </div>
      ) : null}
      {ready?.canShare && !canEdit ? (
        <div className="section-message info" role="note">
          <div>
            <strong>Read only</strong>
            <p>You can see what would be shared, but sending needs permission to edit {issueKey} in Jira.</p>
          </div>
        </div>
      ) : null}

      <form onSubmit={send} aria-label="Share lessons" noValidate>
        <fieldset className="fieldset share-audience">
          <legend>Audience</legend>
          {AUDIENCES.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name={`${id}-audience`}
                value={option.value}
                checked={audience === option.value}
                onChange={() => { setAudience(option.value); changed(); }}
              />
              <span>
                <strong>{option.label}</strong>
                <span className="subtlest share-choice-hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div className={`share-preview${stale ? ' stale' : ''}`} aria-busy={preview.state === 'loading' || stale}>
          <h3 id={`${id}-preview-heading`}>Preview</h3>
          {preview.state === 'error' ? <ErrorMessage error={preview.error} onRetry={reloadPreview} /> : null}
          {preview.state === 'loading' ? <Loading label="Loading the preview" /> : null}
          {ready ? (
            <>
              <p className="share-subject">
                <span className="subtle">Subject:</span> <strong>{ready.subject}</strong>
              </p>
              {/* The text body, as text: the HTML body is never rendered here. */}
              <pre className="share-preview-text" tabIndex={0} aria-label={`Preview of the ${audience} summary`}>
                {ready.textBody}
              </pre>
              <p className="subtlest">Review version {ready.reviewVersion}</p>
            </>
          ) : null}
        </div>

        {canSend ? (
          <>
            <UserPicker path="share.users" label="People" selected={users} onChange={(next) => { setUsers(next); setProblem(undefined); changed(); }} multiple readOnly={false} />
            {ready.projectRoles.length > 0 ? (
              <fieldset className="fieldset share-roles">
                <legend>Project roles</legend>
                {ready.projectRoles.map((role) => (
                  <label key={role} className="choice">
                    <input type="checkbox" checked={roles.includes(role)} onChange={(event) => { toggleRole(role, event.target.checked); setProblem(undefined); changed(); }} />
                    <span>{role}</span>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <div className="field">
              <label htmlFor={`${id}-note`}>Note (optional)</label>
              <textarea id={`${id}-note`} rows={3} maxLength={NOTE_MAX} value={note} aria-describedby={`${id}-note-hint`} onChange={(event) => { setNote(event.target.value); changed(); }} />
              <p className="field-hint" id={`${id}-note-hint`}>
                Added to the top of the summary. {NOTE_MAX - note.length} characters left.
              </p>
            </div>
            {problem ? (
              <p className="field-error" role="alert">
                <span aria-hidden="true">⚠ </span>
                {problem}
              </p>
            ) : null}
            <div className="share-actions">
              <button type="submit" className="button primary" disabled={sending.kind === 'sending' || stale}>
                {sending.kind === 'sending' ? 'Sending…' : 'Send'}
              </button>
              <span role="status" aria-live="polite" className="share-status">
                {sending.kind === 'sending' ? 'Sending the summary…' : sending.kind === 'done' ? <SendOutcome result={sending.result} /> : null}
              </span>
            </div>
            {sending.kind === 'error' ? <ErrorMessage error={sending.error} /> : null}
          </>
        ) : null}
      </form>

      <EarlierShares shares={shares} onRetry={reloadShares} />
    </section>
  );
}

function SendOutcome({ result }: { result: ShareLessonsResult }) {
  const time = useTimeSettings();
  const when = formatInstant(result.share.sentAt, time);
  if (result.alreadySent) return <span className="save-state">Already sent on {when}: this exact share went out before, nothing was sent again.</span>;
  switch (result.share.status) {
    case 'sent':
      return <span className="save-state saved">Sent — Jira accepted the notification.</span>;
    case 'unconfirmed':
    case 'sending':
      return <span className="save-state dirty">Jira did not confirm the notification; it may have gone out. Check with a recipient before sending again.</span>;
    case 'failed':
      return <span className="save-state error">Jira refused the notification{result.share.error ? `: ${result.share.error}` : ''}. Nothing was sent.</span>;
  }
}

function EarlierShares({ shares, onRetry }: { shares: Remote<ShareView[]>; onRetry: () => void }) {
  const time = useTimeSettings();
  const list = shares.state === 'ready' ? shares.data : [];
  const nameOf = useUserNames(list.flatMap((share) => [share.sentBy, ...share.recipients.users]));
  return (
    <div className="share-history">
      <h3>Shared so far</h3>
      {shares.state === 'loading' ? <Loading label="Loading earlier shares" /> : null}
      {shares.state === 'error' ? <ErrorMessage error={shares.error} onRetry={onRetry} /> : null}
      {shares.state === 'ready' && list.length === 0 ? <p className="inline-empty">Not shared yet.</p> : null}
      {list.length > 0 ? (
        <ul className="plain-list share-list" aria-label="Earlier shares">
          {list.map((share) => {
            const to = [...share.recipients.users.map(nameOf), ...share.recipients.projectRoles.map((role) => `role ${role}`), ...share.recipients.groups.map((group) => `group ${group}`)];
            return (
              <li key={share.shareId} className="share-item">
                <div className="share-item-head">
                  <strong>{share.audience === 'management' ? 'Management' : 'Staff'} summary</strong>
                  <span className={`lozenge ${STATUS_TONE[share.status]}`}>{STATUS_LABEL[share.status]}</span>
                </div>
                <div>
                  To {to.join(', ')}
                  {share.roleMembers.length > 0 ? <span className="subtlest"> ({share.roleMembers.length} role members at the time)</span> : null}
                </div>
                <div className="subtlest">
                  By {nameOf(share.sentBy)} ·{' '}
                  <time dateTime={share.sentAt}>{formatInstant(share.sentAt, time)}</time> · review version {share.reviewVersion} ({share.reviewStage})
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
