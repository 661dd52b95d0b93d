import { STAGE_LABELS, type StageChange } from '../../../../src/domain/review';
import { formatInstant } from '../../../shared/dates';
import { useUserNames } from '../../../shared/user-directory';
import { useTimeSettings } from '../../../shared/environment';

/** The recent stage changes kept in the review (the full trail is under History). */
export function StageHistory({ changes }: { changes: readonly StageChange[] }) {
  const time = useTimeSettings();
  const nameOf = useUserNames(changes.map((change) => change.by));
  if (changes.length === 0) return <p className="subtlest">The review has not changed stage yet.</p>;
  return (
    <ol className="stage-history">
      {[...changes].reverse().map((change) => (
        <li key={`${change.at}-${change.to}`}>
          <strong>{STAGE_LABELS[change.from]} → {STAGE_LABELS[change.to]}</strong>{' '}
          <span className="subtle">
            by {nameOf(change.by)}, <time dateTime={change.at}>{formatInstant(change.at, time)}</time>
          </span>
          {change.reason ? <p className="quote">“{change.reason}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
