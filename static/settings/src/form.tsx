import type { ReactNode } from 'react';
import { errorId, fieldId, hintId, type FieldErrors } from '../../shared/form/field-id';
import { FieldError } from '../../shared/form/Field';

/** Small labelled controls for the settings form: every input has a label, a hint and its error linked by id. */

export { fieldId, type FieldErrors } from '../../shared/form/field-id';
export { FieldError } from '../../shared/form/Field';

export function describedBy(path: string, error: string | undefined, hint: boolean): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const ids = [hint ? hintId(path) : '', error ? errorId(path) : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true as const } : {}) };
}

function Hint({ path, hint }: { path: string; hint: string | undefined }) {
  return hint === undefined ? null : (
    <p className="field-hint" id={hintId(path)}>
      {hint}
    </p>
  );
}

interface BaseProps {
  path: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
}

export function NumberField({ path, label, hint, errors, value, min, max, onChange, unit }: BaseProps & { value: number; min: number; max: number; unit?: string; onChange: (value: number) => void }) {
  const error = errors[path];
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <div className="with-unit">
        <input
          id={fieldId(path)}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={Number.isNaN(value) ? '' : value}
          onChange={(event) => { onChange(event.target.value === '' ? NaN : Number(event.target.value)); }}
          {...describedBy(path, error, hint !== undefined)}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </div>
      <Hint path={path} hint={hint} />
      <FieldError path={path} error={error} />
    </div>
  );
}

export function TextField({ path, label, hint, errors, value, onChange, maxLength = 255 }: BaseProps & { value: string; maxLength?: number; onChange: (value: string) => void }) {
  const error = errors[path];
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <input id={fieldId(path)} type="text" value={value} maxLength={maxLength} onChange={(event) => { onChange(event.target.value); }} {...describedBy(path, error, hint !== undefined)} />
      <Hint path={path} hint={hint} />
      <FieldError path={path} error={error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({ path, label, hint, errors, value, choices, onChange, fromJira = true }: BaseProps & { value: string; choices: readonly Choice[]; onChange: (value: string) => void; fromJira?: boolean }) {
  const error = errors[path];
  // A stored value Jira no longer offers stays visible (and selectable) instead of silently changing.
  const all = choices.some((choice) => choice.value === value) ? choices : [...choices, { value, label: fromJira ? `${value} (not found in Jira)` : value }];
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      <select id={fieldId(path)} value={value} onChange={(event) => { onChange(event.target.value); }} {...describedBy(path, error, hint !== undefined)}>
        {all.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <Hint path={path} hint={hint} />
      <FieldError path={path} error={error} />
    </div>
  );
}

export function CheckboxField({ path, label, hint, errors, checked, onChange }: BaseProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const error = errors[path];
  return (
    <div className={`field checkbox${error ? ' invalid' : ''}`}>
      <input id={fieldId(path)} type="checkbox" checked={checked} onChange={(event) => { onChange(event.target.checked); }} {...describedBy(path, error, hint !== undefined)} />
      <label htmlFor={fieldId(path)}>{label}</label>
      <Hint path={path} hint={hint} />
      <FieldError path={path} error={error} />
    </div>
  );
}

/** A group of checkboxes for a list of values (incident types, significant severities). */
export function CheckboxGroup({ path, label, hint, errors, choices, selected, onChange }: BaseProps & { choices: readonly Choice[]; selected: readonly string[]; onChange: (values: string[]) => void }) {
  const error = errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
  const toggle = (value: string, on: boolean) => { onChange(on ? [...selected, value] : selected.filter((other) => other !== value)); };
  return (
    <fieldset className={`field group${error ? ' invalid' : ''}`} {...describedBy(path, error, hint !== undefined)}>
      <legend>{label}</legend>
      <div className="choices">
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="checkbox" checked={selected.includes(choice.value)} onChange={(event) => { toggle(choice.value, event.target.checked); }} />
            {choice.label}
          </label>
        ))}
      </div>
      <Hint path={path} hint={hint} />
      <FieldError path={path} error={error} />
    </fieldset>
  );
}

export function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {description ? <p className="subtle section-description">{description}</p> : null}
      {children}
    </section>
  );
}
