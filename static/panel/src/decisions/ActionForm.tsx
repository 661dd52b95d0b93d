import { useId, useState } from 'react';
import type { ActionView, DecisionsView } from '../../../../src/api/decisions';
import { ACTION_KIND_LABELS, ACTION_KINDS, actionInputSchema, type ActionKind } from '../../../../src/domain/actions/action';
import { addCalendarDays, dayOf } from '../../../../src/domain/actions/calendar-date';
import { LIMITS, validate } from '../../../../src/domain/review';
import { call } from '../../../shared/client';
import { Field } from '../../../shared/form/Field';
import { fieldId } from '../../../shared/form/field-id';
import { UserPicker } from '../../../shared/form/UserPicker';
import { ChangeError } from './ChangeError';
import { messagesByField, useChange } from './useChange';
import { FormButtons } from './FormButtons';

interface ActionFormProps {
  view: DecisionsView;
  rootCauseId: string;
  defaultKind: ActionKind | null;
  /** The draft to edit; a new draft when absent. */
  action?: ActionView;
  onDone: () => void;
}

const KEYS = ['summary', 'description', 'ownerAccountId', 'targetDate', 'kind'] as const;

/** Plans a draft action (or edits one): nothing reaches Jira until "Create issues". */
export function ActionForm({ view, rootCauseId, defaultKind, action, onDone }: ActionFormProps) {
  const id = useId();
  const change = useChange();
  const [attempted, setAttempted] = useState(false);
  const [draft, setDraft] = useState(() => ({
    summary: action?.summary ?? '',
    description: action?.description ?? '',
    ownerAccountId: action?.ownerAccountId ?? '',
    targetDate: action?.targetDate ?? addCalendarDays(dayOf(new Date()), view.actionTarget.defaultDueDays),
    kind: action?.kind ?? defaultKind ?? 'corrective',
  }));
  const set = (next: Partial<typeof draft>) => { setDraft((current) => ({ ...current, ...next })); };

  const input = { rootCauseId, ...draft, ownerAccountId: draft.ownerAccountId === '' ? undefined : draft.ownerAccountId, targetDate: draft.targetDate === '' ? undefined : draft.targetDate };
  const check = validate(actionInputSchema, input, 'action');
  const clientErrors = attempted && !check.ok ? messagesByField(check.error.issues) : {};
  const errorAt = (key: (typeof KEYS)[number]) => change.fieldError(`action.${key}`) ?? clientErrors[`action.${key}`];
  const path = (key: string) => `${id}-action.${key}`;

  const submit = () => {
    setAttempted(true);
    if (!check.ok) {
      const first = KEYS.find((key) => check.error.issues.some((issue) => issue.field === `action.${key}`));
      if (first) document.getElementById(fieldId(path(first)))?.focus();
      return;
    }
    const { rootCauseId: _rootCause, ...fields } = check.value;
    const issueKey = view.incident.issueKey;
    void change
      .run(() => (action ? call('updateAction', { issueKey, actionId: action.id, baseVersion: action.version, action: fields }) : call('addActions', { issueKey, actions: [check.value] })))
      .then((saved) => { if (saved) onDone(); });
  };
  const shownAtField = KEYS.some((key) => change.fieldError(`action.${key}`) !== undefined);

  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-legend`}>
      <p className="inline-form-title" id={`${id}-legend`}>
        {action ? `Edit draft action “${action.summary}”` : 'New action'}
      </p>
      <Field path={path('summary')} label="Summary" error={errorAt('summary')} hint="Becomes the Jira issue's summary.">
        {(control) => <input {...control} type="text" value={draft.summary} maxLength={LIMITS.shortText} onChange={(event) => { set({ summary: event.target.value }); }} autoFocus />}
      </Field>
      <Field path={path('description')} label="Description" error={errorAt('description')} hint="What to do and how to tell it is done. The issue also links back to the incident and root cause.">
        {(control) => <textarea {...control} rows={3} value={draft.description} maxLength={LIMITS.longText} onChange={(event) => { set({ description: event.target.value }); }} />}
      </Field>
      <div className="form-grid">
        <UserPicker
          path={path('ownerAccountId')}
          label="Owner"
          selected={draft.ownerAccountId ? [draft.ownerAccountId] : []}
          multiple={false}
          readOnly={false}
          error={errorAt('ownerAccountId')}
          onChange={(ids) => { set({ ownerAccountId: ids[0] ?? '' }); }}
        />
        <div>
          <Field path={path('targetDate')} label="Target date" error={errorAt('targetDate')} hint={`The issue's due date. Default: ${String(view.actionTarget.defaultDueDays)} days from today.`}>
            {(control) => <input {...control} type="date" value={draft.targetDate} onChange={(event) => { set({ targetDate: event.target.value }); }} />}
          </Field>
          <Field path={path('kind')} label="Kind" error={errorAt('kind')}>
            {(control) => (
              <select {...control} value={draft.kind} onChange={(event) => { set({ kind: ACTION_KINDS.find((kind) => kind === event.target.value) ?? draft.kind }); }}>
                {ACTION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ACTION_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
      <ChangeError error={change.error} shownAtField={shownAtField} />
      <FormButtons label={action ? 'Save action' : 'Add action'} busyLabel="Saving…" busy={change.busy} onSubmit={submit} onCancel={onDone}>
        {action ? null : <span className="subtlest">Saved as a draft; the Jira issue is created with “Create issues”.</span>}
      </FormButtons>
    </div>
  );
}
