import { createRisk, needsTreatmentActions, riskLevel, riskScore, updateRisk } from '../../../../src/domain/risks';
import { DANA, FOX } from '../review/fixtures';

const AT = '2025-03-12T09:00:00Z';
const input = { title: ' Phishing of finance staff ', description: 'BEC leading to payment fraud', treatment: 'mitigate', likelihood: 4, impact: 5, ownerAccountId: FOX, nextReviewDate: '2025-09-01' };

describe('R9 risk register', () => {
  it('rates likelihood × impact on the 5 × 5 matrix', () => {
    expect(riskScore(4, 5)).toBe(20);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });

  it('creates a risk with its owner and review date, open by default', () => {
    const result = createRisk(input, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT });
    expect(result).toMatchObject({ ok: true, value: { id: 'k1', projectKey: 'SEC', title: 'Phishing of finance staff', status: 'open', version: 1, createdBy: DANA } });
    if (result.ok) expect(needsTreatmentActions(result.value)).toBe(true);
    expect(needsTreatmentActions({ treatment: 'accept', status: 'open' })).toBe(false);
  });

  it('refuses ratings outside 1–5, an unknown treatment and a bad review date, naming the field', () => {
    expect(createRisk({ ...input, likelihood: 6 }, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT })).toMatchObject({ ok: false, error: { field: 'risk.likelihood', message: 'Likelihood must be at most 5' } });
    expect(createRisk({ ...input, impact: 2.5 }, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT })).toMatchObject({ ok: false, error: { field: 'risk.impact' } });
    expect(createRisk({ ...input, treatment: 'ignore' }, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT })).toMatchObject({ ok: false, error: { field: 'risk.treatment' } });
    expect(createRisk({ ...input, nextReviewDate: 'soon' }, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT })).toMatchObject({ ok: false, error: { field: 'risk.nextReviewDate' } });
  });

  it('updates are versioned: stale edits are refused, no-op edits write nothing', () => {
    const created = createRisk(input, { id: 'k1', projectKey: 'SEC' }, { actor: DANA, at: AT });
    if (!created.ok) throw new Error(created.error.message);
    const risk = created.value;
    expect(updateRisk(risk, input, { actor: FOX, at: AT, baseVersion: 1 })).toEqual({ ok: true, value: { risk, changed: false } });
    expect(updateRisk(risk, { ...input, treatment: 'accept' }, { actor: FOX, at: AT, baseVersion: 0 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(updateRisk(risk, { ...input, treatment: 'accept' }, { actor: FOX, at: '2025-03-13T00:00:00Z', baseVersion: 1 })).toMatchObject({ ok: true, value: { changed: true, risk: { treatment: 'accept', version: 2, updatedBy: FOX } } });
  });
});
