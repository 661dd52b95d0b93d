import {
  applyObservation,
  creationReport,
  daysOverdue,
  editDraftAction,
  judgeEffectiveness,
  planAction,
  reconcileBulkCreate,
  verifyAction,
  type LaterIncident,
} from '../../../../src/domain/actions';
import { applySectionUpdate, type Review } from '../../../../src/domain/review';
import { DANA, FOX, INCIDENT, WALTER, phishingReview } from '../review/fixtures';
import { AT, action } from './fixtures';


function withDecisions(review: Review = phishingReview()): Review {
  const result = applySectionUpdate(
    review,
    'decisions',
    [
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Call-back verification.' },
      { rootCauseId: 'r2', option: 'manage-as-risk', rationale: 'Register the risk.' },
    ],
    { actor: DANA, at: AT, baseVersion: review.version },
  );
  if (!result.ok || !result.value.changed) throw new Error('not saved');
  return result.value.review;
}

const planContext = (overrides: Partial<Parameters<typeof planAction>[2]> = {}) => ({ id: 'a1', actor: DANA, at: AT, defaultDueDays: 30, riskTreatments: new Map(), existingCount: 0, ...overrides });


describe('planning actions from decisions', () => {
  it('a corrective-action decision takes corrective actions, due in the project default', () => {
    const result = planAction(withDecisions(), { rootCauseId: 'r1', summary: ' Call-back for bank changes ', ownerAccountId: FOX }, planContext());
    expect(result).toMatchObject({ ok: true, value: { kind: 'corrective', status: 'draft', summary: 'Call-back for bank changes', targetDate: '2025-04-11', rootCauseCategory: 'policy-process', incident: INCIDENT } });
  });

  it('needs a decision that calls for actions; a risk must be mitigated (accepted risks are register-only)', () => {
    expect(planAction(phishingReview(), { rootCauseId: 'r1', summary: 'x', ownerAccountId: FOX }, planContext())).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const review = withDecisions();
    expect(planAction(review, { rootCauseId: 'r2', summary: 'x', ownerAccountId: FOX }, planContext({ riskTreatments: new Map([['r2', ['accept']]]) }))).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('accepted') as unknown } });
    expect(planAction(review, { rootCauseId: 'r2', summary: 'x', ownerAccountId: FOX }, planContext({ riskTreatments: new Map([['r2', ['mitigate']]]) }))).toMatchObject({ ok: true, value: { kind: 'risk-treatment' } });
    expect(planAction(review, { rootCauseId: 'gone', summary: 'x', ownerAccountId: FOX }, planContext())).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(planAction(review, { rootCauseId: 'r1', summary: 'x', ownerAccountId: FOX, targetDate: '2025-02-30' }, planContext())).toMatchObject({ ok: false, error: { field: 'action.targetDate' } });
    expect(planAction(review, { rootCauseId: 'r1', summary: 'x', ownerAccountId: FOX }, planContext({ existingCount: 50 }))).toMatchObject({ ok: false });
  });

  it('drafts can be edited; an action that is a Jira issue is changed in Jira', () => {
    const draft = action({ status: 'draft', version: 1 });
    delete draft.jira;
    const edited = editDraftAction(draft, { summary: 'New', ownerAccountId: WALTER, targetDate: '2025-05-01' }, { actor: DANA, at: AT, baseVersion: 1 });
    expect(edited).toMatchObject({ ok: true, value: { changed: true, action: { summary: 'New', ownerAccountId: WALTER, targetDate: '2025-05-01', version: 2 } } });
    expect(editDraftAction(draft, { summary: 'New', ownerAccountId: WALTER }, { actor: DANA, at: AT, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(editDraftAction(action(), { summary: 'New', ownerAccountId: WALTER }, { actor: DANA, at: AT, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('ISMS-7') as unknown } });
  });
});

describe('reading a bulk-create answer back onto the actions', () => {
  it('maps created issues in request order, skipping failed elements', () => {
    const outcomes = reconcileBulkCreate(['a', 'b', 'c', 'd'], { issues: [{ id: '1', key: 'ISMS-1' }, { id: '3', key: 'ISMS-3' }, { id: '4', key: 'ISMS-4' }], errors: [{ failedElementNumber: 1, message: 'assignee: cannot be assigned' }] });
    expect(outcomes).toEqual([
      { actionId: 'a', result: 'created', issue: { issueId: '1', issueKey: 'ISMS-1' } },
      { actionId: 'b', result: 'failed', message: 'assignee: cannot be assigned' },
      { actionId: 'c', result: 'created', issue: { issueId: '3', issueKey: 'ISMS-3' } },
      { actionId: 'd', result: 'created', issue: { issueId: '4', issueKey: 'ISMS-4' } },
    ]);
  });

  it('assumes nothing when the counts do not add up: the unmapped ones are looked up', () => {
    expect(reconcileBulkCreate(['a', 'b'], { issues: [{ id: '1', key: 'ISMS-1' }], errors: [] }).map((outcome) => outcome.result)).toEqual(['unconfirmed', 'unconfirmed']);
  });

  it('says plainly what happened', () => {
    expect(creationReport(4, { created: ['a', 'c', 'd'], recovered: [], failed: [{ actionId: 'b', message: 'assignee: cannot be assigned' }], unconfirmed: [] }).message).toBe(
      '3 of 4 created; 1 refused by Jira (assignee: cannot be assigned). Retry to finish — nothing will be created twice.',
    );
    expect(creationReport(2, { created: ['a'], recovered: ['b'], failed: [], unconfirmed: [] }).message).toBe('2 issues created and linked to the incident.');
    expect(creationReport(0, { created: [], recovered: [], failed: [], unconfirmed: [] }).message).toBe('Every action already has its Jira issue.');
    expect(creationReport(3, { created: [], recovered: [], failed: [], unconfirmed: ['a', 'b', 'c'] }).message).toContain('0 of 3 created; 3 not confirmed by Jira');
  });
});

describe('status sync from Jira events', () => {
  const T1 = '2025-03-20T10:00:00.000Z';
  const T2 = '2025-03-21T10:00:00.000Z';

  it('follows the status and records the resolution date; reopening clears it', () => {
    const inProgress = applyObservation(action(), { kind: 'updated', observedAt: T1, status: 'in-progress' }, WALTER, T1);
    expect(inProgress).toMatchObject({ changed: true, action: { status: 'in-progress', version: 3, observedAt: T1 } });
    const done = applyObservation(inProgress.action, { kind: 'updated', observedAt: T2, status: 'done' }, WALTER, T2);
    expect(done.action).toMatchObject({ status: 'done', resolvedAt: T2 });
    const reopened = applyObservation(done.action, { kind: 'updated', observedAt: '2025-03-22T10:00:00.000Z', status: 'todo' }, WALTER, T2);
    expect(reopened.action.status).toBe('todo');
    expect(reopened.action.resolvedAt).toBeUndefined();
  });

  it('is idempotent for a repeated event and ignores an older one arriving late', () => {
    const done = applyObservation(action(), { kind: 'updated', observedAt: T2, status: 'done' }, WALTER, T2).action;
    expect(applyObservation(done, { kind: 'updated', observedAt: T2, status: 'done' }, WALTER, T2).changed).toBe(false);
    expect(applyObservation(done, { kind: 'updated', observedAt: T1, status: 'in-progress' }, WALTER, T2).changed).toBe(false);
  });

  it('deletion is final, whenever it arrives', () => {
    const deleted = applyObservation(action(), { kind: 'deleted', observedAt: T1 }, WALTER, T2);
    expect(deleted).toMatchObject({ changed: true, action: { status: 'deleted' } });
    expect(applyObservation(deleted.action, { kind: 'deleted', observedAt: T1 }, WALTER, T2).changed).toBe(false);
    expect(applyObservation(deleted.action, { kind: 'updated', observedAt: T2, status: 'done' }, WALTER, T2).changed).toBe(false);
  });

  it('takes over a new owner and due date from Jira', () => {
    const moved = applyObservation(action(), { kind: 'updated', observedAt: T1, status: 'todo', ownerAccountId: WALTER, targetDate: '2025-05-01' }, WALTER, T1);
    expect(moved.action).toMatchObject({ ownerAccountId: WALTER, targetDate: '2025-05-01' });
  });
});

describe('R11 verification and effectiveness', () => {
  const done = action({ status: 'done', resolvedAt: '2025-04-01T12:00:00.000Z' });

  it('is verified by someone other than the owner, with evidence, once', () => {
    expect(verifyAction(done, { evidence: 'Checked' }, { actor: FOX, at: AT, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('other than its owner') as unknown } });
    expect(verifyAction(action(), { evidence: 'Checked' }, { actor: WALTER, at: AT, baseVersion: 2 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not done') as unknown } });
    expect(verifyAction(done, { evidence: '  ' }, { actor: WALTER, at: AT, baseVersion: 2 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(verifyAction(done, { evidence: 'ok', evidenceLink: 'javascript:x' }, { actor: WALTER, at: AT, baseVersion: 2 })).toMatchObject({ ok: false, error: { field: 'verification.evidenceLink' } });
    const verified = verifyAction(done, { evidence: 'Procedure FIN-7 v2 published', evidenceLink: 'https://intranet.example/fin-7' }, { actor: WALTER, at: AT, baseVersion: 2 });
    expect(verified).toMatchObject({ ok: true, value: { verification: { by: WALTER, at: AT, evidence: 'Procedure FIN-7 v2 published', evidenceLink: 'https://intranet.example/fin-7' }, version: 3 } });
    if (verified.ok) expect(verifyAction(verified.value, { evidence: 'again' }, { actor: WALTER, at: AT, baseVersion: 3 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('already') as unknown } });
  });

  const incident = (key: string, occurredAt: string, categories: string[]): LaterIncident => ({ issueId: key.replace(/\D/g, ''), issueKey: key, occurredAt, categories });

  it('a recurrence of the same category within the window → not effective, naming the first recurrence', () => {
    const incidents = [
      incident('SEC-60', '2025-05-20T00:00:00Z', ['policy-process']),
      incident('SEC-50', '2025-05-01T00:00:00Z', ['access-control', 'policy-process']),
      incident('SEC-40', '2025-03-01T00:00:00Z', ['policy-process']),
      { ...incident('SEC-42', '2025-04-10T00:00:00Z', ['policy-process']), issueId: INCIDENT.issueId },
    ];
    expect(judgeEffectiveness(done, incidents, 90, new Date('2025-06-01T00:00:00Z'))).toEqual({ verdict: 'not-effective', judgedAt: '2025-06-01T00:00:00.000Z', windowDays: 90, recurrence: { issueId: '50', issueKey: 'SEC-50' } });
  });

  it('no recurrence: pending while the window is open, effective after it', () => {
    const incidents = [incident('SEC-50', '2025-05-01T00:00:00Z', ['access-control']), incident('SEC-70', '2025-08-01T00:00:00Z', ['policy-process'])];
    expect(judgeEffectiveness(done, incidents, 90, new Date('2025-06-01T00:00:00Z'))).toEqual({ verdict: 'pending', decideAfter: '2025-06-30T12:00:00.000Z' });
    expect(judgeEffectiveness(done, incidents, 90, new Date('2025-07-01T00:00:00Z'))).toEqual({ verdict: 'effective', judgedAt: '2025-07-01T00:00:00.000Z', windowDays: 90 });
    expect(judgeEffectiveness(action(), incidents, 90, new Date('2025-07-01T00:00:00Z'))).toBeUndefined();
  });

  it('days overdue count only for open work', () => {
    expect(daysOverdue(action({ targetDate: '2025-04-01' }), '2025-04-11')).toBe(10);
    expect(daysOverdue(action({ targetDate: '2025-04-20' }), '2025-04-11')).toBe(0);
    expect(daysOverdue(action({ targetDate: '2025-04-01', status: 'done' }), '2025-04-11')).toBe(0);
    expect(daysOverdue(action({ targetDate: '2025-04-01', status: 'draft' }), '2025-04-11')).toBe(10);
  });
});
