import { useId, useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import { ACTION_KIND_LABELS, ACTION_KINDS, type ActionKind } from '../../../../src/domain/actions/action';
import { call } from '../../../shared/client';
import { Field } from '../../../shared/form/Field';
import { fieldId } from '../../../shared/form/field-id';
import { ChangeError } from './ChangeError';
import { useChange } from './useChange';
import { FormButtons } from './FormButtons';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,99}-[1-9]\d{0,9}$/;

/** R10: an issue that already exists in Jira becomes an action (linked to the incident, tracked the same way). */
export function LinkIssueForm({ view, rootCauseId, defaultKind, onDone }: { view: DecisionsView; rootCauseId: string; defaultKind: ActionKind | null; onDone: () => void }) {
  const id = useId();
  const change = useChange();
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<ActionKind>(defaultKind ?? 'corrective');
  const [keyError, setKeyError] = useState<string | null>(null);
  const keyPath = `${id}-jiraIssueKey`;

  const submit = () => {
    const jiraIssueKey = key.trim().toUpperCase();
    if (!ISSUE_KEY.test(jiraIssueKey)) {
      setKeyError('Enter an issue key such as ISMS-12.');
      document.getElementById(fieldId(keyPath))?.focus();
      return;
    }
    setKeyError(null);
    void change.run(() => call('linkActionIssue', { issueKey: view.incident.issueKey, rootCauseId, jiraIssueKey, kind })).then((done) => { if (done) onDone(); });
  };
  const serverKeyError = change.fieldError('jiraIssueKey') ?? (change.error?.body.code === 'NOT_FOUND' ? change.error.message : undefined);

  return (
    <div className="inline-form" role="group" aria-labelledby={`${id}-legend`}>
      <p className="inline-form-title" id={`${id}-legend`}>
        Link an existing Jira issue as an action
      </p>
      <div className="inline-add">
        <Field path={keyPath} label="Issue key" error={keyError ?? serverKeyError} hint={`It is linked to ${view.incident.issueKey} and tracked like the issues the app creates.`}>
          {(control) => <input {...control} type="text" value={key} placeholder="ISMS-12" autoComplete="off" spellCheck={false} onChange={(event) => { setKey(event.target.value); }} autoFocus />}
        </Field>
        <Field path={`${id}-kind`} label="Kind">
          {(control) => (
            <select {...control} value={kind} onChange={(event) => { setKind(ACTION_KINDS.find((candidate) => candidate === event.target.value) ?? kind); }}>
              {ACTION_KINDS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ACTION_KIND_LABELS[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ChangeError error={change.error} shownAtField={serverKeyError !== undefined} />
      <FormButtons label="Link issue" busyLabel="Linking…" busy={change.busy} onSubmit={submit} onCancel={onDone} />
    </div>
  );
}
