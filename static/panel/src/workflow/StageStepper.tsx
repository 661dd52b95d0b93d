import { REVIEW_STAGES, STAGE_LABELS, type ReviewStage } from '../../../../src/domain/review';

/** Where the review is on draft → in review → awaiting approval → approved → closed. */
export function StageStepper({ stage }: { stage: ReviewStage }) {
  const current = REVIEW_STAGES.indexOf(stage);
  return (
    <ol className="stepper" aria-label="Review stages">
      {REVIEW_STAGES.map((candidate, index) => (
        <li key={candidate} className={index < current ? 'past' : index === current ? 'current' : 'future'} aria-current={index === current ? 'step' : undefined}>
          <span className="step-dot" aria-hidden="true">
            {index < current ? '✓' : index + 1}
          </span>
          <span>{STAGE_LABELS[candidate]}</span>
        </li>
      ))}
    </ol>
  );
}
