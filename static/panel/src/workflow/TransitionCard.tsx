import { useId, useState } from 'react';
import { LIMITS, REVIEW_STAGES, type AvailableTransition, type SectionName } from '../../../../src/domain/review';
import type { CallError } from '../../../shared/client';
import { Checklist } from './Checklist';

interface TransitionCardProps {
  transition: AvailableTransition;
  onMove: (reason?: string) => Promise<CallError | null>;
  onOpenSection: (section: SectionName) => void;
  blockedByUnsaved: boolean;
}

const isForward = (transition: AvailableTransition) => REVIEW_STAGES.indexOf(transition.to) > REVIEW_STAGES.indexOf(transition.from);

/** One move the review can make: its button, what is still missing, and a reason when it goes back. */
export function TransitionCard({ transition, onMove, onOpenSection, blockedByUnsaved }: TransitionCardProps) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const move = (withReason?: string) => {
    setBusy(true);
    setError(null);
    void onMove(withReason).then((failure) => {
      setBusy(false);
      setError(failure);
      if (!failure) {
        setAsking(false);
        setReason('');
      }
    });
  };
  const confirm = () => {
    if (reason.trim() === '') {
      setReasonError('Say why, so the audit trail explains the change.');
      return;
    }
    setReasonError(null);
    move(reason.trim());
  };
  const disabled = busy || !transition.ready || (isForward(transition) && blockedByUnsaved);

  return (
    <div className="card transition">
      <div className="transition-head">
        <button
          type="button"
          className={`button ${isForward(transition) ? 'primary' : ''}`}
          disabled={disabled}
          aria-describedby={`${id}-state`}
          onClick={() => { if (transition.requiresReason) setAsking(true); else move(); }}
        >
          {busy ? 'Working…' : transition.action}
        </button>
        <span id={`${id}-state`} className="subtlest">
          {transition.ready ? (isForward(transition) && blockedByUnsaved ? 'Save your changes first.' : 'Ready.') : 'Not ready yet — see what is missing.'}
        </span>
      </div>
      <Checklist items={transition.checklist} onOpenSection={onOpenSection} />
      {asking ? (
        <div className="reason-form" role="group" aria-labelledby={`${id}-reason-label`}>
          <label id={`${id}-reason-label`} htmlFor={`${id}-reason`}>
            Reason for “{transition.action}” (required)
          </label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            maxLength={LIMITS.longText}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            onChange={(event) => { setReason(event.target.value); }}
            // The reason form opens on the user's click, so moving focus into it is expected.
            autoFocus
          />
          {reasonError ? (
            <p className="field-error" id={`${id}-reason-error`}>
              {reasonError}
            </p>
          ) : null}
          <div className="save-bar">
            <button type="button" className="button primary" onClick={confirm} disabled={busy}>
              {transition.action}
            </button>
            <button type="button" className="button subtle-button" onClick={() => { setAsking(false); setReasonError(null); }}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <div className="section-message error" role="alert">
          <div>
            <strong>{error.body.code === 'NOT_READY' ? 'Not ready yet' : error.body.code === 'CONFLICT' ? 'Changed by someone else' : 'Could not move the review'}</strong>
            <p>{error.message}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
