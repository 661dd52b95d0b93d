import type { DecisionsView, RootCauseDecisionView } from '../../../../src/api/decisions';
import { useSession } from '../session/SessionContext';
import { ActionsBlock } from './ActionsBlock';
import { DecisionEditor } from './DecisionEditor';
import { RisksBlock } from './RisksBlock';

/** One root cause: its decision, and the risks and actions that follow from it. */
export function RootCauseCard({ entry, index, view }: { entry: RootCauseDecisionView; index: number; view: DecisionsView }) {
  const session = useSession();
  const { rootCause } = entry;
  // The decision as stored in the review (the session has the newest version), else the view's.
  const decision = session.review.decisions.find((candidate) => candidate.rootCauseId === rootCause.id) ?? entry.decision ?? undefined;
  const headingId = `root-cause-${rootCause.id}-heading`;
  const showRisks = decision?.option === 'manage-as-risk' || entry.risks.length > 0;
  const showActions = entry.actionKind !== null || entry.actions.length > 0;
  return (
    <li className="card decision-card" aria-labelledby={headingId}>
      <header className="card-header">
        <h3 id={headingId}>Root cause {index + 1}</h3>
        <span className="lozenge">{rootCause.categoryLabel}</span>
      </header>
      <p className="root-cause-text">{rootCause.text}</p>
      <DecisionEditor rootCauseId={rootCause.id} label={`root cause ${String(index + 1)}`} decision={decision} view={view} />
      {showRisks ? <RisksBlock entry={entry} label={`root cause ${String(index + 1)}`} view={view} /> : null}
      {showActions ? <ActionsBlock entry={entry} label={`root cause ${String(index + 1)}`} view={view} /> : null}
    </li>
  );
}
