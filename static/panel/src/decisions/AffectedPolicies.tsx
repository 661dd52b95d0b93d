import { LIMITS } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { SectionFrame } from '../components/SectionFrame';
import { useSectionEditor } from '../session/useSectionEditor';

/** R20: policies and procedures the incident showed need updating — saved with the review. */
export function AffectedPolicies() {
  const editor = useSectionEditor('affectedPolicies');
  const { value: policies, readOnly, errorAt } = editor;
  const update = (id: string, changes: { title?: string; reference?: string }) => {
    editor.change(policies.map((policy) => (policy.id === id ? { ...policy, ...changes } : policy)));
  };
  return (
    <SectionFrame editor={editor} description="Policies, procedures or standards this incident showed need updating, so the change can be traced back to it (R20).">
      {policies.length === 0 ? <p className="subtle">{readOnly ? 'None recorded.' : 'None yet.'}</p> : null}
      <ol className="record-list policies">
        {policies.map((policy, index) => {
          const base = `affectedPolicies.${String(index)}`;
          return (
            <li key={policy.id} className="record policy-row">
              <Field path={`${base}.title`} label={`Policy or procedure ${String(index + 1)}`} error={errorAt(`${base}.title`)}>
                {(control) => <input {...control} type="text" value={policy.title} readOnly={readOnly} maxLength={LIMITS.shortText} onChange={(event) => { update(policy.id, { title: event.target.value }); }} />}
              </Field>
              <Field path={`${base}.reference`} label="Reference (document id, version or link)" error={errorAt(`${base}.reference`)}>
                {(control) => <input {...control} type="text" value={policy.reference} readOnly={readOnly} maxLength={500} onChange={(event) => { update(policy.id, { reference: event.target.value }); }} />}
              </Field>
              {readOnly ? null : (
                <button type="button" className="button subtle-button" aria-label={`Remove policy or procedure ${String(index + 1)}`} onClick={() => { editor.change(policies.filter((other) => other.id !== policy.id)); }}>
                  Remove
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button type="button" className="button" disabled={policies.length >= 30} onClick={() => { editor.change([...policies, { id: crypto.randomUUID(), title: '', reference: '' }]); }}>
          Add a policy or procedure
        </button>
      )}
    </SectionFrame>
  );
}
