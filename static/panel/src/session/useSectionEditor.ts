import { useCallback, useMemo, useState, type FocusEvent } from 'react';
import { SECTION_SCHEMAS, validate, type FieldIssue, type SectionName, type SectionValue } from '../../../../src/domain/review';
import { humaniseInstants } from '../../../shared/dates';
import { fieldId, type FieldErrors } from '../../../shared/form/field-id';
import { useTimeSettings } from '../../../shared/environment';
import { useSession } from './SessionContext';
import type { SaveStatus } from './types';

export interface SectionEditor<S extends SectionName> {
  section: S;
  value: SectionValue<S>;
  change: (value: SectionValue<S>) => void;
  readOnly: boolean;
  dirty: boolean;
  status: SaveStatus;
  /** The error to show next to the field at this path (client check once touched, or the server's). */
  errorAt: (path: string) => string | undefined;
  /** Every current problem, shown as a summary after a save attempt. */
  problems: FieldIssue[];
  attempted: boolean;
  /** Validates with the shared schema, then saves; false when invalid or refused. */
  save: () => Promise<boolean>;
  discard: () => void;
  /** Marks fields as touched when focus leaves them (attach to the section's container). */
  onBlurCapture: (event: FocusEvent<HTMLElement>) => void;
}

function firstPerField(issues: readonly FieldIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field] ??= issue.message;
  return errors;
}

/** Editing one review section: draft value, live validation with the domain schema, save state. */
export function useSectionEditor<S extends SectionName>(section: S): SectionEditor<S> {
  const session = useSession();
  const value = session.valueOf(section);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);

  const validation = useMemo(() => validate(SECTION_SCHEMAS[section], value, section), [section, value]);
  const time = useTimeSettings();
  const problems = useMemo(
    () => (validation.ok ? [] : validation.error.issues.map((issue) => ({ ...issue, message: humaniseInstants(issue.message, time) }))),
    [validation, time],
  );
  const clientErrors = useMemo(() => firstPerField(problems), [problems]);
  const serverErrors = session.serverErrorsOf(section);

  const errorAt = useCallback(
    (path: string) => serverErrors[path] ?? (attempted || touched.has(fieldId(path)) ? clientErrors[path] : undefined),
    [attempted, clientErrors, serverErrors, touched],
  );

  const { saveSection, setDraft } = session;
  const save = useCallback(async () => {
    setAttempted(true);
    if (problems.length > 0) {
      const first = problems.find((problem) => document.getElementById(fieldId(problem.field)) !== null);
      document.getElementById(first ? fieldId(first.field) : `${section}-problems`)?.focus();
      return false;
    }
    const stored = await saveSection(section, value);
    if (stored) {
      setAttempted(false);
      setTouched(new Set());
    }
    return stored;
  }, [problems, saveSection, section, value]);

  const onBlurCapture = useCallback((event: FocusEvent<HTMLElement>) => {
    const id = event.target.id;
    if (id === '') return;
    setTouched((current) => (current.has(id) ? current : new Set([...current, id])));
  }, []);

  return {
    section,
    value,
    change: (next) => { setDraft(section, next); },
    readOnly: !session.editable,
    dirty: session.isDirty(section),
    status: session.statusOf(section),
    errorAt,
    problems,
    attempted,
    save,
    discard: () => {
      setAttempted(false);
      setTouched(new Set());
      session.discard(section);
    },
    onBlurCapture,
  };
}
