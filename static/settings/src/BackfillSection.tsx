import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackfillView } from '../../../src/api/jira-native';
import type { BackfillProgress } from '../../../src/domain/backfill';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { useDates } from '../../shared/environment';
import { useRemote } from '../../shared/use-remote';
import { Section } from './form';

/**
 * "Find existing incidents": registers the project's incidents from before the app (no review
 * yet) so trends and coverage count them. One page of Jira's search per call, one call at a time;
 * progress is saved after every page, so pausing, closing the page or a Jira rate limit only
 * stops the walk — Resume continues where it stopped, and running it again counts nothing twice.
 */
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function summary(progress: BackfillProgress): string {
  return `${plural(progress.checked, 'incident')} checked · ${progress.registered} registered · ${progress.known} already counted`;
}

/**
 * The section asks for its progress only once it scrolls into view: most visits to the settings
 * page never reach it, and an extra call at page load would compete with the settings' own.
 */
export function BackfillSection({ projectKey }: { projectKey: string }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = anchor.current;
    if (element === null || seen) return;
    const observer = new IntersectionObserver((entries) => { if (entries.some((entry) => entry.isIntersecting)) setSeen(true); });
    observer.observe(element);
    return () => { observer.disconnect(); };
  }, [seen]);
  return (
    <Section
      id="backfill"
      title="Existing incidents"
      description="Counts the project's incidents from before the app in trends and review coverage, until they are reviewed: found with Jira search (the incident issue types above), severity from the priority mapping, type unknown. Safe to pause, resume or run again — nothing is counted twice."
    >
      <div ref={anchor}>{seen ? <BackfillBody projectKey={projectKey} /> : <Loading label="Loading the backfill progress" />}</div>
    </Section>
  );
}

function BackfillBody({ projectKey }: { projectKey: string }) {
  const load = useCallback(() => call('getBackfill', { projectKey }), [projectKey]);
  const [remote, reload, replace] = useRemote<BackfillView>(load);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const { instant } = useDates();
  const stop = useRef(false);
  const pauseRequested = useCallback(() => stop.current, []);
  useEffect(() => () => { stop.current = true; }, []);

  const run = useCallback(
    async (restart: boolean) => {
      stop.current = false;
      setRunning(true);
      setError(null);
      try {
        let view = await call('runBackfill', { projectKey, restart });
        replace(view);
        // Read through a function: the Pause button flips it while the loop awaits.
        while (view.progress?.status === 'running' && !pauseRequested()) {
          view = await call('runBackfill', { projectKey });
          replace(view);
        }
      } catch (failure) {
        setError(failure instanceof CallError ? failure : new CallError({ code: 'INTERNAL', message: String(failure) }));
      } finally {
        setRunning(false);
      }
    },
    [projectKey, replace, pauseRequested],
  );

  const body = () => {
    if (remote.state === 'loading') return <Loading label="Loading the backfill progress" />;
    if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
    const { progress } = remote.data;
    const paused = progress?.status === 'running' && !running;
    return (
      <>
        <p className="backfill-status" role="status" aria-live="polite" data-testid="backfill-status">
          {progress === null
            ? 'Not run yet.'
            : running
              ? `Working… page ${progress.pages} done: ${summary(progress)}.`
              : progress.status === 'done'
                ? `Done ${instant(progress.finishedAt ?? progress.startedAt)}: ${summary(progress)}.`
                : `Paused after page ${progress.pages}: ${summary(progress)}.`}
        </p>
        {running ? <progress className="backfill-progress" aria-label="Finding existing incidents" /> : null}
        {error ? <ErrorMessage error={error} onRetry={() => void run(false)} /> : null}
        <div className="button-row">
          {running ? (
            <button type="button" className="button" onClick={() => { stop.current = true; }}>
              Pause
            </button>
          ) : paused ? (
            <button type="button" className="button primary" onClick={() => void run(false)}>
              Resume
            </button>
          ) : (
            <button type="button" className="button primary" onClick={() => void run(progress !== null)}>
              {progress === null ? 'Find existing incidents' : 'Run again'}
            </button>
          )}
        </div>
      </>
    );
  };

  return body();
}
