import { useId, useState } from 'react';
import type { ActionView, DecisionsView } from '../../../../src/api/decisions';
import { LIMITS } from '../../../../src/domain/review';
import { call } from '../../../shared/client';
import { Field } from '../../../shared/form/Field';
import { fieldId } from '../../../shared/form/field-id';
import { ChangeError } from './ChangeError';
import { useChange } from './useChange';
import { FormButtons } from './FormButtons';

/** R11: someone other than the owner confirms the completed action, with evidence. */
export function VerifyForm({ view, action, onDone }: { view: DecisionsView; action: ActionView; onDone: () => void }) {
  const id = useId();
  const change = useChange();
  const [evidence, setEvidence] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<{ evidence?: string; link?: string }>({});
  const evidencePath = `${id}-verification.evidence`;
  const linkPath = `${id}-verification.evidenceLink`;

  const submit = () => {
    const problems: { evidence?: string; link?: string } = {};
    if (evidence.trim() === '') problems.evidence = 'Describe the evidence that the action was done as planned.';
    if (link.trim() !== '' && !/^https?:\/\/\S+$/i.test(link.trim())) problems.link = 'The evidence link must be an http(s) address.';
    setErrors(problems);
    if (problems.evidence !== undefined || problems.link !== undefined) {
      document.getElementById(fieldId(problems.evidence !== undefined ? evidencePath : linkPath))?.focus();
      return;
    }
    void change
      .run(() =>
        call('verifyAction', {
          issueKey: view.incident.issueKey,
          actionId: action.id,
          baseVersion: action.version,
          evidence: evidence.trim(),
          ...(link.trim() === '' ? {} : { evidenceLink: link.trim() }),
        }),
      )
      .then((done) => { if (done) onDone(); });
  };
  const evidenceError = errors.evidence ?? change.fieldError('verification.evidence');
  const linkError = errors.link ?? change.fieldError('verification.evidenceLink');

  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-legend`}>
      <p className="inline-form-title" id={`${id}-legend`}>
        Verify “{action.summary}”
      </p>
      <Field path={evidencePath} label="Evidence" error={evidenceError} hint="What you checked and what you saw, e.g. a test, a configuration review, a sample of records.">
        {(control) => <textarea {...control} rows={3} value={evidence} maxLength={LIMITS.longText} onChange={(event) => { setEvidence(event.target.value); }} autoFocus />}
      </Field>
      <Field path={linkPath} label="Evidence link (optional)" error={linkError}>
        {(control) => <input {...control} type="url" inputMode="url" value={link} maxLength={2000} placeholder="https://" onChange={(event) => { setLink(event.target.value); }} />}
      </Field>
      <ChangeError error={change.error} shownAtField={evidenceError !== undefined || linkError !== undefined} />
      <FormButtons label="Confirm verification" busyLabel="Verifying…" busy={change.busy} onSubmit={submit} onCancel={onDone} />
    </div>
  );
}
