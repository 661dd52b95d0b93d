import { REVIEW_STAGES } from '../../../src/domain/review';
import { StageLozenge } from '../../shared/components';
import { formatAgo, formatInstant } from '../../shared/dates';
import { useUserNames } from '../../shared/user-directory';
import { useSession } from './session/SessionContext';
import { useTimeSettings } from './time-settings';

/** Stage, last change and the next step at a glance. */
export function ReviewHeader({ onOpenWorkflow }: { onOpenWorkflow: () => void }) {
  const { review, transitions } = useSession();
  const time = useTimeSettings();
  const nameOf = useUserNames([review.updatedBy]);
  const next = transitions.find((transition) => REVIEW_STAGES.indexOf(transition.to) > REVIEW_STAGES.indexOf(transition.from));
  const items = next?.checklist.filter((item) => item.id !== 'reason') ?? [];
  const done = items.filter((item) => item.done).length;
  return (
    <header className="review-header">
      <div className="review-title">
        <h1>Post-incident review</h1>
        <StageLozenge stage={review.workflow.stage} />
      </div>
      <p className="subtlest">
        Last changed by {nameOf(review.updatedBy)},{' '}
        <time dateTime={review.updatedAt} title={formatInstant(review.updatedAt, time)}>
          {formatAgo(review.updatedAt)}
        </time>{' '}
        · version {review.version}
      </p>
      {next ? (
        <div className="next-step">
          <span>
            Next: <strong>{next.action}</strong> — {items.length === 0 ? 'ready' : `${String(done)} of ${String(items.length)} done`}
          </span>
          <progress max={Math.max(items.length, 1)} value={items.length === 0 ? 1 : done} aria-label={`${next.action}: ${String(done)} of ${String(items.length)} done`} />
          <button type="button" className="link-button" onClick={onOpenWorkflow}>
            {next.ready ? 'Go to workflow' : 'See what is missing'}
          </button>
        </div>
      ) : null}
    </header>
  );
}
