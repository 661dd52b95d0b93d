import type { ReactNode } from 'react';
import { errorId, fieldId, hintId } from './field-id';

/** What a form control needs to be tied to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export function controlProps(path: string, error: string | undefined, hasHint = false): ControlProps {
  const describedBy = [hasHint ? hintId(path) : '', error ? errorId(path) : ''].filter(Boolean).join(' ');
  return {
    id: fieldId(path),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true } : {}),
  };
}

export function FieldError({ path, error }: { path: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={errorId(path)}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

interface FieldProps {
  /** Dotted path of the value, e.g. `facts.impact`; also names the control's id. */
  path: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and error, linked by `aria-describedby`. */
export function Field({ path, label, error, hint, children }: FieldProps) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={fieldId(path)}>{label}</label>
      {children(controlProps(path, error, hint !== undefined))}
      {hint !== undefined ? (
        <p className="field-hint" id={hintId(path)}>
          {hint}
        </p>
      ) : null}
      <FieldError path={path} error={error} />
    </div>
  );
}
