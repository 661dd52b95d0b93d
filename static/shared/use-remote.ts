import { useCallback, useEffect, useState } from 'react';
import { CallError } from './client';

export type Remote<T> = { state: 'loading' } | { state: 'error'; error: CallError } | { state: 'ready'; data: T };

/** Loads a view model once (one invoke per screen) and lets the screen reload or replace it. */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): [Remote<T>, () => void, (data: T) => void] {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setRemote({ state: 'loading' });
    load().then(
      (data) => { if (live) setRemote({ state: 'ready', data }); },
      (error: unknown) => { if (live) setRemote({ state: 'error', error: error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }) }); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = useCallback(() => { setAttempt((n) => n + 1); }, []);
  const replace = useCallback((data: T) => { setRemote({ state: 'ready', data }); }, []);
  return [remote, reload, replace];
}
