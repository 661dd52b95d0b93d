import { PERSONAS } from '../../sandbox/jira';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { approvedReview, reviewAwaitingApproval, reviewWithDecisions } from './decisions-fixture';

/** R7 decisions, R8 management approval, R9/R20 risk register — through the resolvers. */
let app: AppHarness;

beforeAll(() => {
  app = createAppHarness();
});

afterAll(() => {
  app.sandbox.close();
});

const RISK = { title: 'Phishing-resistant MFA missing for finance', description: 'Residual risk of BEC', treatment: 'mitigate', likelihood: 4, impact: 4, ownerAccountId: PERSONAS.mark.accountId, nextReviewDate: '2026-09-01' };

describe('decisions', () => {
  test('one decision per root cause, stamped with who and when by the server', async () => {
    const review = await reviewWithDecisions(app, 'SEC-11');
    expect(review.decisions.map((decision) => [decision.rootCauseId, decision.option, decision.decidedBy])).toEqual([
      ['r1', 'corrective-action', PERSONAS.rita.accountId],
      ['r2', 'continual-improvement', PERSONAS.rita.accountId],
    ]);
    const view = await app.data('rita', 'getDecisions', { issueKey: 'SEC-11' });
    expect(view.rootCauses.map((entry) => [entry.rootCause.id, entry.decision?.option, entry.actionKind])).toEqual([
      ['r1', 'corrective-action', 'corrective'],
      ['r2', 'continual-improvement', 'improvement'],
    ]);
    expect(view).toMatchObject({ stage: 'draft', decisionsEditable: true, canApprove: false, canCreateIssues: false, approval: { state: 'not-requested' } });
    expect(view.approvalChecklist).toEqual([expect.objectContaining({ id: 'decisions.complete', done: true })]);
  });
});

describe('R8 management approval', () => {
  test('a non-approver cannot approve or reject, by either resolver, and nothing changes', async () => {
    const review = await reviewAwaitingApproval(app, 'SEC-12');
    const before = app.storageSnapshot();
    // Rita is a member of SEC (she may edit the incident) but not of isms-approvers.
    const approve = await app.invoke('rita', 'decideApproval', { issueKey: 'SEC-12', outcome: 'approve', comment: '', baseVersion: review.version });
    expect(approve.ok ? 'ok' : approve.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('isms-approvers') as unknown });
    const viaWorkflow = await app.invoke('rita', 'transitionReview', { issueKey: 'SEC-12', target: 'approved', baseVersion: review.version });
    expect(viaWorkflow.ok ? 'ok' : viaWorkflow.error.code).toBe('FORBIDDEN');
    const reject = await app.invoke('rita', 'transitionReview', { issueKey: 'SEC-12', target: 'in_review', baseVersion: review.version, reason: 'withdraw' });
    expect(reject.ok ? 'ok' : reject.error.code).toBe('FORBIDDEN');
    // Owen may only view SEC: refused before anything else.
    const viewer = await app.invoke('owen', 'decideApproval', { issueKey: 'SEC-12', outcome: 'approve', comment: '', baseVersion: review.version });
    expect(viewer.ok ? 'ok' : viewer.error.code).toBe('FORBIDDEN');
    expect(app.storageSnapshot()).toBe(before);

    // Nor is she offered approve or reject; the approver is, with the approver rule in the checklist.
    const panel = await app.data('rita', 'getPanel', { issueKey: 'SEC-12' });
    expect(panel.transitions).toEqual([]);
    const approverPanel = await app.data('mark', 'getPanel', { issueKey: 'SEC-12' });
    expect(approverPanel.transitions.map((move) => move.to).sort()).toEqual(['approved', 'in_review']);
    const approveMove = approverPanel.transitions.find((move) => move.to === 'approved');
    expect(approveMove?.checklist.find((item) => item.id === 'approval.approver')).toMatchObject({ done: true, label: expect.stringContaining('isms-approvers') as unknown });
  });

  test('the approver approves with a comment: approver, date and comment are recorded', async () => {
    const review = await reviewAwaitingApproval(app, 'SEC-13');
    const panel = await app.data('mark', 'getPanel', { issueKey: 'SEC-13' });
    expect(panel.transitions.find((move) => move.to === 'approved')?.ready).toBe(true);
    const view = await app.data('mark', 'decideApproval', { issueKey: 'SEC-13', outcome: 'approve', comment: 'Agreed, fund the FIDO2 keys.', baseVersion: review.version });
    expect(view.stage).toBe('approved');
    expect(view.approval).toMatchObject({ state: 'approved', by: PERSONAS.mark.accountId, comment: 'Agreed, fund the FIDO2 keys.' });
    expect(view.canCreateIssues).toBe(true);
    const history = await app.data('mark', 'getReviewHistory', { issueKey: 'SEC-13' });
    expect(history.events[0]).toMatchObject({ kind: 'stage-changed', by: PERSONAS.mark.accountId, comment: 'Agreed, fund the FIDO2 keys.' });
  });

  test('the approver rejects with a comment as the reason; the review goes back to in review', async () => {
    const review = await reviewAwaitingApproval(app, 'SEC-14');
    const silent = await app.invoke('mark', 'decideApproval', { issueKey: 'SEC-14', outcome: 'reject', comment: '', baseVersion: review.version });
    expect(silent.ok ? 'ok' : silent.error.code).toBe('NOT_READY');
    const view = await app.data('mark', 'decideApproval', { issueKey: 'SEC-14', outcome: 'reject', comment: 'Name a risk owner first.', baseVersion: review.version });
    expect(view.approval).toMatchObject({ state: 'rejected', by: PERSONAS.mark.accountId, comment: 'Name a risk owner first.' });
    expect(view.stage).toBe('in_review');
  });

  test('approval needs a decision for every root cause', async () => {
    const review = await reviewAwaitingApproval(app, 'SEC-15', [{ rootCauseId: 'r1', option: 'corrective-action', rationale: 'Call-back.' }]);
    const result = await app.invoke('mark', 'decideApproval', { issueKey: 'SEC-15', outcome: 'approve', comment: '', baseVersion: review.version });
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'NOT_READY', message: expect.stringContaining('A decision with rationale for every root cause') as unknown });
  });

  test('changing a decision after approval reopens approval and is recorded', async () => {
    await approvedReview(app, 'SEC-16');
    const view = await app.data('rita', 'getDecisions', { issueKey: 'SEC-16' });
    expect(view.decisionsEditable).toBe(true);
    const changed = [
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Introduce call-back verification for bank-detail changes.' },
      { rootCauseId: 'r2', option: 'no-further-action', rationale: 'Already covered by the MFA programme.' },
    ];
    const saved = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-16', section: 'decisions', value: changed, baseVersion: view.reviewVersion });
    expect(saved.review.workflow.stage).toBe('in_review');
    const after = await app.data('rita', 'getDecisions', { issueKey: 'SEC-16' });
    expect(after.approval).toMatchObject({ state: 'reopened', by: PERSONAS.rita.accountId });
    const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-16' });
    expect(history.events[0]).toMatchObject({ kind: 'section-updated', section: 'decisions', reason: expect.stringContaining('after approval') as unknown });
    expect(history.events[0]?.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'workflow.stage', before: 'Approved', after: 'In review' })]));
  });
});

describe('cost of loading', () => {
  test('the panel stays within its budget while awaiting approval; the decisions view is a separate call without Jira search', async () => {
    await reviewAwaitingApproval(app, 'SEC-19');
    const calls = app.sandbox.runtime.calls;
    calls.reset();
    await app.data('mark', 'getPanel', { issueKey: 'SEC-19' });
    const panel = calls.byOperation();
    // review + settings + the incident's risk links (for the approve checklist): 3 KVS operations.
    expect(calls.count('kvs')).toBeLessThanOrEqual(3);
    expect(Object.keys(panel).filter((operation) => operation.includes('search'))).toEqual([]);

    calls.reset();
    await app.data('mark', 'getDecisions', { issueKey: 'SEC-19' });
    const decisions = calls.byOperation();
    expect(Object.keys(decisions).filter((operation) => operation.startsWith('POST /rest/api/3/search'))).toEqual([]);
    // Review by key, then settings, actions, risk links and the creation record together (the risks batch only when linked).
    expect(calls.count('kvs')).toBe(5);
    // The permission check, and (awaiting approval only) the approver's groups, read as the app.
    expect(calls.count('jira')).toBe(2);
  });
});

describe('R9/R20 risk register', () => {
  test('"manage as a risk" creates a risk entry linked to the incident and root cause; both directions are traceable', async () => {
    const review = await reviewAwaitingApproval(app, 'SEC-17', [
      { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Call-back.' },
      { rootCauseId: 'r2', option: 'manage-as-risk', rationale: 'FIDO2 for all is a budget decision.' },
    ]);
    const blocked = await app.invoke('mark', 'decideApproval', { issueKey: 'SEC-17', outcome: 'approve', comment: '', baseVersion: review.version });
    expect(blocked.ok ? 'ok' : blocked.error.message).toContain('risk-register entry');

    const view = await app.data('rita', 'saveRisk', { issueKey: 'SEC-17', rootCauseId: 'r2', risk: RISK });
    const risk = view.rootCauses[1]?.risks[0];
    expect(risk).toMatchObject({ title: RISK.title, treatment: 'mitigate', score: 16, level: 'high', projectKey: 'SEC', status: 'open', ownerAccountId: PERSONAS.mark.accountId });
    expect(view.rootCauses[1]?.actionsBlockedReason).toBeNull();
    if (risk === undefined) throw new Error('no risk');

    // The same risk is behind another incident's root cause.
    await reviewWithDecisions(app, 'SEC-18', [
      { rootCauseId: 'r1', option: 'manage-as-risk', rationale: 'Same exposure.' },
      { rootCauseId: 'r2', option: 'no-further-action', rationale: 'n/a' },
    ]);
    await app.data('rita', 'linkRisk', { issueKey: 'SEC-18', rootCauseId: 'r1', riskId: risk.id });
    await app.data('rita', 'linkRisk', { issueKey: 'SEC-18', rootCauseId: 'r1', riskId: risk.id });

    const detail = await app.data('mark', 'getRisk', { projectKey: 'SEC', riskId: risk.id }, );
    expect(detail.links.map((link) => [link.incident.issueKey, link.rootCauseId]).sort()).toEqual([['SEC-17', 'r2'], ['SEC-18', 'r1']]);
    const register = await app.data('mark', 'listRisks', { projectKey: 'SEC' });
    expect(register.risks.map((entry) => entry.id)).toContain(risk.id);
    const incidentSide = await app.data('rita', 'getDecisions', { issueKey: 'SEC-18' });
    expect(incidentSide.rootCauses[0]?.risks.map((entry) => entry.id)).toEqual([risk.id]);

    const approved = await app.data('mark', 'decideApproval', { issueKey: 'SEC-17', outcome: 'approve', comment: '', baseVersion: review.version });
    expect(approved.stage).toBe('approved');

    // A stale risk edit is refused; a current one is versioned and audited.
    const stale = await app.invoke('rita', 'saveRisk', { issueKey: 'SEC-17', rootCauseId: 'r2', riskId: risk.id, baseVersion: 7, risk: { ...RISK, treatment: 'accept' } });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    const updated = await app.data('rita', 'saveRisk', { issueKey: 'SEC-17', rootCauseId: 'r2', riskId: risk.id, baseVersion: 1, risk: { ...RISK, treatment: 'accept' } });
    expect(updated.rootCauses[1]?.risks[0]).toMatchObject({ treatment: 'accept', version: 2 });
    expect(updated.rootCauses[1]?.actionsBlockedReason).toContain('Accepted risks are only recorded');

    // Unlinking removes only that link.
    await app.data('rita', 'unlinkRisk', { issueKey: 'SEC-18', rootCauseId: 'r1', riskId: risk.id });
    const after = await app.data('mark', 'getRisk', { projectKey: 'SEC', riskId: risk.id });
    expect(after.links.map((link) => link.incident.issueKey)).toEqual(['SEC-17']);
  });

  test('a risk from another project cannot be linked, and invalid risks name the field', async () => {
    await reviewWithDecisions(app, 'OPS-3');
    const invalid = await app.invoke('rita', 'saveRisk', { issueKey: 'OPS-3', rootCauseId: 'r1', risk: { ...RISK, likelihood: 9 } });
    expect(invalid.ok ? 'ok' : invalid.error).toMatchObject({ code: 'INVALID_INPUT', field: 'risk.likelihood' });
    const secRisks = await app.data('mark', 'listRisks', { projectKey: 'SEC' });
    const foreign = secRisks.risks[0];
    if (foreign === undefined) throw new Error('no SEC risk');
    const result = await app.invoke('rita', 'linkRisk', { issueKey: 'OPS-3', rootCauseId: 'r1', riskId: foreign.id });
    expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND');
  });
});
