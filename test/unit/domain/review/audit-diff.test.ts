import { diffForAudit, formatAuditChange, MAX_AUDIT_VALUE_LENGTH } from '../../../../src/domain/review';
import { phishingReview } from './fixtures';

describe('audit diff', () => {
  const review = phishingReview();

  it('records changed scalars with old and new values', () => {
    const after = { ...review.facts, severity: 'critical' as const };
    expect(diffForAudit(review.facts, after, 'facts')).toEqual([
      { path: 'facts.severity', kind: 'changed', before: 'high', after: 'critical' },
    ]);
  });

  it('records nested leaves, including optional values added and removed', () => {
    const { containedAt: _contained, ...rest } = review.facts.timestamps;
    const after = { ...review.facts, timestamps: { ...rest, detectedAt: '2025-03-05T14:45:00Z' } };
    expect(diffForAudit(review.facts, after, 'facts')).toEqual([
      { path: 'facts.timestamps.detectedAt', kind: 'changed', before: '2025-03-05T14:40:00Z', after: '2025-03-05T14:45:00Z' },
      { path: 'facts.timestamps.containedAt', kind: 'removed', before: '2025-03-05T16:30:00Z' },
    ]);
  });

  it('diffs lists of plain values as added / removed items', () => {
    const after = { ...review.facts, tags: ['phishing', 'finance', 'm365'] };
    expect(diffForAudit(review.facts, after, 'facts')).toEqual([
      { path: 'facts.tags', kind: 'removed', before: 'bec' },
      { path: 'facts.tags', kind: 'added', after: 'm365' },
    ]);
    const reordered = { ...review.facts, remediationSteps: [...review.facts.remediationSteps].reverse() };
    expect(diffForAudit(review.facts, reordered, 'facts')).toMatchObject([{ path: 'facts.remediationSteps', kind: 'reordered' }]);
  });

  it('diffs entries by id: one insertion is one "added", not a cascade of changes', () => {
    const inserted = { id: 't9', at: '2025-03-03T09:00:00Z', text: 'Attacker creates inbox rule' };
    const after = [review.timeline[0], review.timeline[1], inserted, review.timeline[2], review.timeline[3]];
    expect(diffForAudit(review.timeline, after, 'timeline')).toEqual([
      { path: 'timeline[id=t9]', kind: 'added', after: 'Attacker creates inbox rule' },
    ]);
  });

  it('diffs entries by id: removed and changed', () => {
    const after = review.timeline.filter((entry) => entry.id !== 't2').map((entry) => (entry.id === 't3' ? { ...entry, text: 'Supplier phoned AP' } : entry));
    expect(diffForAudit(review.timeline, after, 'timeline')).toEqual([
      { path: 'timeline[id=t2]', kind: 'removed', before: 'Credentials entered on fake login page' },
      { path: 'timeline[id=t3].text', kind: 'changed', before: 'Supplier calls about changed bank details', after: 'Supplier phoned AP' },
    ]);
  });

  it('diffs entries without ids by position (why-steps) inside entries with ids (chains)', () => {
    const [chain] = review.fiveWhys;
    if (!chain) throw new Error('fixture');
    const after = [{ ...chain, steps: [...chain.steps.slice(0, 2), { ...chain.steps[2], why: 'Why did no one check?', because: 'No call-back rule' }] }];
    expect(diffForAudit(review.fiveWhys, after, 'fiveWhys')).toEqual([
      { path: 'fiveWhys[id=c1].steps[2].why', kind: 'changed', before: 'Why did no one verify it?', after: 'Why did no one check?' },
      { path: 'fiveWhys[id=c1].steps[2].because', kind: 'changed', before: 'Bank-detail changes need no call-back verification', after: 'No call-back rule' },
    ]);
  });

  it('renders a root cause source change compactly', () => {
    const after = review.rootCauses.map((rootCause) => (rootCause.id === 'r1' ? { ...rootCause, source: { kind: 'manual' as const } } : rootCause));
    expect(diffForAudit(review.rootCauses, after, 'rootCauses')).toEqual([
      { path: 'rootCauses[id=r1].source.kind', kind: 'changed', before: 'five-whys', after: 'manual' },
      { path: 'rootCauses[id=r1].source.chainId', kind: 'removed', before: 'c1' },
    ]);
  });

  it('reports an order change of entries with ids', () => {
    expect(diffForAudit(review.timeline, [...review.timeline].reverse(), 'timeline')).toEqual([
      { path: 'timeline', kind: 'reordered', before: 't1, t2, t3, t4', after: 't4, t3, t2, t1' },
    ]);
  });

  it('returns nothing for equal values and truncates long values', () => {
    expect(diffForAudit(review, structuredClone(review))).toEqual([]);
    const [change] = diffForAudit({ impact: 'a' }, { impact: 'b'.repeat(1000) });
    expect(change?.after).toHaveLength(MAX_AUDIT_VALUE_LENGTH);
    expect(change?.after?.endsWith('…')).toBe(true);
  });

  it('formats one line per change', () => {
    expect(formatAuditChange({ path: 'facts.severity', kind: 'changed', before: 'high', after: 'critical' })).toBe('facts.severity: high → critical');
    expect(formatAuditChange({ path: 'facts.tags', kind: 'added', after: 'm365' })).toBe('facts.tags: added m365');
    expect(formatAuditChange({ path: 'timeline[id=t2]', kind: 'removed', before: 'x' })).toBe('timeline[id=t2]: removed x');
    expect(formatAuditChange({ path: 'timeline', kind: 'reordered' })).toBe('timeline: reordered');
  });
});
