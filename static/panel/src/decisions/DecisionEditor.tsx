import { useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import { DECISION_LABELS, currentDecisions, decisionInputSchema, type Decision, type DecisionInput } from '../../../../src/domain/decisions';
import { LIMITS, isEditableStage, validate } from '../../../../src/domain/review';
import { formatInstant } from '../../../shared/dates';
import { Field, FieldError } from '../../../shared/form/Field';
import { errorId, fieldId } from '../../../shared/form/field-id';
import { useUserNames } from '../../../shared/user-directory';
import { useSession } from '../session/SessionContext';
import { decisionDraftChanged, type DecisionDraft } from '../session/useReviewSession';
import { useTimeSettings } from '../../../shared/environment';
import { OPTION_HINTS } from './labels';
import { messagesByField } from './useChange';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

interface DecisionEditorProps {
  rootCauseId: string;
  /** "root cause 2", for labels. */
  label: string;
  decision: Decision | undefined;
  view: DecisionsView;
}

/**
 * R7: the decision for one root cause, with its rationale. Saved on its own (the other root
 * causes' stored decisions go with it unchanged); the server stamps who decided and when.
 */
export function DecisionEditor({ rootCauseId, label, decision, view }: DecisionEditorProps) {
  const session = useSession();
  const time = useTimeSettings();
  const nameOf = useUserNames(decision ? [decision.decidedBy] : []);
  const [attempted, setAttempted] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [submitted, setSubmitted] = useState<number | null>(null);
  const [changing, setChanging] = useState(false);
  const stage = session.review.workflow.stage;
  const editable = session.view.canEdit && (isEditableStage(stage) || stage === 'approved');
  const draft: DecisionDraft = session.decisionDrafts.get(rootCauseId) ?? { option: decision?.option ?? '', rationale: decision?.rationale ?? '' };
  const dirty = decisionDraftChanged(draft, decision);
  const base = `decision-${rootCauseId}`;

  const decidedLine = decision ? (
    <p className="subtlest decided-by">
      Decided by {nameOf(decision.decidedBy)}, <time dateTime={decision.decidedAt}>{formatInstant(decision.decidedAt, time)}</time>
    </p>
  ) : null;

  // Approved decisions read as the record; changing one is a deliberate step (it reopens approval).
  const reopening = stage === 'approved';
  if (!editable || (reopening && !changing && !dirty)) {
    return (
      <div className="decision-read">
        {decision ? (
          <>
            <p>
              <span className="field-label">Decision: </span>
              <strong>{DECISION_LABELS[decision.option]}</strong>
            </p>
            <p className="prewrap">{decision.rationale}</p>
            {decidedLine}
          </>
        ) : (
          <p className="subtle">No decision recorded yet.</p>
        )}
        {editable ? (
          <button type="button" className="button subtle-button" onClick={() => { setChanging(true); }} aria-label={`Change the decision for ${label}`}>
            Change the decision
          </button>
        ) : null}
      </div>
    );
  }

  const input = { rootCauseId, option: draft.option === '' ? undefined : draft.option, rationale: draft.rationale };
  const check = validate(decisionInputSchema, input, 'decision');
  const clientErrors = attempted && !check.ok ? messagesByField(check.error.issues) : {};
  const serverErrors = session.serverErrorsOf('decisions');
  // The server names fields by the position in the list this card sent (`decisions.1.rationale`).
  const errorAt = (key: 'option' | 'rationale') => (submitted === null ? undefined : serverErrors[`decisions.${String(submitted)}.${key}`]) ?? clientErrors[`decision.${key}`];

  const change = (next: Partial<DecisionDraft>) => {
    const updated = { ...draft, ...next };
    session.setDecisionDraft(rootCauseId, decisionDraftChanged(updated, decision) ? updated : null);
    if (saveState.kind === 'saved' || saveState.kind === 'error') setSaveState({ kind: 'idle' });
  };

  const save = () => {
    setAttempted(true);
    if (!check.ok) {
      const first = check.error.issues[0]?.field.replace('decision.', '') ?? 'option';
      document.getElementById(fieldId(`${base}.${first}`))?.focus();
      return;
    }
    // The other root causes keep their stored decisions; this one takes the draft.
    const review = session.review;
    const others = currentDecisions(review.decisions, review.rootCauses).filter((other) => other.rootCauseId !== rootCauseId);
    const mine: DecisionInput = check.value;
    const position = new Map(review.rootCauses.map((rootCause, index) => [rootCause.id, index]));
    const all = [...others.map(({ rootCauseId: id, option, rationale }) => ({ rootCauseId: id, option, rationale })), mine].sort(
      (a, b) => (position.get(a.rootCauseId) ?? 0) - (position.get(b.rootCauseId) ?? 0),
    );
    setSaveState({ kind: 'saving' });
    setSubmitted(all.findIndex((entry) => entry.rootCauseId === rootCauseId));
    void session.saveDecisions(all).then((failure) => {
      if (failure === null) {
        session.setDecisionDraft(rootCauseId, null);
        setAttempted(false);
        setChanging(false);
        setSaveState({ kind: 'saved', at: new Date().toISOString() });
      } else {
        setSaveState({ kind: 'error', message: failure.message });
      }
    });
  };

  const optionError = errorAt('option');
  const optionPath = `${base}.option`;
  const saving = saveState.kind === 'saving';
  return (
    <div className="decision-edit">
      <fieldset className="fieldset" aria-describedby={optionError ? errorId(optionPath) : undefined}>
        <legend>Decision for {label}</legend>
        <div className="decision-options">
          {view.options.map((option, index) => {
            const radioId = index === 0 ? fieldId(optionPath) : `${fieldId(optionPath)}-${option.value}`;
            return (
              <label key={option.value} className="choice decision-option" htmlFor={radioId}>
                <input
                  type="radio"
                  id={radioId}
                  name={`${base}-option`}
                  value={option.value}
                  checked={draft.option === option.value}
                  aria-describedby={`${radioId}-hint`}
                  onChange={() => { change({ option: option.value }); }}
                />
                <span>
                  <span className="option-label">{option.label}</span>
                  <span className="option-hint" id={`${radioId}-hint`}>
                    {OPTION_HINTS[option.value]}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
        <FieldError path={optionPath} error={optionError} />
      </fieldset>
      <Field path={`${base}.rationale`} label={`Rationale for ${label}`} error={errorAt('rationale')} hint="Why this decision is right for this root cause (risk-based).">
        {(control) => <textarea {...control} rows={3} value={draft.rationale} maxLength={LIMITS.longText} onChange={(event) => { change({ rationale: event.target.value }); }} />}
      </Field>
      {reopening ? (
        <p className="section-message warning" role="note">
          The decisions are approved. Saving a change sends the review back to “in review”, and the decisions need approval again.
        </p>
      ) : null}
      {saveState.kind === 'error' ? (
        <div className="section-message error" role="alert">
          <div>
            <strong>Decision not saved</strong>
            <p>{saveState.message}</p>
            <p className="subtlest">Your input is kept in the form.</p>
          </div>
        </div>
      ) : null}
      <div className="save-bar">
        <button type="button" className="button primary" disabled={saving || !dirty} onClick={save}>
          {/* The visible words start the accessible name, so voice users can say what they see. */}
          {saving ? 'Saving…' : <>Save the decision<span className="visually-hidden"> for {label}</span></>}
        </button>
        {(dirty || reopening) && !saving ? (
          <button
            type="button"
            className="button subtle-button"
            onClick={() => {
              session.setDecisionDraft(rootCauseId, null);
              setAttempted(false);
              setChanging(false);
              setSaveState({ kind: 'idle' });
            }}
          >
            {dirty ? 'Discard changes' : 'Cancel'}
          </button>
        ) : null}
        <span className={`save-state ${saveState.kind}${dirty ? ' dirty' : ''}`} role="status" aria-live="polite">
          {saving ? 'Saving…' : saveState.kind === 'error' ? 'Not saved' : dirty ? 'Unsaved changes' : saveState.kind === 'saved' ? `Saved ${formatInstant(saveState.at, time)}` : decision ? 'Saved' : 'No decision yet'}
        </span>
      </div>
      {decidedLine}
    </div>
  );
}
