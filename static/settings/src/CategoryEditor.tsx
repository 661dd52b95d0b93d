import { useState, type KeyboardEvent } from 'react';
import { describedBy, fieldId, FieldError, type FieldErrors } from './form';

export interface Category {
  key: string;
  label: string;
  retired: boolean;
}

interface CategoryEditorProps {
  /** `rootCauseTaxonomy` or `fishboneCategories`: errors come back with this path. */
  path: string;
  noun: string;
  items: readonly Category[];
  /** Keys saved before: those can be renamed and retired, never removed. */
  savedKeys: ReadonlySet<string>;
  max: number;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (items: Category[]) => void;
}

/** A key for a new category, from its name: lower-case, dashes, unique among the existing keys. */
export function keyFor(label: string, taken: ReadonlySet<string>): string {
  const base = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'category';
  let key = /^[a-z0-9]/.test(base) ? base : `c-${base}`;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** Categories as a table: rename in place, retire/restore, add at the end. Saved ones cannot be deleted. */
export function CategoryEditor({ path, noun, items, savedKeys, max, errors, readOnly, onChange }: CategoryEditorProps) {
  const [name, setName] = useState('');
  const listError = errors[path];
  const update = (index: number, change: Partial<Category>) => { onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item))); };
  const add = () => {
    const label = name.trim();
    if (label === '') return;
    onChange([...items, { key: keyFor(label, new Set(items.map((item) => item.key))), label, retired: false }]);
    setName('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const active = items.filter((item) => !item.retired).length;
  return (
    <div className={`category-editor${listError ? ' invalid' : ''}`}>
      <table className="data categories" aria-label={`${noun}s`} {...describedBy(path, listError, false)}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Status</th>
            {readOnly ? null : <th scope="col"><span className="visually-hidden">Actions</span></th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => {
            const labelPath = `${path}.${index}.label`;
            const keyPath = `${path}.${index}.key`;
            const error = errors[labelPath] ?? errors[keyPath] ?? errors[`${path}.${index}.id`];
            return (
              <tr key={item.key} className={item.retired ? 'retired' : undefined}>
                <td>
                  {readOnly ? (
                    item.label
                  ) : (
                    <input
                      type="text"
                      id={fieldId(labelPath)}
                      aria-label={`Name of ${noun} ${item.label || item.key}`}
                      value={item.label}
                      maxLength={80}
                      onChange={(event) => { update(index, { label: event.target.value }); }}
                      {...describedBy(labelPath, error, false)}
                    />
                  )}
                  <FieldError path={labelPath} error={error} />
                </td>
                <td>
                  <code className="category-key">{item.key}</code>
                </td>
                <td>
                  {item.retired ? <span className="lozenge">Retired</span> : savedKeys.has(item.key) ? <span className="lozenge success">Active</span> : <span className="lozenge information">New</span>}
                </td>
                {readOnly ? null : (
                  <td className="category-actions">
                    {savedKeys.has(item.key) ? (
                      <button
                        type="button"
                        className="button subtle-button"
                        aria-label={`${item.retired ? 'Restore' : 'Retire'} ${noun} ${item.label}`}
                        disabled={!item.retired && active <= 1}
                        onClick={() => { update(index, { retired: !item.retired }); }}
                      >
                        {item.retired ? 'Restore' : 'Retire'}
                      </button>
                    ) : (
                      <button type="button" className="button subtle-button" aria-label={`Remove new ${noun} ${item.label}`} onClick={() => { onChange(items.filter((_, i) => i !== index)); }}>
                        Remove
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldError path={path} error={listError} />
      {readOnly ? null : (
        <div className="inline-add">
          <label htmlFor={fieldId(`${path}-new`)} className="visually-hidden">
            New {noun}
          </label>
          <input
            id={fieldId(`${path}-new`)}
            type="text"
            placeholder={`New ${noun}`}
            maxLength={80}
            value={name}
            onChange={(event) => { setName(event.target.value); }}
            onKeyDown={onKeyDown}
          />
          <button type="button" className="button" onClick={add} disabled={name.trim() === '' || items.length >= max}>
            Add {noun}
          </button>
        </div>
      )}
    </div>
  );
}
