import {
  CIA_PROPERTIES,
  INCIDENT_TYPES,
  LIMITS,
  SEVERITIES,
  TIMESTAMP_FIELDS,
  TIMESTAMP_LABELS,
  type IncidentFacts,
  type TimestampField,
} from '../../../../src/domain/review';
import { zoneLabel } from '../../../shared/dates';
import { Field } from '../../../shared/form/Field';
import { errorId, fieldId } from '../../../shared/form/field-id';
import { FieldError } from '../../../shared/form/Field';
import { TextListInput } from '../../../shared/form/TextListInput';
import { without } from '../../../shared/without';
import { SectionFrame } from '../components/SectionFrame';
import { StringListEditor } from '../components/StringListEditor';
import { TimestampInput } from '../components/TimestampInput';
import { useSectionEditor } from '../session/useSectionEditor';
import { useTimeSettings } from '../../../shared/environment';

const TYPE_HELP: Record<(typeof INCIDENT_TYPES)[number], string> = {
  accidental: 'Accidental — a mistake or failure without intent',
  malicious: 'Malicious — someone meant to cause harm',
  environmental: 'Environmental — fire, flood, power, natural events',
};

const CIA_LABELS: Record<(typeof CIA_PROPERTIES)[number], string> = {
  confidentiality: 'Confidentiality',
  integrity: 'Integrity',
  availability: 'Availability',
};

const capitalise = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** R1: what happened, how bad, to what, and when. */
export function FactsSection() {
  const editor = useSectionEditor('facts');
  const time = useTimeSettings();
  const { value: facts, readOnly, errorAt } = editor;
  const set = (changes: Partial<IncidentFacts>) => { editor.change({ ...facts, ...changes }); };
  const setTime = (field: TimestampField, instant: string | undefined) => {
    set({ timestamps: instant === undefined ? without(facts.timestamps, field) : { ...facts.timestamps, [field]: instant } });
  };
  const toggleCia = (property: (typeof CIA_PROPERTIES)[number], on: boolean) => {
    set({ ciaAffected: on ? CIA_PROPERTIES.filter((p) => p === property || facts.ciaAffected.includes(p)) : facts.ciaAffected.filter((p) => p !== property) });
  };

  return (
    <SectionFrame
      editor={editor}
      description="What happened, how serious it was, what it affected and when. Jira’s summary, priority, components, labels and dates were filled in for you; check them."
    >
      <Field path="facts.summary" label="Summary" error={errorAt('facts.summary')}>
        {(control) => <input {...control} type="text" value={facts.summary} readOnly={readOnly} maxLength={LIMITS.shortText} onChange={(event) => { set({ summary: event.target.value }); }} />}
      </Field>

      <div className="form-grid">
        <fieldset className="fieldset" aria-describedby={errorAt('facts.type') ? errorId('facts.type') : undefined}>
          <legend>Incident type</legend>
          {INCIDENT_TYPES.map((type) => (
            <label key={type} className="choice">
              <input
                type="radio"
                name="facts-type"
                id={type === INCIDENT_TYPES[0] ? fieldId('facts.type') : undefined}
                value={type}
                checked={facts.type === type}
                disabled={readOnly && facts.type !== type}
                onChange={() => { if (!readOnly) set({ type }); }}
              />
              <span>{TYPE_HELP[type]}</span>
            </label>
          ))}
          <FieldError path="facts.type" error={errorAt('facts.type')} />
        </fieldset>

        <div>
          <Field path="facts.severity" label="Severity" error={errorAt('facts.severity')}>
            {(control) => (
              <select
                {...control}
                value={facts.severity ?? ''}
                disabled={readOnly}
                onChange={(event) => {
                  const severity = SEVERITIES.find((s) => s === event.target.value);
                  editor.change(severity ? { ...facts, severity } : without(facts, 'severity'));
                }}
              >
                <option value="">Choose a severity</option>
                {SEVERITIES.map((severity) => (
                  <option key={severity} value={severity}>
                    {capitalise(severity)}
                  </option>
                ))}
              </select>
            )}
          </Field>

          <fieldset className="fieldset" aria-describedby={errorAt('facts.ciaAffected') ? errorId('facts.ciaAffected') : undefined}>
            <legend>Affected security properties</legend>
            {CIA_PROPERTIES.map((property) => (
              <label key={property} className="choice">
                <input
                  type="checkbox"
                  id={property === CIA_PROPERTIES[0] ? fieldId('facts.ciaAffected') : undefined}
                  checked={facts.ciaAffected.includes(property)}
                  disabled={readOnly}
                  onChange={(event) => { toggleCia(property, event.target.checked); }}
                />
                <span>{CIA_LABELS[property]}</span>
              </label>
            ))}
            <FieldError path="facts.ciaAffected" error={errorAt('facts.ciaAffected')} />
          </fieldset>
        </div>
      </div>

      <TextListInput
        path="facts.affectedAssets"
        label="Affected assets"
        itemLabel="Asset"
        values={facts.affectedAssets}
        onChange={(affectedAssets) => { set({ affectedAssets }); }}
        readOnly={readOnly}
        error={errorAt('facts.affectedAssets')}
        placeholder="e.g. Customer portal, HR system"
        maxLength={LIMITS.assetLength}
      />

      <Field path="facts.impact" label="Impact" error={errorAt('facts.impact')} hint="Who and what was affected, for how long, and what it cost.">
        {(control) => <textarea {...control} rows={4} value={facts.impact} readOnly={readOnly} maxLength={LIMITS.longText} onChange={(event) => { set({ impact: event.target.value }); }} />}
      </Field>

      <fieldset className="fieldset">
        <legend>Key times</legend>
        <p className="subtlest">In your time zone ({zoneLabel(time)}). Each must not be earlier than the one before it.</p>
        <div className="timestamps-grid">
          {TIMESTAMP_FIELDS.map((field) => (
            <TimestampInput
              key={field}
              path={`facts.timestamps.${field}`}
              label={TIMESTAMP_LABELS[field]}
              value={facts.timestamps[field]}
              onChange={(instant) => { setTime(field, instant); }}
              readOnly={readOnly}
              error={errorAt(`facts.timestamps.${field}`)}
            />
          ))}
        </div>
      </fieldset>

      <StringListEditor
        path="facts.remediationSteps"
        legend="Remediation steps"
        itemLabel="Remediation step"
        values={facts.remediationSteps}
        onChange={(remediationSteps) => { set({ remediationSteps }); }}
        readOnly={readOnly}
        errorAt={errorAt}
        max={LIMITS.remediationSteps}
        maxLength={LIMITS.stepText}
      />

      <TextListInput
        path="facts.tags"
        label="Tags"
        itemLabel="Tag"
        values={facts.tags}
        onChange={(tags) => { set({ tags }); }}
        readOnly={readOnly}
        error={errorAt('facts.tags')}
        placeholder="e.g. phishing"
        maxLength={LIMITS.tagLength}
      />
    </SectionFrame>
  );
}
