import {
  REVIEW_STAGES,
  TRANSITION_RULES,
  availableTransitions,
  checklistFor,
  currentApproval,
  missingItems,
  transition,
  type Review,
  type ReviewStage,
  type TransitionOptions,
} from '../../../../src/domain/review';
import { DANA, FOX, WALTER, draftReview, lostLaptopFacts, phishingReview } from './fixtures';

const AT = '2025-03-11T09:00:00Z';

const move = (review: Review, target: ReviewStage, actor: string, options: TransitionOptions = {}): Review => {
  const result = transition(review, target, actor, AT, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.review;
};

const missingIds = (review: Review, target: ReviewStage, actor?: string) =>
  missingItems(checklistFor(review, target, actor ? { actor } : {})).map((entry) => entry.id);

describe('allowed transitions', () => {
  const pairs = REVIEW_STAGES.flatMap((from) => REVIEW_STAGES.map((to) => [from, to] as const)).filter(([from, to]) => from !== to);
  const allowed = new Set(TRANSITION_RULES.map((rule) => `${rule.from}->${rule.to}`));

  it('offers exactly forward steps, withdraw, reject and reopen', () => {
    expect([...allowed]).toEqual([
      'draft->in_review',
      'in_review->draft',
      'in_review->awaiting_approval',
      'awaiting_approval->in_review',
      'awaiting_approval->approved',
      'approved->closed',
      'approved->in_review',
      'closed->in_review',
    ]);
  });

  it.each(pairs.filter(([from, to]) => !allowed.has(`${from}->${to}`)))('refuses %s → %s', (from, to) => {
    const review = phishingReview(from);
    const result = transition(review, to, WALTER, AT, { reason: 'because' });
    expect(result).toMatchObject({ ok: false, error: { code: 'transition-not-allowed', field: 'workflow.stage' } });
  });
});

describe('draft → in review', () => {
  it('lists what is missing on an empty draft and refuses', () => {
    const draft = draftReview();
    expect(missingIds(draft, 'in_review')).toEqual([
      'facts.summary', 'facts.type', 'facts.severity', 'facts.cia', 'facts.impact', 'people.incidentManager',
    ]);
    const result = transition(draft, 'in_review', DANA, AT);
    expect(result).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
    expect(!result.ok && result.error.message).toMatch(/^Still missing before "Submit for review": Summary filled in; Incident type chosen/);
  });

  it('moves a complete draft, recording who and when, bumping the version and auditing it', () => {
    const review = phishingReview('draft');
    const result = transition(review, 'in_review', DANA, AT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.review.workflow).toEqual({ stage: 'in_review', history: [{ from: 'draft', to: 'in_review', by: DANA, at: AT }] });
    expect(result.value.review).toMatchObject({ version: review.version + 1, updatedBy: DANA, updatedAt: AT });
    expect(result.value.auditEvent).toMatchObject({
      kind: 'stage-changed',
      section: 'workflow',
      by: DANA,
      at: AT,
      version: review.version + 1,
      changes: [{ path: 'workflow.stage', kind: 'changed', before: 'Draft', after: 'In review' }],
    });
  });
});

describe('in review → draft / awaiting approval', () => {
  it('can go back to draft without a reason', () => {
    expect(move(phishingReview('in_review'), 'draft', DANA).workflow.stage).toBe('draft');
  });

  it('needs timestamps, timeline, meeting, root cause and lessons before approval is requested', () => {
    const laptop: Review = { ...draftReview(lostLaptopFacts()), people: { ...draftReview().people, incidentManager: DANA }, workflow: { stage: 'in_review', history: [] } };
    const items = checklistFor(laptop, 'awaiting_approval');
    expect(items.find((entry) => entry.id === 'facts.timestamps')).toEqual({
      id: 'facts.timestamps',
      label: 'Key times recorded (missing: detected, contained, resolved)',
      done: false,
    });
    expect(missingIds(laptop, 'awaiting_approval')).toEqual([
      'facts.timestamps', 'facts.remediation', 'timeline.entries', 'people.meeting', 'rootCauses.any',
      'lessons.whatWasTheIncident', 'lessons.whatHappened', 'lessons.whatWasTheImpact', 'lessons.howEffectiveWasTheResponse',
      'lessons.whatWentWell', 'lessons.whatWouldWeDoDifferently', 'lessons.whatImprovementsAreNeeded',
    ]);
    expect(transition(laptop, 'awaiting_approval', DANA, AT)).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
  });

  it('refuses when a single lessons question is unanswered, naming it', () => {
    const review = phishingReview('in_review');
    const result = transition({ ...review, lessons: { ...review.lessons, whatWentWell: '  ' } }, 'awaiting_approval', DANA, AT);
    expect(!result.ok && result.error.code === 'guard-failed' && result.error.missing).toEqual([
      { id: 'lessons.whatWentWell', label: 'Lessons learned: "What went well?" answered', done: false },
    ]);
  });

  it('moves a complete review to awaiting approval', () => {
    expect(move(phishingReview('in_review'), 'awaiting_approval', DANA).workflow.stage).toBe('awaiting_approval');
  });
});

describe('awaiting approval → approved / back to review', () => {
  const submitted = () => move(phishingReview('in_review'), 'awaiting_approval', DANA);

  it('is approved by someone other than the requester', () => {
    const approved = move(submitted(), 'approved', WALTER);
    expect(approved.workflow.stage).toBe('approved');
    expect(currentApproval(approved)).toEqual({ by: WALTER, at: AT });
  });

  it('refuses self-approval unless the project allows it', () => {
    const result = transition(submitted(), 'approved', DANA, AT);
    expect(!result.ok && result.error.code === 'guard-failed' && result.error.missing.map((entry) => entry.id)).toEqual(['approval.independent']);
    expect(transition(submitted(), 'approved', DANA, AT, { requireIndependentApprover: false }).ok).toBe(true);
  });

  it('takes extra approval prerequisites from the caller (future decision approval)', () => {
    const decisionsPending = { approved: [{ id: 'decisions.approved', label: 'Every root cause has an approved decision', done: false }] };
    const result = transition(submitted(), 'approved', WALTER, AT, { extraItems: decisionsPending });
    expect(!result.ok && result.error.message).toBe('Still missing before "Approve": Every root cause has an approved decision.');
    const done = { approved: [{ id: 'decisions.approved', label: 'Every root cause has an approved decision', done: true }] };
    expect(transition(submitted(), 'approved', WALTER, AT, { extraItems: done }).ok).toBe(true);
  });

  it('rejection needs a reason, which is kept in the history and the audit event', () => {
    expect(transition(submitted(), 'in_review', WALTER, AT)).toMatchObject({
      ok: false,
      error: { code: 'guard-failed', missing: [{ id: 'reason', label: 'Reason given', done: false }] },
    });
    const result = transition(submitted(), 'in_review', WALTER, AT, { reason: '  Impact lacks the GDPR assessment  ' });
    expect(result.ok && result.value.review.workflow.history.at(-1)).toEqual({
      from: 'awaiting_approval', to: 'in_review', by: WALTER, at: AT, reason: 'Impact lacks the GDPR assessment',
    });
    expect(result.ok && result.value.auditEvent.reason).toBe('Impact lacks the GDPR assessment');
  });
});

describe('approved → closed and reopening', () => {
  const approved = () => move(move(phishingReview('in_review'), 'awaiting_approval', DANA), 'approved', WALTER);

  it('closes, optionally behind extra closure items (e.g. corrective actions raised)', () => {
    expect(move(approved(), 'closed', WALTER).workflow.stage).toBe('closed');
    const pending = { closed: [{ id: 'actions.created', label: 'Corrective actions raised', done: false }] };
    expect(transition(approved(), 'closed', WALTER, AT, { extraItems: pending })).toMatchObject({ ok: false, error: { code: 'guard-failed' } });
  });

  it('reopens an approved review with a reason, which voids the approval', () => {
    expect(transition(approved(), 'in_review', DANA, AT).ok).toBe(false);
    const reopened = move(approved(), 'in_review', DANA, { reason: 'Forensics found a second mailbox' });
    expect(reopened.workflow.stage).toBe('in_review');
    expect(currentApproval(reopened)).toBeUndefined();
  });

  it('reopens a closed review with a reason (e.g. a recurrence)', () => {
    const closed = move(approved(), 'closed', WALTER);
    expect(currentApproval(closed)).toEqual({ by: WALTER, at: AT });
    expect(move(closed, 'in_review', FOX, { reason: 'Same root cause recurred in SEC-77' }).workflow.stage).toBe('in_review');
  });
});

describe('concurrency and history', () => {
  it('refuses a stale base version naming who changed the review and when', () => {
    const review = { ...phishingReview('in_review'), version: 7, updatedBy: FOX, updatedAt: '2025-03-10T15:04:00Z' };
    const result = transition(review, 'awaiting_approval', DANA, AT, { baseVersion: 6, nameOf: (id) => (id === FOX ? 'Fox Mulder' : undefined) });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'This review was changed by Fox Mulder at 2025-03-10 15:04 UTC — reload to see their change.',
        changedBy: FOX,
        changedAt: '2025-03-10T15:04:00Z',
        currentVersion: 7,
      },
    });
  });

  it('keeps the last 50 stage changes in the document', () => {
    let review = phishingReview('in_review');
    for (let round = 0; round < 30; round += 1) {
      review = move(move(review, 'draft', DANA), 'in_review', DANA);
    }
    expect(review.workflow.history).toHaveLength(50);
    expect(review.version).toBe(phishingReview().version + 60);
  });

  it('lists the transitions available from the current stage with their checklists', () => {
    const offered = availableTransitions(move(phishingReview('in_review'), 'awaiting_approval', DANA), { actor: WALTER });
    expect(offered.map((entry) => [entry.action, entry.ready])).toEqual([
      ['Reject', true],
      ['Approve', true],
    ]);
    const selfApproval = availableTransitions(move(phishingReview('in_review'), 'awaiting_approval', DANA), { actor: DANA });
    expect(selfApproval.find((entry) => entry.to === 'approved')?.ready).toBe(false);
  });
});
