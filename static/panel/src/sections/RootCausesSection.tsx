import { useMemo } from 'react';
import { blamelessWarnings, LIMITS, type RootCause } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { useUserDirectory } from '../../../shared/user-directory';
import { BlamelessNote } from '../components/BlamelessNote';
import { SectionFrame } from '../components/SectionFrame';
import { useSession } from '../session/SessionContext';
import { useSectionEditor } from '../session/useSectionEditor';
import { RootCauseSourceLabel } from './RootCauseSourceLabel';

/** R6: the underlying causes, each in a category of the project's taxonomy so recurrences can be counted. */
export function RootCausesSection() {
  const editor = useSectionEditor('rootCauses');
  const session = useSession();
  const { users } = useUserDirectory();
  const { value: rootCauses, readOnly, errorAt } = editor;
  const taxonomy = session.view.taxonomy;
  const knownNames = useMemo(() => [...users.values()].map((user) => user.displayName), [users]);
  const fiveWhys = session.valueOf('fiveWhys');
  const fishbone = session.valueOf('fishbone');
  const update = (id: string, changes: Partial<RootCause>) => {
    editor.change(rootCauses.map((rootCause) => (rootCause.id === id ? { ...rootCause, ...changes } : rootCause)));
  };
  const add = () => {
    editor.change([...rootCauses, { id: crypto.randomUUID(), text: '', category: taxonomy[0]?.key ?? 'uncategorised', source: { kind: 'manual' } }]);
  };
  const liveHints = rootCauses.some((rootCause) => blamelessWarnings(rootCause.text, knownNames).length > 0);
  const saved = liveHints ? [] : session.warningsOf('rootCauses');

  return (
    <SectionFrame
      editor={editor}
      description="The underlying causes, not the symptoms. Promote them from the 5 Whys or the fishbone, or add them here. Describe what allowed the incident (process, control, tooling, training) rather than who."
      notices={saved.length > 0 && !editor.dirty ? <BlamelessNote messages={saved.map((w) => w.message)} /> : null}
    >
      {rootCauses.length === 0 ? (
        <div className="inline-empty">
          <strong>No root causes yet.</strong>{' '}
          {readOnly ? 'None have been identified.' : 'Promote the last answer of a why-chain or a fishbone cause, or add one here.'}
        </div>
      ) : null}
      <ol className="root-causes">
        {rootCauses.map((rootCause, index) => {
          const base = `rootCauses.${String(index)}`;
          const hints = blamelessWarnings(rootCause.text, knownNames);
          return (
            <li key={rootCause.id} className="card root-cause">
              <header className="card-header">
                <h3>Root cause {index + 1}</h3>
                <RootCauseSourceLabel source={rootCause.source} fiveWhys={fiveWhys} fishbone={fishbone} />
              </header>
              <Field path={`${base}.text`} label={`Root cause ${String(index + 1)}`} error={errorAt(`${base}.text`)}>
                {(control) => <textarea {...control} rows={2} value={rootCause.text} readOnly={readOnly} maxLength={LIMITS.stepText} onChange={(event) => { update(rootCause.id, { text: event.target.value }); }} />}
              </Field>
              {hints.length > 0 ? <BlamelessNote messages={hints.map((hint) => hint.message)} /> : null}
              <div className="inline-add">
                <Field path={`${base}.category`} label="Category" error={errorAt(`${base}.category`)}>
                  {(control) => (
                    <select {...control} value={rootCause.category} disabled={readOnly} onChange={(event) => { update(rootCause.id, { category: event.target.value }); }}>
                      {taxonomy.some((entry) => entry.key === rootCause.category) ? null : <option value={rootCause.category}>{rootCause.category} (retired)</option>}
                      {taxonomy.map((entry) => (
                        <option key={entry.key} value={entry.key}>
                          {entry.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {readOnly ? null : (
                  <button type="button" className="button subtle-button" aria-label={`Remove root cause ${String(index + 1)}`} onClick={() => { editor.change(rootCauses.filter((other) => other.id !== rootCause.id)); }}>
                    Remove
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button type="button" className="button" disabled={rootCauses.length >= LIMITS.rootCauses} onClick={add}>
          Add a root cause
        </button>
      )}
    </SectionFrame>
  );
}
