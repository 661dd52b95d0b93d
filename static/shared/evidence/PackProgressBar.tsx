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
