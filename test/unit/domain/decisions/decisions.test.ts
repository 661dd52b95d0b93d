import { applySectionUpdate, type Review } from '../../../../src/domain/review';
import { approvalExtraItems, approvalState, decideApproval, decisionChecklist, prepareDecisions, type ApprovalContext } from '../../../../src/domain/decisions';
import { DANA, FOX, WALTER, phishingReview } from '../review/fixtures';

const AT = '2025-03-12T09:00:00Z';
const LATER = '2025-03-13T09:00:00Z';

const decided = (review: Review, actor = DANA): Review => {
  const result = applySectionUpdate(
    review,
    'decisions',
    [
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Introduce call-back verification for bank changes.' },
      { rootCauseId: 'r2', option: 'manage-as-risk', rationale: 'FIDO2 for all staff is a budget decision; register the residual risk.' },
    ],
    { actor, at: AT, baseVersion: review.version },
  );
  if (!result.ok || !result.value.changed) throw new Error('decisions not saved');
  return result.value.review;
};

const awaiting = (review: Review, requester = DANA): Review => ({
  ...review,
  workflow: { stage: 'awaiting_approval', history: [{ from: 'in_review', to: 'awaiting_approval', by: requester, at: AT }] },
});

const approver = (overrides: Partial<ApprovalContext> = {}): ApprovalContext => ({
  isApprover: true,
  approverRule: 'members of the group "isms-approvers"',
  riskLinkedRootCauseIds: new Set(['r2']),
  ...overrides,
});

describe('R7 decisions: one per root cause, stamped by the server', () => {
  it('stamps new decisions with the actor and time, whatever the browser sent', () => {
    const result = prepareDecisions([], [{ rootCauseId: 'r1', option: 'no-further-action', rationale: ' Accepted ', decidedBy: FOX, decidedAt: '2000-01-01T00:00:00Z' }], phishingReview().rootCauses, DANA, AT);
    expect(result).toEqual({ ok: true, value: [{ rootCauseId: 'r1', option: 'no-further-action', rationale: 'Accepted', decidedBy: DANA, decidedAt: AT }] });
  });

  it('keeps who decided an unchanged decision, restamps a changed one, and stores them in root-cause order', () => {
    const rootCauses = phishingReview().rootCauses;
    const first = prepareDecisions([], [{ rootCauseId: 'r2', option: 'corrective-action', rationale: 'A' }, { rootCauseId: 'r1', option: 'corrective-action', rationale: 'B' }], rootCauses, DANA, AT);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.map((decision) => decision.rootCauseId)).toEqual(['r1', 'r2']);
    const second = prepareDecisions(first.value, [{ rootCauseId: 'r1', option: 'corrective-action', rationale: 'B' }, { rootCauseId: 'r2', option: 'continual-improvement', rationale: 'A' }], rootCauses, FOX, LATER);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toEqual([
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'B', decidedBy: DANA, decidedAt: AT },
      { rootCauseId: 'r2', option: 'continual-improvement', rationale: 'A', decidedBy: FOX, decidedAt: LATER },
    ]);
  });

  it('refuses a second decision for a root cause, an unknown root cause, an unknown option and an empty rationale, naming the field', () => {
    const rootCauses = phishingReview().rootCauses;
    const twice = prepareDecisions([], [{ rootCauseId: 'r1', option: 'corrective-action', rationale: 'A' }, { rootCauseId: 'r1', option: 'no-further-action', rationale: 'B' }], rootCauses, DANA, AT);
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid', field: 'decisions.1.rootCauseId' } });
    expect(prepareDecisions([], [{ rootCauseId: 'nope', option: 'corrective-action', rationale: 'A' }], rootCauses, DANA, AT)).toMatchObject({ ok: false, error: { field: 'decisions.0.rootCauseId' } });
    expect(prepareDecisions([], [{ rootCauseId: 'r1', option: 'ignore-it', rationale: 'A' }], rootCauses, DANA, AT)).toMatchObject({ ok: false, error: { field: 'decisions.0.option' } });
    expect(prepareDecisions([], [{ rootCauseId: 'r1', option: 'corrective-action', rationale: '   ' }], rootCauses, DANA, AT)).toMatchObject({ ok: false, error: { field: 'decisions.0.rationale' } });
  });

  it('are editable in draft and in review, not while awaiting approval or once closed', () => {
    expect(decided(phishingReview('draft')).decisions).toHaveLength(2);
    for (const stage of ['awaiting_approval', 'closed'] as const) {
      const review = phishingReview(stage);
      const result = applySectionUpdate(review, 'decisions', [], { actor: DANA, at: AT, baseVersion: review.version });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-editable' } });
    }
  });
});

describe('R8 approval', () => {
  it('approving needs a decision for every root cause and a risk entry for risk decisions', () => {
    const review = phishingReview();
    expect(decisionChecklist(review, new Set())).toEqual([expect.objectContaining({ id: 'decisions.complete', done: false })]);
    expect(decisionChecklist(review, new Set())[0]?.label).toContain('"Bank-detail changes need no call-back verification"');
    const withDecisions = decided(review);
    expect(decisionChecklist(withDecisions, new Set()).map((item) => [item.id, item.done])).toEqual([['decisions.complete', true], ['decisions.risks', false]]);
    expect(decisionChecklist(withDecisions, new Set(['r2'])).every((item) => item.done)).toBe(true);
  });

  it('a non-approver cannot approve or reject: the checklist says who may', () => {
    const review = awaiting(decided(phishingReview()));
    const context = approver({ isApprover: false });
    const approve = decideApproval(review, { outcome: 'approve', comment: '', actor: FOX, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, context);
    expect(approve).toMatchObject({ ok: false, error: { code: 'guard-failed', missing: [expect.objectContaining({ id: 'approval.approver' })] } });
    const reject = decideApproval(review, { outcome: 'reject', comment: 'No', actor: FOX, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, context);
    expect(reject).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    expect(approvalExtraItems(phishingReview('in_review'), context)).toEqual({});
  });

  it('the approver approves with a comment, recorded in the history and the audit event', () => {
    const review = awaiting(decided(phishingReview()));
    const result = decideApproval(review, { outcome: 'approve', comment: ' Agreed; budget FIDO2 next year. ', actor: WALTER, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, approver());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.workflow.stage).toBe('approved');
    expect(result.value.review.workflow.history.at(-1)).toEqual({ from: 'awaiting_approval', to: 'approved', by: WALTER, at: LATER, comment: 'Agreed; budget FIDO2 next year.' });
    expect(result.value.auditEvent).toMatchObject({ kind: 'stage-changed', by: WALTER, comment: 'Agreed; budget FIDO2 next year.' });
    expect(approvalState(result.value.review)).toEqual({ state: 'approved', by: WALTER, at: LATER, comment: 'Agreed; budget FIDO2 next year.' });
  });

  it('the requester cannot approve their own request (segregation of duties) unless the project allows it', () => {
    const review = awaiting(decided(phishingReview()), WALTER);
    const input = { outcome: 'approve' as const, comment: '', actor: WALTER, at: LATER, baseVersion: review.version };
    expect(decideApproval(review, { ...input, requireIndependentApprover: true }, approver())).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    expect(decideApproval(review, { ...input, requireIndependentApprover: false }, approver()).ok).toBe(true);
  });

  it('rejecting needs a comment, which becomes the reason; the review goes back to in review', () => {
    const review = awaiting(decided(phishingReview()));
    const silent = decideApproval(review, { outcome: 'reject', comment: ' ', actor: WALTER, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, approver());
    expect(silent).toMatchObject({ ok: false, error: { code: 'guard-failed', missing: [expect.objectContaining({ id: 'reason' })] } });
    const result = decideApproval(review, { outcome: 'reject', comment: 'Risk owner missing', actor: WALTER, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, approver());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.review.workflow.stage).toBe('in_review');
    expect(approvalState(result.value.review)).toEqual({ state: 'rejected', by: WALTER, at: LATER, comment: 'Risk owner missing' });
  });

  it('only a review awaiting approval can be decided', () => {
    const review = decided(phishingReview());
    expect(decideApproval(review, { outcome: 'approve', comment: '', actor: WALTER, at: LATER, baseVersion: review.version, requireIndependentApprover: true }, approver())).toMatchObject({ ok: false, error: { code: 'transition-not-allowed' } });
  });

  it('changing an approved decision reopens approval and says so in the audit trail', () => {
    const approved: Review = { ...decided(phishingReview()), workflow: { stage: 'approved', history: [{ from: 'awaiting_approval', to: 'approved', by: WALTER, at: AT }] } };
    const changed = [
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Introduce call-back verification for bank changes.' },
      { rootCauseId: 'r2', option: 'corrective-action', rationale: 'Budget found: roll out FIDO2 now.' },
    ];
    const result = applySectionUpdate(approved, 'decisions', changed, { actor: FOX, at: LATER, baseVersion: approved.version });
    if (!result.ok || !result.value.changed) throw new Error('not saved');
    const { review, auditEvent } = result.value;
    expect(review.workflow.stage).toBe('in_review');
    expect(review.workflow.history.at(-1)).toMatchObject({ from: 'approved', to: 'in_review', by: FOX, reason: expect.stringContaining('need approval again') as unknown });
    expect(approvalState(review)).toMatchObject({ state: 'reopened', by: FOX });
    expect(auditEvent.section).toBe('decisions');
    expect(auditEvent.reason).toContain('after approval');
    expect(auditEvent.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'decisions[1].option', before: 'manage-as-risk', after: 'corrective-action' }),
      expect.objectContaining({ path: 'workflow.stage', before: 'Approved', after: 'In review' }),
    ]));
    expect(review.decisions[1]).toMatchObject({ decidedBy: FOX, decidedAt: LATER });
    // Saving the same decisions again changes nothing and does not reopen anything.
    const same = applySectionUpdate(approved, 'decisions', approved.decisions, { actor: FOX, at: LATER, baseVersion: approved.version });
    expect(same).toMatchObject({ ok: true, value: { changed: false } });
  });
});
