import { useCallback, useEffect, useState } from 'react';
import type { AuditEvent } from '../../../../src/domain/review';
import { call, type CallError } from '../../../shared/client';
import { asCallError } from '../session/errors';

export interface HistoryState {
  events: AuditEvent[];
  status: 'loading' | 'ready' | 'error' | 'more';
  error: CallError | null;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/** The audit trail, newest first, a page at a time; loaded only when History is opened. */
export function useHistory(issueKey: string, version: number): HistoryState {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<HistoryState['status']>('loading');
  const [error, setError] = useState<CallError | null>(null);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback(
    (from: string | undefined) =>
      call('getReviewHistory', { issueKey, ...(from === undefined ? {} : { cursor: from }) }),
    [issueKey],
  );

  // First page on open, and again when the review changes while History is open.
  useEffect(() => {
    let live = true;
    fetchPage(undefined).then(
      (page) => {
        if (!live) return;
        setEvents(page.events);
        setCursor(page.cursor);
        setStatus('ready');
        setError(null);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(asCallError(failure));
        setStatus('error');
      },
    );
    return () => { live = false; };
  }, [fetchPage, version, attempt]);

  const loadMore = useCallback(() => {
    if (cursor === undefined) return;
    setStatus('more');
    fetchPage(cursor).then(
      (page) => {
        setEvents((current) => [...current, ...page.events]);
        setCursor(page.cursor);
        setStatus('ready');
      },
      (failure: unknown) => {
        setError(asCallError(failure));
        setStatus('ready');
      },
    );
  }, [cursor, fetchPage]);

  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  return { events, status, error, hasMore: cursor !== undefined, loadMore, retry };
}
