import { useCallback, useEffect, useState } from 'react';
import { CallError } from './client';

export type Remote<T> = { state: 'loading' } | { state: 'error'; error: CallError } | { state: 'ready'; data: T };

const asCallError = (error: unknown): CallError => (error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: String(error) }));

/** Loads a screen's view model (one invoke per screen) and lets the screen reload or replace it. */
export function useRemote<T>(load: () => Promise<T>): [Remote<T>, () => void, (data: T) => void] {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => { if (live) setRemote({ state: 'ready', data }); },
      (error: unknown) => { if (live) setRemote({ state: 'error', error: asCallError(error) }); },
    );
    return () => { live = false; };
  }, [load, attempt]);
  const reload = useCallback(() => {
    setRemote({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const replace = useCallback((data: T) => { setRemote({ state: 'ready', data }); }, []);
  return [remote, reload, replace];
}
