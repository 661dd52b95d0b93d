import { fromLocalInput, toLocalInput } from '../../../shared/dates';
import { Field } from '../../../shared/form/Field';
import { useTimeSettings } from '../../../shared/environment';

interface TimestampInputProps {
  path: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  readOnly: boolean;
  error: string | undefined;
  hint?: string;
}

/** A date and time in the user's Jira time zone, stored as a UTC instant. */
export function TimestampInput({ path, label, value, onChange, readOnly, error, hint }: TimestampInputProps) {
  const { timeZone } = useTimeSettings();
  return (
    <Field path={path} label={label} error={error} {...(hint === undefined ? {} : { hint })}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          readOnly={readOnly}
          value={toLocalInput(value, timeZone)}
          onChange={(event) => { onChange(fromLocalInput(event.target.value, timeZone)); }}
        />
      )}
    </Field>
  );
}
