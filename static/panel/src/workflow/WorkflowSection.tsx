import { REVIEW_STAGES, SECTION_LABELS, type SectionName } from '../../../../src/domain/review';
import { StageLozenge } from '../../../shared/components';
import { useSession } from '../session/SessionContext';
import type { TabId } from '../tabs';
import { StageHistory } from './StageHistory';
import { StageStepper } from './StageStepper';
import { TransitionCard } from './TransitionCard';

/** R22: the review's stage and the moves open from it, each with what is still missing. */
export function WorkflowSection({ onOpenSection, onOpenTab }: { onOpenSection: (section: SectionName) => void; onOpenTab: (tab: TabId) => void }) {
  const session = useSession();
  const { review, dirtySections } = session;
  // Forward moves first: they are what the user usually came for.
  const rank = (to: (typeof REVIEW_STAGES)[number]) => -REVIEW_STAGES.indexOf(to);
  const transitions = [...session.transitions].sort((a, b) => rank(a.to) - rank(b.to));
  return (
    <section className="review-section" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">
        Workflow <StageLozenge stage={review.workflow.stage} />
      </h2>
      <StageStepper stage={review.workflow.stage} />
      {dirtySections.length > 0 ? (
        <div className="section-message warning" role="note">
          <div>
            <strong>Unsaved changes</strong>
            <p>
              {dirtySections.map((section) => SECTION_LABELS[section]).join(', ')} {dirtySections.length === 1 ? 'has' : 'have'} unsaved changes. Save them before moving the review on: only saved content is part of the review.
            </p>
          </div>
        </div>
      ) : null}
      {!session.view.canEdit ? (
        <p className="subtle">You can follow the review here, but moving it between stages needs permission to edit {session.view.issue.key}.</p>
      ) : transitions.length === 0 && review.workflow.stage === 'awaiting_approval' ? (
        <p className="subtle">
          An approver decides next: they approve the decisions or send the review back with a comment.{' '}
          <button type="button" className="link-button" onClick={() => { onOpenTab('decisions'); }}>
            See the decisions and the approval checklist
          </button>
        </p>
      ) : transitions.length === 0 ? (
        <p className="subtle">There are no further steps from this stage.</p>
      ) : (
        <div className="transitions">
          {transitions.map((transition) => (
            <TransitionCard
              key={transition.to}
              transition={transition}
              blockedByUnsaved={dirtySections.length > 0}
              onOpenSection={onOpenSection}
              onMove={(reason) => session.transition(transition.to, reason)}
            />
          ))}
        </div>
      )}
      <h3>Stage changes</h3>
      <StageHistory changes={review.workflow.history} />
    </section>
  );
}
