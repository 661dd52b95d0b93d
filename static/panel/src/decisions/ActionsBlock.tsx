import { useState } from 'react';
import type { DecisionsView, RootCauseDecisionView } from '../../../../src/api/decisions';
import { ActionForm } from './ActionForm';
import { ActionItem } from './ActionItem';
import { LinkIssueForm } from './LinkIssueForm';

type Open = { kind: 'none' } | { kind: 'add' } | { kind: 'link' };

/** R10: the actions of one root cause — drafts to plan, then linked Jira issues tracked to completion. */
export function ActionsBlock({ entry, label, view }: { entry: RootCauseDecisionView; label: string; view: DecisionsView }) {
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const addId = `add-actions-${entry.rootCause.id}`;
  // Closing a form (saved or cancelled) puts focus back where the user started.
  const close = () => {
    setOpen({ kind: 'none' });
    setTimeout(() => { document.getElementById(addId)?.focus(); }, 0);
  };
  const canPlan = view.canEdit && entry.actionsBlockedReason === null;
  return (
    <div className="follow-up actions">
      <h4>Actions</h4>
      {entry.actions.length === 0 ? (
        <p className="subtle">No actions yet.</p>
      ) : (
        <ul className="record-list" aria-label={`Actions of ${label}`}>
          {entry.actions.map((action) => (
            <ActionItem key={action.id} action={action} view={view} defaultKind={entry.actionKind} />
          ))}
        </ul>
      )}
      {entry.actionsBlockedReason !== null && view.canEdit ? <p className="subtlest">{entry.actionsBlockedReason}</p> : null}
      {canPlan && open.kind === 'add' ? <ActionForm view={view} rootCauseId={entry.rootCause.id} defaultKind={entry.actionKind} onDone={close} /> : null}
      {canPlan && open.kind === 'link' ? <LinkIssueForm view={view} rootCauseId={entry.rootCause.id} defaultKind={entry.actionKind} onDone={close} /> : null}
      {canPlan && open.kind === 'none' ? (
        <div className="block-actions">
          <button type="button" id={addId} className="button" onClick={() => { setOpen({ kind: 'add' }); }} aria-label={`Add an action for ${label}`}>
            Add an action
          </button>
          <button type="button" className="button subtle-button" onClick={() => { setOpen({ kind: 'link' }); }} aria-label={`Link an existing issue as an action for ${label}`}>
            Link an existing issue
          </button>
        </div>
      ) : null}
    </div>
  );
}
