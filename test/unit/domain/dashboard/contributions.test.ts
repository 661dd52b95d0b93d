import {
  OPEN_PERIOD,
  actionContribution,
  addCounters,
  contributionDelta,
  incidentInstant,
  reviewContribution,
  reviewLagDays,
  stageSince,
  sumContributions,
} from '../../../../src/domain/dashboard';
import { DANA } from '../review/fixtures';
import { action, emptyReview, reviewWith } from './fixtures';

const HOUR = 3_600_000;

describe('what a review adds to the rollups', () => {
  test('an incident is counted in the month it occurred, with type, severity, categories and durations', () => {
    const review = reviewWith({
      timestamps: { occurredAt: '2026-03-02T08:00:00.000Z', detectedAt: '2026-03-02T10:00:00.000Z', containedAt: '2026-03-02T13:00:00.000Z', resolvedAt: '2026-03-04T10:00:00.000Z' },
      severity: 'high',
      type: 'malicious',
      categories: ['access-control', 'access-control', 'policy-process'],
    });
    const contribution = reviewContribution(review);
    expect(contribution['2026-03']).toEqual({
      incidents: 1,
      'type|malicious': 1,
      'severity|high': 1,
      'category|access-control': 1,
      'category|policy-process': 1,
      'rootCauses|access-control': 2,
      'rootCauses|policy-process': 1,
      'detect|sum': 2 * HOUR,
      'detect|n': 1,
      'contain|sum': 3 * HOUR,
      'contain|n': 1,
      'resolve|sum': 48 * HOUR,
      'resolve|n': 1,
    });
    expect(contribution[OPEN_PERIOD]).toEqual({ 'stage|draft': 1 });
  });

  test('an incident without timestamps: the month the review started, unknown type and severity, no durations', () => {
    const review = emptyReview('2026-05-31T23:59:00.000Z');
    expect(incidentInstant(review)).toBe('2026-05-31T23:59:00.000Z');
    expect(reviewContribution(review)['2026-05']).toEqual({ incidents: 1, 'type|unknown': 1, 'severity|unknown': 1 });
  });

  test('the earliest known timestamp decides the month; a duration needs both of its ends', () => {
    const review = reviewWith({ timestamps: { detectedAt: '2026-04-30T22:00:00.000Z', resolvedAt: '2026-05-01T02:00:00.000Z' } });
    const contribution = reviewContribution(review);
    expect(Object.keys(contribution)).toEqual(['2026-04', OPEN_PERIOD]);
    expect(contribution['2026-04']?.['detect|n']).toBeUndefined();
    expect(contribution['2026-04']?.['contain|n']).toBeUndefined();
    expect(contribution['2026-04']?.['resolve|sum']).toBe(4 * HOUR);
  });

  test('an approved review records its lag from resolution in whole days (rounded up), per severity', () => {
    const approvedAt = '2026-03-18T09:00:00.000Z';
    const review = reviewWith({
      timestamps: { occurredAt: '2026-03-01T08:00:00.000Z', resolvedAt: '2026-03-04T10:00:00.000Z' },
      severity: 'critical',
      stage: 'approved',
      history: [{ from: 'awaiting_approval', to: 'approved', by: DANA, at: approvedAt }],
    });
    expect(reviewLagDays('2026-03-04T10:00:00.000Z', approvedAt)).toBe(14);
    expect(reviewContribution(review)['2026-03']).toMatchObject({ 'reviewed|critical': 1, 'reviewLag|critical|14': 1 });
    expect(reviewLagDays('2026-03-04T10:00:00.000Z', '2026-03-04T10:00:00.000Z')).toBe(0);
    expect(reviewLagDays('2026-03-04T10:00:00.000Z', '2026-03-18T10:00:01.000Z')).toBe(15);
    expect(reviewLagDays('2024-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(400);
  });

  test('a reopened review is no longer counted as reviewed', () => {
    const review = reviewWith({
      stage: 'in_review',
      history: [
        { from: 'awaiting_approval', to: 'approved', by: DANA, at: '2026-03-10T09:00:00.000Z' },
        { from: 'approved', to: 'in_review', by: DANA, at: '2026-03-12T09:00:00.000Z', reason: 'New facts' },
      ],
    });
    const month = Object.values(reviewContribution(review))[0] ?? {};
    expect(Object.keys(month).some((key) => key.startsWith('reviewed'))).toBe(false);
    expect(stageSince(review)).toBe('2026-03-12T09:00:00.000Z');
  });
});

describe('what an action adds to the rollups', () => {
  test('open work counts by due day and owner in the project-wide record', () => {
    for (const status of ['draft', 'todo', 'in-progress'] as const) {
      expect(actionContribution(action({ status }))).toEqual({ [OPEN_PERIOD]: { 'openDue|2026-03-31': 1, [`openOwner|${DANA}`]: 1 } });
    }
  });

  test('completed on the target day is on time, the day after is late (UTC days)', () => {
    const onTime = actionContribution(action({ status: 'done', resolvedAt: '2026-03-31T23:59:00.000Z' }));
    expect(onTime['2026-03']).toEqual({ 'actions|closed': 1, 'actions|onTime': 1, 'actions|closeDays': 30 });
    const late = actionContribution(action({ status: 'done', resolvedAt: '2026-04-01T00:00:00.000Z' }));
    expect(late['2026-04']).toEqual({ 'actions|closed': 1, 'actions|closeDays': 31 });
  });

  test('verification and effectiveness are counted in the month of completion', () => {
    const done = action({
      status: 'done',
      resolvedAt: '2026-03-20T10:00:00.000Z',
      verification: { by: 'someone-else', at: '2026-03-22T10:00:00.000Z', evidence: 'Checked' },
      effectiveness: { verdict: 'not-effective', judgedAt: '2026-05-01T00:00:00.000Z', windowDays: 90, recurrence: { issueId: '1', issueKey: 'SEC-2' } },
    });
    expect(actionContribution(done)['2026-03']).toMatchObject({ 'actions|verified': 1, 'actions|notEffective': 1 });
    expect(actionContribution(action({ ...done, effectiveness: { verdict: 'effective', judgedAt: '2026-07-01T00:00:00.000Z', windowDays: 90 } }))['2026-03']).toMatchObject({ 'actions|effective': 1 });
  });

  test('deleted actions and done actions without a resolution time add nothing', () => {
    expect(actionContribution(action({ status: 'deleted' }))).toEqual({});
    expect(actionContribution(action({ status: 'done' }))).toEqual({});
  });
});

describe('counters', () => {
  test('adding a delta and taking it away gives back exactly what was there', () => {
    const before = reviewContribution(reviewWith({ severity: 'low', stage: 'draft' }));
    const after = reviewContribution(reviewWith({ severity: 'high', stage: 'in_review', categories: ['supplier'] }));
    const delta = contributionDelta(before, after);
    const rebuilt = sumContributions([before, delta]);
    expect(rebuilt).toEqual(after);
    expect(contributionDelta(after, after)).toEqual({});
    expect(addCounters({ a: 1 }, { a: 1 }, -1)).toEqual({});
  });
});
