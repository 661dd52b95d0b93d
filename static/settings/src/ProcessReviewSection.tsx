import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { useDates } from '../../shared/environment';
import type { ProcessReviewsView } from '../../../src/api/process-review';
import type { ProcessReview, ProcessReviewStatus } from '../../../src/domain/process-review';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { UserPicker } from '../../shared/form/UserPicker';
import { useRemote } from '../../shared/use-remote';
import { UserDirectoryProvider, useUserNames } from '../../shared/user-directory';
import { describedBy, fieldId, FieldError, Section } from './form';

/**
 * R25 the periodic review of the incident process: the overdue flag, the reviews held so far and,
 * for project admins and approvers, the form to record one (its actions become Jira issues).
 */

const todayIso = (): string => new Date().toISOString().slice(0, 10);
const inAYear = (date: string): string => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.toISOString().slice(0, 10);
};

function StatusBanner({ status }: { status: ProcessReviewStatus }) {
  const { day } = useDates();
  if (status.state === 'never') {
    return (
      <div className="section-message info" role="note">
        <div>
          <strong>The incident process has not been reviewed yet</strong>
          <p>Review it periodically (e.g. once a year): are incidents reviewed in time, do actions work, does the procedure fit?</p>
        </div>
      </div>
    );
  }
  if (status.overdue) {
    return (
      <div className="section-message warning" role="note">
        <div>
          <strong>Process review overdue</strong>
          <p>
            The next review was due on {day(status.nextReviewDate ?? '')} ({status.daysOverdue} days ago). Last review: {day(status.lastHeldOn ?? '')}.
          </p>
        </div>
      </div>
    );
  }
  return (
    <p className="subtle process-review-status">
      Last reviewed on <strong>{day(status.lastHeldOn ?? '')}</strong>. Next review {status.state === 'due-soon' ? <span className="lozenge warning">due soon</span> : null} on{' '}
      <strong>{day(status.nextReviewDate ?? '')}</strong>.
    </p>
  );
}

function People({ accountIds }: { accountIds: readonly string[] }) {
  const nameOf = useUserNames(accountIds);
  return <>{accountIds.map(nameOf).join(', ')}</>;
}

function ReviewsTable({ reviews }: { reviews: readonly ProcessReview[] }) {
  const { day } = useDates();
  return (
    <table className="data process-reviews" aria-label="Process reviews">
      <thead>
        <tr>
          <th scope="col">Held on</th>
          <th scope="col">Participants</th>
          <th scope="col">Findings</th>
          <th scope="col">Actions</th>
          <th scope="col">Next review</th>
        </tr>
      </thead>
      <tbody>
        {reviews.map((review) => (
          <tr key={review.id}>
            <td>{day(review.heldOn)}</td>
            <td>
              <People accountIds={review.participants} />
            </td>
            <td>
              <ul className="plain-list">
                {review.findings.map((finding, index) => (
                  <li key={index}>{finding}</li>
                ))}
              </ul>
            </td>
            <td>
              {review.actions.length === 0 ? (
                <span className="subtle">—</span>
              ) : (
                <ul className="plain-list">
                  {review.actions.map((action) => (
                    <li key={action.id}>
                      {action.jira ? <strong>{action.jira.issueKey}</strong> : <span className="lozenge warning">{action.status === 'failed' ? 'not created' : 'not confirmed'}</span>} {action.summary}
                      <span className="subtlest block">due {day(action.targetDate)}</span>
                      {action.error ? <span className="field-error block">{action.error}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td>{day(review.nextReviewDate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface DraftAction {
  key: number;
  summary: string;
  owner: string[];
  targetDate: string;
}

interface Draft {
  heldOn: string;
  participants: string[];
  periodFrom: string;
  periodTo: string;
  kpis: { label: string; value: string }[];
  notes: string;
  findings: string;
  actions: DraftAction[];
  nextReviewDate: string;
}

const emptyDraft = (): Draft => {
  const today = todayIso();
  return { heldOn: today, participants: [], periodFrom: '', periodTo: today, kpis: [], notes: '', findings: '', actions: [], nextReviewDate: inAYear(today) };
};

function DateField({ path, label, value, onChange, error }: { path: string; label: string; value: string; onChange: (value: string) => void; error: string | undefined }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <input id={fieldId(path)} type="date" value={value} onChange={(event) => { onChange(event.target.value); }} {...describedBy(path, error, false)} />
      <FieldError path={path} error={error} />
    </div>
  );
}

function RecordForm({ projectKey, actionTarget, onSaved, onCancel }: { projectKey: string; actionTarget: ProcessReviewsView['actionTarget']; onSaved: (view: ProcessReviewsView) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [busy, setBusy] = useState<'idle' | 'saving' | 'prefilling'>('prefilling');
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => {
    let live = true;
    call('suggestProcessReviewInputs', { projectKey }).then(
      (suggestion) => {
        if (!live) return;
        setDraft((current) => ({ ...current, periodFrom: current.periodFrom || suggestion.periodFrom, periodTo: suggestion.periodTo, kpis: current.kpis.length > 0 ? current.kpis : suggestion.kpis }));
        setBusy((state) => (state === 'prefilling' ? 'idle' : state));
      },
      () => { if (live) setBusy((state) => (state === 'prefilling' ? 'idle' : state)); },
    );
    return () => { live = false; };
  }, [projectKey]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => { setDraft((current) => ({ ...current, [key]: value })); };
  const fieldError = (path: string): string | undefined => {
    const field = error?.body.field;
    return field !== undefined && (field === `review.${path}` || field.startsWith(`review.${path}.`)) ? error?.message : undefined;
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy('saving');
    setError(null);
    try {
      const view = await call('recordProcessReview', {
        projectKey,
        review: {
          heldOn: draft.heldOn,
          participants: draft.participants,
          inputs: { periodFrom: draft.periodFrom, periodTo: draft.periodTo, kpis: draft.kpis.filter((kpi) => kpi.label.trim() !== ''), notes: draft.notes },
          findings: draft.findings.split('\n').map((line) => line.trim()).filter((line) => line !== ''),
          actions: draft.actions.map((action) => ({ summary: action.summary, ownerAccountId: action.owner[0] ?? '', targetDate: action.targetDate })),
          nextReviewDate: draft.nextReviewDate,
        },
      });
      onSaved(view);
    } catch (caught) {
      setError(caught instanceof CallError ? caught : new CallError({ code: 'INTERNAL', message: String(caught) }));
      setBusy('idle');
    }
  };

  const updateAction = (key: number, change: Partial<DraftAction>) => { set('actions', draft.actions.map((action) => (action.key === key ? { ...action, ...change } : action))); };

  return (
    <form className="process-review-form" aria-label="Record a process review" onSubmit={(event) => { void submit(event); }} noValidate>
      <h3>Record a process review</h3>
      <div className="field-row">
        <DateField path="processReview.heldOn" label="Review date" value={draft.heldOn} onChange={(value) => { set('heldOn', value); }} error={fieldError('heldOn')} />
        <DateField path="processReview.nextReviewDate" label="Next review date" value={draft.nextReviewDate} onChange={(value) => { set('nextReviewDate', value); }} error={fieldError('nextReviewDate')} />
      </div>
      <UserPicker path="processReview.participants" label="Participants" selected={draft.participants} onChange={(ids) => { set('participants', ids); }} multiple readOnly={false} error={fieldError('participants')} />

      <fieldset className="plain">
        <legend className="field-label">Inputs</legend>
        <div className="field-row">
          <DateField path="processReview.periodFrom" label="Period from" value={draft.periodFrom} onChange={(value) => { set('periodFrom', value); }} error={fieldError('inputs.periodFrom')} />
          <DateField path="processReview.periodTo" label="Period to" value={draft.periodTo} onChange={(value) => { set('periodTo', value); }} error={fieldError('inputs.periodTo')} />
        </div>
        {busy === 'prefilling' ? <p className="subtle" role="status">Counting the period’s figures…</p> : null}
        {draft.kpis.length > 0 ? (
          <table className="data kpis" aria-label="Figures of the period">
            <tbody>
              {draft.kpis.map((kpi, index) => (
                <tr key={index}>
                  <th scope="row">{kpi.label}</th>
                  <td>
                    <input type="text" aria-label={`Value of ${kpi.label}`} value={kpi.value} maxLength={120} onChange={(event) => { set('kpis', draft.kpis.map((other, i) => (i === index ? { ...other, value: event.target.value } : other))); }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className={`field${fieldError('inputs.notes') ? ' invalid' : ''}`}>
          <label htmlFor={fieldId('processReview.notes')}>Other inputs</label>
          <textarea id={fieldId('processReview.notes')} rows={3} maxLength={5000} value={draft.notes} placeholder="Audit reports, feedback from responders, changes in the threat landscape…" onChange={(event) => { set('notes', event.target.value); }} />
        </div>
      </fieldset>

      <div className={`field${fieldError('findings') ? ' invalid' : ''}`}>
        <label htmlFor={fieldId('processReview.findings')}>Findings</label>
        <textarea id={fieldId('processReview.findings')} rows={4} value={draft.findings} onChange={(event) => { set('findings', event.target.value); }} {...describedBy('processReview.findings', fieldError('findings'), true)} />
        <p className="field-hint" id={`${fieldId('processReview.findings')}-hint`}>
          One finding per line.
        </p>
        <FieldError path="processReview.findings" error={fieldError('findings')} />
      </div>

      <fieldset className="plain process-review-actions">
        <legend className="field-label">Resulting actions</legend>
        <p className="field-hint">
          Each becomes a {actionTarget.issueTypeName} issue in {actionTarget.projectKey}, assigned to its owner.
        </p>
        {draft.actions.map((action, index) => (
          <div key={action.key} className="process-review-action" role="group" aria-label={`Action ${index + 1}`}>
            <div className={`field${fieldError(`actions.${index}.summary`) ? ' invalid' : ''}`}>
              <label htmlFor={fieldId(`processReview.actions.${index}.summary`)}>Summary of action {index + 1}</label>
              <input id={fieldId(`processReview.actions.${index}.summary`)} type="text" maxLength={255} value={action.summary} onChange={(event) => { updateAction(action.key, { summary: event.target.value }); }} />
              <FieldError path={`processReview.actions.${index}.summary`} error={fieldError(`actions.${index}.summary`)} />
            </div>
            <UserPicker path={`processReview.actions.${index}.owner`} label={`Owner of action ${index + 1}`} selected={action.owner} onChange={(ids) => { updateAction(action.key, { owner: ids.slice(-1) }); }} multiple={false} readOnly={false} error={fieldError(`actions.${index}.ownerAccountId`)} />
            <DateField path={`processReview.actions.${index}.targetDate`} label={`Target date of action ${index + 1}`} value={action.targetDate} onChange={(value) => { updateAction(action.key, { targetDate: value }); }} error={fieldError(`actions.${index}.targetDate`)} />
            <button type="button" className="button subtle-button" onClick={() => { set('actions', draft.actions.filter((other) => other.key !== action.key)); }}>
              Remove action {index + 1}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => { set('actions', [...draft.actions, { key: Date.now(), summary: '', owner: [], targetDate: '' }]); }}>
          Add action
        </button>
      </fieldset>

      {error && error.body.field === undefined ? <ErrorMessage error={error} /> : null}
      {error && error.body.field !== undefined ? (
        <div className="section-message error" role="alert">
          <div>
            <strong>The process review was not saved</strong>
            <p>{error.message}</p>
          </div>
        </div>
      ) : null}
      <div className="save-bar">
        <button type="submit" className="button primary" disabled={busy === 'saving'}>
          {busy === 'saving' ? 'Saving…' : 'Save process review'}
        </button>
        <button type="button" className="button subtle-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ProcessReviews({ projectKey }: { projectKey: string }) {
  const { day } = useDates();
  const load = useCallback(() => call('getProcessReviews', { projectKey }), [projectKey]);
  const [remote, reload, replace] = useRemote(load);
  const [recording, setRecording] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (remote.state === 'loading') return <Loading label="Loading the process reviews" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const view = remote.data;
  const pending = view.reviews.find((review) => review.actions.some((action) => action.status !== 'created'));
  return (
    <>
      <StatusBanner status={view.status} />
      <div role="status" aria-live="polite">
        {saved ? <p className="save-state saved">{saved}</p> : null}
      </div>
      {pending && view.canRecord ? (
        <div className="section-message warning" role="note">
          <div>
            <strong>Some actions have no Jira issue yet</strong>
            <p>Jira did not create or confirm every action of the review of {day(pending.heldOn)}.</p>
            <button type="button" className="button" onClick={() => { void call('retryProcessReviewActions', { projectKey, processReviewId: pending.id }).then(replace, reload); }}>
              Create the missing issues
            </button>
          </div>
        </div>
      ) : null}
      {view.reviews.length > 0 ? <ReviewsTable reviews={view.reviews} /> : null}
      {view.canRecord ? (
        recording ? (
          <RecordForm
            projectKey={projectKey}
            actionTarget={view.actionTarget}
            onCancel={() => { setRecording(false); }}
            onSaved={(next) => {
              replace(next);
              setRecording(false);
              setSaved(`Process review of ${day(next.reviews[0]?.heldOn ?? todayIso())} saved.`);
            }}
          />
        ) : (
          <button type="button" className="button" onClick={() => { setRecording(true); setSaved(null); }}>
            Record a process review
          </button>
        )
      ) : (
        <p className="subtle">Project admins and approvers record the reviews of the incident process.</p>
      )}
    </>
  );
}

export function ProcessReviewSection({ projectKey }: { projectKey: string }) {
  return (
    <Section id="process-review" title="Process review" description="The periodic review of the incident process itself (ISO/IEC 27001 A 5.27, clause 10; R25): who reviewed it when, what they looked at, what they found, which actions follow, and when it is due again.">
      <UserDirectoryProvider>
        <ProcessReviews projectKey={projectKey} />
      </UserDirectoryProvider>
    </Section>
  );
}
