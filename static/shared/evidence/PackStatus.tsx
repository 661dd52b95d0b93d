import type { CallError } from '../client';
import { ErrorMessage } from '../components';
import type { PackProgress } from './load-pack';

/** How far producing the pack has got: its pages load one by one, so large projects show progress. */
export function PackProgressBar({ progress }: { progress: PackProgress }) {
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="evidence-progress" role="status" aria-live="polite">
      <progress max={100} value={percent} aria-label="Producing the evidence pack" />
      <span className="subtlest">
        {String(percent)}% · {progress.label}
      </span>
    </div>
  );
}

/** Why the pack could not be produced: a refusal says who may produce it; anything else offers a retry. */
export function PackError({ error, refusedTitle, onRetry }: { error: CallError; refusedTitle: string; onRetry: () => void }) {
  if (error.body.code !== 'FORBIDDEN') return <ErrorMessage error={error} onRetry={onRetry} />;
  return (
    <div className="section-message warning" role="alert">
      <div>
        <strong>{refusedTitle}</strong>
        {error.message}
      </div>
    </div>
  );
}
