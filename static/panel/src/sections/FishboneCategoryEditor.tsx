import { useState } from 'react';
import { LIMITS, type FishboneCategory, type FishboneCause, type RootCause, type RootCauseTaxonomy } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { PromoteControl } from '../components/PromoteControl';

interface FishboneCategoryEditorProps {
  category: FishboneCategory;
  categoryIndex: number;
  /** Causes of this category with their index in the whole list (for error paths). */
  causes: readonly { cause: FishboneCause; index: number }[];
  readOnly: boolean;
  taxonomy: RootCauseTaxonomy;
  promotedFor: (causeId: string) => RootCause | undefined;
  errorAt: (path: string) => string | undefined;
  onRename: (label: string) => void;
  onRemove: (() => void) | undefined;
  onAddCause: (text: string) => void;
  onEditCause: (id: string, text: string) => void;
  onRemoveCause: (id: string) => void;
  onPromote: (causeId: string, category: string) => Promise<string | null>;
}

/** One bone of the fishbone: its name and its causes, each of which can become a root cause. */
export function FishboneCategoryEditor(props: FishboneCategoryEditorProps) {
  const { category, categoryIndex, causes, readOnly, taxonomy, promotedFor, errorAt } = props;
  const [text, setText] = useState('');
  const [renaming, setRenaming] = useState(false);
  const labelPath = `fishbone.categories.${String(categoryIndex)}.label`;
  const add = () => {
    if (text.trim() === '') return;
    props.onAddCause(text.trim());
    setText('');
  };
  return (
    <article className="card fishbone-category" aria-labelledby={`fb-cat-${category.id}`}>
      <header className="card-header">
        <h3 id={`fb-cat-${category.id}`}>{category.label || 'Unnamed category'}</h3>
        {readOnly ? null : (
          <span className="row-actions">
            <button type="button" className="button subtle-button" aria-expanded={renaming} onClick={() => { setRenaming(!renaming); }} aria-label={`Rename category ${category.label}`}>
              Rename
            </button>
            {props.onRemove ? (
              <button type="button" className="button subtle-button" onClick={props.onRemove} aria-label={`Remove category ${category.label}`}>
                Remove
              </button>
            ) : null}
          </span>
        )}
      </header>
      {readOnly || !(renaming || errorAt(labelPath)) ? null : (
        <Field path={labelPath} label="Category name" error={errorAt(labelPath)}>
          {(control) => <input {...control} type="text" value={category.label} maxLength={LIMITS.labelText} onChange={(event) => { props.onRename(event.target.value); }} />}
        </Field>
      )}
      {causes.length === 0 ? <p className="subtlest">No causes in this category.</p> : null}
      <ul className="cause-list" aria-label={`Causes: ${category.label}`}>
        {causes.map(({ cause, index }) => {
          const path = `fishbone.causes.${String(index)}.text`;
          return (
            <li key={cause.id} className="cause">
              {readOnly ? (
                <p className="prewrap">{cause.text}</p>
              ) : (
                <div className="inline-add">
                  <Field path={path} label={`Cause in ${category.label}`} error={errorAt(path)}>
                    {(control) => <input {...control} type="text" value={cause.text} maxLength={LIMITS.stepText} onChange={(event) => { props.onEditCause(cause.id, event.target.value); }} />}
                  </Field>
                  <button type="button" className="icon-button" aria-label={`Remove cause ${cause.text}`} onClick={() => { props.onRemoveCause(cause.id); }}>
                    ×
                  </button>
                </div>
              )}
              <PromoteControl
                subject={`cause “${cause.text}”`}
                taxonomy={taxonomy}
                promoted={promotedFor(cause.id)}
                readOnly={readOnly}
                blockedReason={cause.text.trim() === '' ? 'Describe the cause first.' : undefined}
                onPromote={(rootCategory) => props.onPromote(cause.id, rootCategory)}
              />
            </li>
          );
        })}
      </ul>
      {readOnly ? null : (
        <div className="inline-add">
          <label className="visually-hidden" htmlFor={`fb-new-${category.id}`}>
            New cause in {category.label}
          </label>
          <input
            id={`fb-new-${category.id}`}
            type="text"
            value={text}
            placeholder={`Add a cause (${category.label.toLowerCase()})`}
            maxLength={LIMITS.stepText}
            onChange={(event) => { setText(event.target.value); }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button" onClick={add} disabled={text.trim() === ''} aria-label={`Add cause to ${category.label}`}>
            Add cause
          </button>
        </div>
      )}
    </article>
  );
}
