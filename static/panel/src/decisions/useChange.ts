import { useCallback, useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import type { FieldIssue } from '../../../../src/domain/review';
import type { CallError } from '../../../shared/client';
import { asCallError } from '../session/errors';
import { useDecisions } from './store';

export interface Change {
  busy: boolean;
  error: CallError | null;
  /** Runs one change; its answer (the refreshed view) replaces the view. True when it went through. */
  run: (change: () => Promise<DecisionsView>) => Promise<boolean>;
  /** The server's message for this field (`action.summary`), if it named that field. */
  fieldError: (field: string) => string | undefined;
  clear: () => void;
}

/** One form's change: busy while under way, the refusal kept (with the input) until the next try. */
export function useChange(): Change {
  const { apply } = useDecisions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const run = useCallback(
    async (change: () => Promise<DecisionsView>) => {
      setBusy(true);
      setError(null);
      try {
        apply(await change());
        return true;
      } catch (failure) {
        setError(asCallError(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [apply],
  );
  const fieldError = useCallback((field: string) => (error?.body.field === field ? error.message : undefined), [error]);
  return { busy, error, run, fieldError, clear: () => { setError(null); } };
}

/** The first message per field of a domain validation, keyed by the field path. */
export function messagesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) messages[issue.field] ??= issue.message;
  return messages;
}
