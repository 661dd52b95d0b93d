import { useState } from 'react';
import { addTimelineEntry, LIMITS, type TimelineEntry } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { TimestampInput } from '../components/TimestampInput';
import { useCurrentAccountId } from '../../../shared/environment';

interface TimelineAddFormProps {
  entries: readonly TimelineEntry[];
  onAdd: (entries: TimelineEntry[]) => void;
}

/** A new timeline entry is checked by the domain before it joins the list (in time order). */
export function TimelineAddForm({ entries, onAdd }: TimelineAddFormProps) {
  const author = useCurrentAccountId();
  const [at, setAt] = useState<string | undefined>(undefined);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const add = () => {
    const result = addTimelineEntry(entries, { id: crypto.randomUUID(), at, text, ...(author ? { author } : {}) });
    if (!result.ok) {
      const next: Record<string, string> = {};
      for (const issue of 'issues' in result.error ? result.error.issues : []) next[issue.field.replace(/^timeline\./, 'timeline.new.')] ??= issue.message;
      if (Object.keys(next).length === 0) next['timeline.new.text'] = result.error.message;
      setErrors(next);
      return;
    }
    onAdd(result.value);
    setText('');
    setErrors({});
  };

  return (
    <fieldset className="fieldset add-form">
      <legend>Add an event</legend>
      <div className="add-form-row">
        <TimestampInput path="timeline.new.at" label="When" value={at} onChange={setAt} readOnly={false} error={errors['timeline.new.at']} />
        <Field path="timeline.new.text" label="What happened" error={errors['timeline.new.text']}>
          {(control) => <textarea {...control} rows={2} value={text} maxLength={LIMITS.timelineText} onChange={(event) => { setText(event.target.value); }} />}
        </Field>
      </div>
      <button type="button" className="button" onClick={add}>
        Add event
      </button>
    </fieldset>
  );
}
