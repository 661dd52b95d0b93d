import { useId, useState } from 'react';
import type { RiskView } from '../../../../src/api/decisions';
import { addCalendarDays, dayOf } from '../../../../src/domain/actions/calendar-date';
import { LIMITS, validate } from '../../../../src/domain/review';
import { RATING_SCALE, riskInputSchema, riskLevel, riskScore, type RiskStatus, type RiskTreatment } from '../../../../src/domain/risks/risk';
import { call } from '../../../shared/client';
import { Field, FieldError } from '../../../shared/form/Field';
import { fieldId } from '../../../shared/form/field-id';
import { UserPicker } from '../../../shared/form/UserPicker';
import { ChangeError } from './ChangeError';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVEL, ratingLabel } from './labels';
import { messagesByField, useChange } from './useChange';
import { FormButtons } from './FormButtons';

interface RiskFormProps {
  issueKey: string;
  rootCauseId: string;
  /** The risk to edit; a new risk (linked to the root cause) when absent. */
  risk?: RiskView;
  onDone: () => void;
}

interface RiskDraft {
  title: string;
  description: string;
  treatment: RiskTreatment | '';
  likelihood: number;
  impact: number;
  ownerAccountId: string;
  nextReviewDate: string;
  status: RiskStatus;
}

const RATINGS = Array.from({ length: RATING_SCALE.max - RATING_SCALE.min + 1 }, (_, index) => RATING_SCALE.min + index);
const KEYS = ['title', 'description', 'treatment', 'likelihood', 'impact', 'ownerAccountId', 'nextReviewDate', 'status'] as const;

/** R9: a risk-register entry (new from this root cause, or an edit), rated likelihood × impact. */
export function RiskForm({ issueKey, rootCauseId, risk, onDone }: RiskFormProps) {
  const id = useId();
  const change = useChange();
  const [attempted, setAttempted] = useState(false);
  const [draft, setDraft] = useState<RiskDraft>(() =>
    risk
      ? { title: risk.title, description: risk.description, treatment: risk.treatment, likelihood: risk.likelihood, impact: risk.impact, ownerAccountId: risk.ownerAccountId, nextReviewDate: risk.nextReviewDate, status: risk.status }
      : { title: '', description: '', treatment: '', likelihood: 3, impact: 3, ownerAccountId: '', nextReviewDate: addCalendarDays(dayOf(new Date()), 90), status: 'open' },
  );
  const set = (next: Partial<RiskDraft>) => { setDraft((current) => ({ ...current, ...next })); };

  const input = {
    ...draft,
    treatment: draft.treatment === '' ? undefined : draft.treatment,
    ownerAccountId: draft.ownerAccountId === '' ? undefined : draft.ownerAccountId,
  };
  const check = validate(riskInputSchema, input, 'risk');
  const clientErrors = attempted && !check.ok ? messagesByField(check.error.issues) : {};
  const errorAt = (key: (typeof KEYS)[number]) => change.fieldError(`risk.${key}`) ?? clientErrors[`risk.${key}`];
  const path = (key: string) => `${id}-risk.${key}`;
  const score = riskScore(draft.likelihood, draft.impact);
  const level = RISK_LEVEL[riskLevel(score)];

  const submit = () => {
    setAttempted(true);
    if (!check.ok) {
      const first = KEYS.find((key) => clientErrors[`risk.${key}`] !== undefined || check.error.issues.some((issue) => issue.field === `risk.${key}`));
      if (first) document.getElementById(fieldId(path(first)))?.focus();
      return;
    }
    void change
      .run(() => call('saveRisk', { issueKey, rootCauseId, risk: check.value, ...(risk ? { riskId: risk.id, baseVersion: risk.version } : {}) }))
      .then((saved) => { if (saved) onDone(); });
  };
  const shownAtField = KEYS.some((key) => change.fieldError(`risk.${key}`) !== undefined);

  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-legend`}>
      <p className="inline-form-title" id={`${id}-legend`}>
        {risk ? `Edit risk “${risk.title}”` : 'New risk in the register'}
      </p>
      <Field path={path('title')} label="Risk title" error={errorAt('title')}>
        {(control) => <input {...control} type="text" value={draft.title} maxLength={LIMITS.shortText} onChange={(event) => { set({ title: event.target.value }); }} autoFocus />}
      </Field>
      <Field path={path('description')} label="Description" error={errorAt('description')} hint="The threat, the weakness it exploits and what could happen.">
        {(control) => <textarea {...control} rows={3} value={draft.description} maxLength={LIMITS.longText} onChange={(event) => { set({ description: event.target.value }); }} />}
      </Field>
      <fieldset className="fieldset">
        <legend>Treatment</legend>
        {(['accept', 'mitigate'] as const).map((treatment, index) => (
          <label key={treatment} className="choice" htmlFor={index === 0 ? fieldId(path('treatment')) : `${fieldId(path('treatment'))}-${treatment}`}>
            <input
              type="radio"
              id={index === 0 ? fieldId(path('treatment')) : `${fieldId(path('treatment'))}-${treatment}`}
              name={`${id}-treatment`}
              checked={draft.treatment === treatment}
              onChange={() => { set({ treatment }); }}
            />
            <span>
              <span className="option-label">{treatment === 'accept' ? 'Accept' : 'Mitigate'}</span>
              <span className="option-hint">{treatment === 'accept' ? 'Record it in the register; no treatment actions.' : 'Reduce it with risk-treatment actions (corrective actions log).'}</span>
            </span>
          </label>
        ))}
        <FieldError path={path('treatment')} error={errorAt('treatment')} />
      </fieldset>
      <div className="rating-row">
        <Field path={path('likelihood')} label="Likelihood" error={errorAt('likelihood')}>
          {(control) => (
            <select {...control} value={draft.likelihood} onChange={(event) => { set({ likelihood: Number(event.target.value) }); }}>
              {RATINGS.map((value) => (
                <option key={value} value={value}>
                  {ratingLabel(LIKELIHOOD_LABELS, value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <span className="rating-times" aria-hidden="true">
          ×
        </span>
        <Field path={path('impact')} label="Impact" error={errorAt('impact')}>
          {(control) => (
            <select {...control} value={draft.impact} onChange={(event) => { set({ impact: Number(event.target.value) }); }}>
              {RATINGS.map((value) => (
                <option key={value} value={value}>
                  {ratingLabel(IMPACT_LABELS, value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <output className="rating-score" aria-live="polite" htmlFor={`${fieldId(path('likelihood'))} ${fieldId(path('impact'))}`}>
          <span className="field-label">Score</span>
          <span className={`lozenge ${level.tone}`}>
            {score} · {level.label}
          </span>
        </output>
      </div>
      <div className="form-grid">
        <UserPicker
          path={path('ownerAccountId')}
          label="Risk owner"
          selected={draft.ownerAccountId ? [draft.ownerAccountId] : []}
          multiple={false}
          readOnly={false}
          error={errorAt('ownerAccountId')}
          onChange={(ids) => { set({ ownerAccountId: ids[0] ?? '' }); }}
        />
        <Field path={path('nextReviewDate')} label="Next review date" error={errorAt('nextReviewDate')}>
          {(control) => <input {...control} type="date" value={draft.nextReviewDate} onChange={(event) => { set({ nextReviewDate: event.target.value }); }} />}
        </Field>
      </div>
      {risk ? (
        <Field path={path('status')} label="Status" error={errorAt('status')}>
          {(control) => (
            <select {...control} value={draft.status} onChange={(event) => { set({ status: event.target.value === 'closed' ? 'closed' : 'open' }); }}>
              <option value="open">Open</option>
              <option value="closed">Closed</option>
            </select>
          )}
        </Field>
      ) : null}
      <ChangeError error={change.error} shownAtField={shownAtField} />
      <FormButtons label={risk ? 'Save risk' : 'Add risk'} busyLabel="Saving…" busy={change.busy} onSubmit={submit} onCancel={onDone} />
    </div>
  );
}
