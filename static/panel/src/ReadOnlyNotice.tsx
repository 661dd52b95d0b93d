import { useSession } from './session/SessionContext';

/** Why the form cannot be changed right now, and what would change that. */
export function ReadOnlyNotice() {
  const { view, review, editable } = useSession();
  if (editable) return null;
  const stage = review.workflow.stage;
  const message = !view.canEdit
    ? `You can read this review but not change it: that needs permission to edit ${view.issue.key} in Jira.`
    : stage === 'awaiting_approval'
      ? 'This review is awaiting approval, so it cannot be changed. The approver can send it back to review.'
      : stage === 'approved'
        ? 'The review is approved, so its analysis is read only; reopen it under Workflow to change it (it will need approval again). Risks and actions are managed under Decisions & actions.'
        : 'This review is closed. Reopen it under Workflow to make changes; it will need approval again.';
  return (
    <div className="section-message info" role="note">
      <div>
        <strong>Read only</strong>
        <p>{message}</p>
      </div>
    </div>
  );
}
