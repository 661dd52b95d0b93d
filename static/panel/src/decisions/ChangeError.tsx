import type { CallError } from '../../../shared/client';
import { useSession } from '../session/SessionContext';
import { useDecisions } from './store';

const TITLES: Partial<Record<string, string>> = {
  CONFLICT: 'Changed by someone else',
  NOT_ALLOWED: 'Not possible',
  NOT_READY: 'Not ready yet',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  INVALID_INPUT: 'Please check the input',
};

/**
 * A refused change next to the form that made it. The input stays in the form; a conflict
 * offers to load the current state (the form keeps what was typed).
 */
export function ChangeError({ error, shownAtField = false }: { error: CallError | null; shownAtField?: boolean }) {
  const { load, state } = useDecisions();
  const { refreshReview } = useSession();
  if (error === null || shownAtField) return null;
  const conflict = error.body.code === 'CONFLICT';
  return (
    <div className="section-message error" role="alert">
      <div>
        <strong>{TITLES[error.body.code] ?? 'Not saved'}</strong>
        <p>{error.message}</p>
        {conflict ? (
          <button
            type="button"
            className="button"
            disabled={state === 'loading'}
            onClick={() => {
              // The review may have moved on too (an approval): the header and workflow follow.
              load();
              void refreshReview();
            }}
          >
            {state === 'loading' ? 'Loading…' : 'Load the current version'}
          </button>
        ) : (
          <p className="subtlest">Your input is kept in the form.</p>
        )}
      </div>
    </div>
  );
}
