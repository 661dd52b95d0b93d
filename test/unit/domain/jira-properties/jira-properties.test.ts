import { actionPropertyValue, canonicalJson, glanceLabel, reviewPropertyValue } from '../../../../src/domain/jira-properties';
import type { Review } from '../../../../src/domain/review';
import { INCIDENT, WALTER, phishingReview } from '../review/fixtures';
import { AT, action } from '../actions/fixtures';



const approved = (): Review => {
  const review = phishingReview('approved');
  return { ...review, workflow: { stage: 'approved', history: [...review.workflow.history, { from: 'awaiting_approval', to: 'approved', by: WALTER, at: '2025-03-20T10:00:00Z' }] } };
};

describe('the incident property', () => {
  it('summarises stage, approval, root causes and actions without any of the review text', () => {
    const value = reviewPropertyValue(approved(), [action(), action({ id: 'a2', targetDate: '2025-05-01' }), action({ id: 'a3', status: 'done' }), action({ id: 'a4', status: 'draft', targetDate: '2025-03-01' })], '2025-04-20');
    expect(value).toEqual({
      stage: 'approved',
      approval: 'approved',
      approvedAt: '2025-03-20',
      rootCauseCount: 2,
      rootCauseCategories: ['access-control', 'policy-process'],
      incidentType: 'malicious',
      severity: 'high',
      openActions: 3,
      overdueActions: 2,
    });
    expect(JSON.stringify(value)).not.toMatch(/phishing|finance/i);
  });

  it('a review not approved has no approval day; unknown facts say so', () => {
    const review = phishingReview('draft');
    const value = reviewPropertyValue({ ...review, facts: { ...review.facts, type: undefined, severity: undefined } }, [], '2025-04-20');
    expect(value).toMatchObject({ stage: 'draft', approval: 'not-requested', incidentType: 'unknown', severity: 'unknown', openActions: 0, overdueActions: 0 });
    expect(value).not.toHaveProperty('approvedAt');
  });

  it('an action due today is not overdue yet', () => {
    expect(reviewPropertyValue(approved(), [action({ targetDate: '2025-04-20' })], '2025-04-20').overdueActions).toBe(0);
    expect(reviewPropertyValue(approved(), [action({ targetDate: '2025-04-20' })], '2025-04-21').overdueActions).toBe(1);
  });
});

describe('the action property', () => {
  it('keeps the idempotency key and adds what JQL filters on', () => {
    expect(actionPropertyValue(action())).toEqual({ actionId: 'a1', incidentId: INCIDENT.issueId, incidentKey: INCIDENT.issueKey, rootCauseCategory: 'policy-process', kind: 'corrective', verified: false, effectiveness: 'pending' });
    const judged = action({ status: 'done', verification: { by: WALTER, at: AT, evidence: 'Seen' }, effectiveness: { verdict: 'not-effective', judgedAt: AT, windowDays: 90 } });
    expect(actionPropertyValue(judged)).toMatchObject({ verified: true, effectiveness: 'not-effective' });
  });
});

describe('canonical JSON (what the hash is taken of)', () => {
  it('is the same whatever the key order, and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe('the glance line', () => {
  it('reads like a sentence', () => {
    expect(glanceLabel({ stage: 'awaiting_approval', openActions: 3, overdueActions: 2 })).toBe('Review: awaiting approval · 2 actions overdue');
    expect(glanceLabel({ stage: 'in_review', openActions: 1, overdueActions: 0 })).toBe('Review: in review · 1 open action');
    expect(glanceLabel({ stage: 'closed', openActions: 0, overdueActions: 0 })).toBe('Review: closed · no open actions');
    expect(glanceLabel(undefined)).toBe('No review yet');
  });
});
