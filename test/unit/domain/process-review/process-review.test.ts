import { newProcessReview, processReviewStatus } from '../../../../src/domain/process-review';

const input = {
  heldOn: '2026-01-20',
  participants: ['712020:3a4c0000-0000-4000-8000-000000000003'],
  inputs: { periodFrom: '2025-01-01', periodTo: '2025-12-31', kpis: [{ label: 'Reviews in time', value: '83 %' }], notes: '  Audit IA-7  ' },
  findings: ['  Medium incidents lack reviews. '],
  actions: [{ summary: 'Mandatory reviews for medium', ownerAccountId: '712020:0e3e0000-0000-4000-8000-000000000004', targetDate: '2026-04-30' }],
  nextReviewDate: '2027-01-20',
};
const identity = { id: 'pr1', projectKey: 'SEC', actor: 'me', at: '2026-01-20T10:00:00Z', actionIds: ['a1'] };

test('a valid review is recorded with trimmed texts and pending actions', () => {
  const result = newProcessReview(input, identity);
  expect(result.ok && result.value).toMatchObject({ id: 'pr1', version: 1, findings: ['Medium incidents lack reviews.'], inputs: { notes: 'Audit IA-7' }, actions: [{ id: 'a1', status: 'pending' }] });
});

test.each([
  [{ participants: [] }, 'review.participants'],
  [{ findings: [] }, 'review.findings'],
  [{ findings: ['  '] }, 'review.findings.0'],
  [{ nextReviewDate: '2026-01-20' }, 'review.nextReviewDate'],
  [{ inputs: { ...input.inputs, periodTo: '2024-12-31' } }, 'review.inputs.periodTo'],
  [{ actions: [{ ...input.actions[0], targetDate: '30/04/2026' }] }, 'review.actions.0.targetDate'],
  [{ heldOn: 'yesterday' }, 'review.heldOn'],
])('%j is refused, naming %s', (change, field) => {
  const result = newProcessReview({ ...input, ...change }, identity);
  expect(result.ok ? 'ok' : result.error.field).toBe(field);
});

test('status: never, scheduled, due soon, overdue', () => {
  expect(processReviewStatus(undefined, '2026-02-01')).toEqual({ state: 'never', overdue: false, daysOverdue: 0 });
  const latest = { heldOn: '2026-01-20', nextReviewDate: '2027-01-20' };
  expect(processReviewStatus(latest, '2026-02-01')).toMatchObject({ state: 'scheduled', overdue: false });
  expect(processReviewStatus(latest, '2026-12-25')).toMatchObject({ state: 'due-soon', overdue: false });
  expect(processReviewStatus(latest, '2027-01-20')).toMatchObject({ state: 'due-soon', overdue: false, daysOverdue: 0 });
  expect(processReviewStatus(latest, '2027-01-25')).toEqual({ state: 'overdue', overdue: true, lastHeldOn: '2026-01-20', nextReviewDate: '2027-01-20', daysOverdue: 5 });
});
