import { useState, type KeyboardEvent } from 'react';
import { errorId, fieldId } from './field-id';
import { FieldError } from './Field';

interface TextListInputProps {
  path: string;
  label: string;
  /** Label of one entry, for the add and remove buttons ("Add tag", "Remove tag phishing"). */
  itemLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  readOnly: boolean;
  error?: string | undefined;
  placeholder?: string;
  maxLength?: number;
}

/** Short texts shown as removable chips (tags, assets), added one at a time. */
export function TextListInput({ path, label, itemLabel, values, onChange, readOnly, error, placeholder, maxLength }: TextListInputProps) {
  const [text, setText] = useState('');
  const add = () => {
    const value = text.trim();
    if (value === '') return;
    if (!values.includes(value)) onChange([...values, value]);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };
  const labelId = `${fieldId(path)}-label`;
  return (
    <div className={`field${error ? ' invalid' : ''}`} role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      {values.length > 0 ? (
        <ul className="chips" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="chip">
              <span className="chip-text">{value}</span>
              {readOnly ? null : (
                <button type="button" className="chip-remove" aria-label={`Remove ${itemLabel.toLowerCase()} ${value}`} onClick={() => { onChange(values.filter((v) => v !== value)); }}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtlest">None yet.</p>
      )}
      {readOnly ? null : (
        <div className="inline-add">
          <input
            type="text"
            id={fieldId(path)}
            aria-label={`New ${itemLabel.toLowerCase()}`}
            value={text}
            placeholder={placeholder}
            maxLength={maxLength}
            onChange={(event) => { setText(event.target.value); }}
            onKeyDown={onKeyDown}
            {...(error ? { 'aria-describedby': errorId(path), 'aria-invalid': true } : {})}
          />
          <button type="button" className="button" onClick={add} disabled={text.trim() === ''}>
            Add {itemLabel.toLowerCase()}
          </button>
        </div>
      )}
      <FieldError path={path} error={error} />
    </div>
  );
}
