import { errorId, fieldId } from '../../../shared/form/field-id';
import { FieldError } from '../../../shared/form/Field';

interface StringListEditorProps {
  path: string;
  legend: string;
  itemLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  readOnly: boolean;
  errorAt: (path: string) => string | undefined;
  max: number;
  maxLength: number;
}

/** An ordered list of longer texts (remediation steps): edit in place, add, remove, move. */
export function StringListEditor({ path, legend, itemLabel, values, onChange, readOnly, errorAt, max, maxLength }: StringListEditorProps) {
  const update = (index: number, text: string) => { onChange(values.map((value, i) => (i === index ? text : value))); };
  const move = (index: number, by: -1 | 1) => {
    const next = [...values];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    onChange(next);
  };
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {values.length === 0 ? <p className="subtlest">{readOnly ? 'None recorded.' : `No ${itemLabel.toLowerCase()}s yet.`}</p> : null}
      <ol className="string-list">
        {values.map((value, index) => {
          const itemPath = `${path}.${String(index)}`;
          const error = errorAt(itemPath);
          const label = `${itemLabel} ${String(index + 1)}`;
          return (
            // Steps have no ids; the position is their identity while editing.
            <li key={index} className="string-list-item">
              <label className="visually-hidden" htmlFor={fieldId(itemPath)}>
                {label}
              </label>
              <textarea
                id={fieldId(itemPath)}
                rows={2}
                value={value}
                readOnly={readOnly}
                maxLength={maxLength}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId(itemPath) : undefined}
                onChange={(event) => { update(index, event.target.value); }}
              />
              {readOnly ? null : (
                <div className="row-actions">
                  <button type="button" className="icon-button" aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => { move(index, -1); }}>
                    ↑
                  </button>
                  <button type="button" className="icon-button" aria-label={`Move ${label.toLowerCase()} down`} disabled={index === values.length - 1} onClick={() => { move(index, 1); }}>
                    ↓
                  </button>
                  <button type="button" className="icon-button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => { onChange(values.filter((_, i) => i !== index)); }}>
                    ×
                  </button>
                </div>
              )}
              <FieldError path={itemPath} error={error} />
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button type="button" className="button" disabled={values.length >= max} onClick={() => { onChange([...values, '']); }}>
          Add {itemLabel.toLowerCase()}
        </button>
      )}
      <FieldError path={path} error={errorAt(path)} />
    </fieldset>
  );
}
