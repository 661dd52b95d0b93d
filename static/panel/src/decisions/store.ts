import { createContext, useCallback, useContext, useRef, useState } from 'react';
import type { DecisionsView } from '../../../../src/api/decisions';
import { call, type CallError } from '../../../shared/client';
import { asCallError } from '../session/errors';

/**
 * The "Decisions & actions" view model (one `getDecisions` per opening of the tab). Every change
 * there answers the refreshed view, which replaces this one; it lives with the workspace so that
 * switching tabs keeps it on screen while it is fetched again.
 */
export interface DecisionsStore {
  view: DecisionsView | null;
  state: 'idle' | 'loading' | 'ready' | 'error';
  error: CallError | null;
  /** Fetches the view again (the one shown stays until the answer arrives). */
  load: () => void;
  /** Takes a view a change answered with; an older load still under way is then ignored. */
  apply: (view: DecisionsView) => void;
}

export function useDecisionsStore(issueKey: string): DecisionsStore {
  const [view, setView] = useState<DecisionsView | null>(null);
  const [state, setState] = useState<DecisionsStore['state']>('idle');
  const [error, setError] = useState<CallError | null>(null);
  // Answers can arrive out of order: only the latest request (or change) counts.
  const request = useRef(0);

  const load = useCallback(() => {
    request.current += 1;
    const id = request.current;
    setState('loading');
    call('getDecisions', { issueKey }).then(
      (fresh) => {
        if (id !== request.current) return;
        setView(fresh);
        setError(null);
        setState('ready');
      },
      (failure: unknown) => {
        if (id !== request.current) return;
        setError(asCallError(failure));
        setState('error');
      },
    );
  }, [issueKey]);

  const apply = useCallback((fresh: DecisionsView) => {
    request.current += 1;
    setView(fresh);
    setError(null);
    setState('ready');
  }, []);

  return { view, state, error, load, apply };
}

export const DecisionsContext = createContext<DecisionsStore | null>(null);

export function useDecisions(): DecisionsStore {
  const store = useContext(DecisionsContext);
  if (store === null) throw new Error('useDecisions needs the ReviewWorkspace');
  return store;
}
