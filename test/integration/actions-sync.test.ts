import { jiraRequest } from '../../sandbox/jira-as';
import { PERSONAS, type JiraIssueEvent } from '../../sandbox/jira';
import type { ActionView } from '../../src/api/decisions';
import { phishingReview } from '../unit/domain/review/fixtures';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview, reviewWithDecisions } from './decisions-fixture';

/** R10 status sync from Jira events (trigger), R11 verification and effectiveness. */
let app: AppHarness;
const events: JiraIssueEvent[] = [];
const owen = { kind: 'user' as const, accountId: PERSONAS.owen.accountId };
const alice = { kind: 'user' as const, accountId: PERSONAS.alice.accountId };

async function actions(): Promise<ActionView[]> {
  const view = await app.data('mark', 'getDecisions', { issueKey: 'SEC-41' });
  return view.rootCauses.flatMap((entry) => entry.actions);
}

async function actionNamed(summary: string): Promise<ActionView> {
  const found = (await actions()).find((action) => action.summary === summary);
  if (found?.jira === undefined) throw new Error(`no action ${summary}`);
  return found;
}

async function moveIssue(issueKey: string, transitionId: '11' | '21' | '31'): Promise<void> {
  const reply = await jiraRequest(app.sandbox.jira, owen, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: transitionId } });
  expect(reply.status).toBe(204);
  await app.sandbox.settled();
}

const auditCount = (): number => (app.sandbox.db.prepare(`SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = 'audit-event'`).get() as { n: number }).n;

beforeAll(async () => {
  app = createAppHarness();
  app.sandbox.jira.onIssueEvent((event) => events.push(event));
  await actionsInIsms(app);
  await approvedReview(app, 'SEC-41');
  await app.data('rita', 'addActions', {
    issueKey: 'SEC-41',
    actions: [
      { rootCauseId: 'r1', summary: 'Call-back procedure', ownerAccountId: PERSONAS.owen.accountId },
      { rootCauseId: 'r1', summary: 'Train accounts payable', ownerAccountId: PERSONAS.rita.accountId },
      { rootCauseId: 'r2', summary: 'FIDO2 keys for finance', ownerAccountId: PERSONAS.owen.accountId },
    ],
  });
  await app.data('rita', 'createActionIssues', { issueKey: 'SEC-41' });
  await app.sandbox.settled();
});

afterAll(() => {
  app.sandbox.close();
});

describe('status sync', () => {
  test('moving the Jira issue moves the action: in progress, then done with the resolution date', async () => {
    const action = await actionNamed('Call-back procedure');
    const key = action.jira?.issueKey ?? '';
    await moveIssue(key, '21');
    expect(await actionNamed('Call-back procedure')).toMatchObject({ status: 'in-progress' });
    await moveIssue(key, '31');
    const done = await actionNamed('Call-back procedure');
    expect(done.status).toBe('done');
    expect(Date.parse(done.resolvedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(done.updatedBy).toBe(PERSONAS.owen.accountId);
  });

  test('the same event twice, or an older one late, changes nothing', async () => {
    const done = await actionNamed('Call-back procedure');
    const key = done.jira?.issueKey;
    const mine = events.filter((event) => event.issue.key === key && event.eventType === 'avi:jira:updated:issue');
    const [inProgress, last] = [mine.at(-2), mine.at(-1)];
    if (inProgress === undefined || last === undefined) throw new Error('events not recorded');
    const audits = auditCount();
    await app.sandbox.app.deliverEvent({ ...last });
    await app.sandbox.app.deliverEvent({ ...last });
    await app.sandbox.app.deliverEvent({ ...inProgress });
    const after = await actionNamed('Call-back procedure');
    expect(after).toMatchObject({ status: 'done', version: done.version, resolvedAt: done.resolvedAt });
    expect(auditCount()).toBe(audits);
  });

  test('an event for an issue that is no action costs one indexed look-up and nothing else', async () => {
    const before = app.storageSnapshot();
    app.sandbox.runtime.calls.reset();
    await jiraRequest(app.sandbox.jira, alice, 'PUT', '/rest/api/3/issue/SEC-2', { fields: { summary: 'Renamed incident' } });
    await app.sandbox.settled();
    expect(app.sandbox.runtime.calls.byOperation()).toEqual({ 'kvs /api/v1/entity/query': 1 });
    expect(app.storageSnapshot()).toBe(before);
  });

  test('a deleted issue marks its action deleted, for good', async () => {
    const action = await actionNamed('FIDO2 keys for finance');
    const key = action.jira?.issueKey ?? '';
    await moveIssue(key, '21');
    const stale = events.filter((event) => event.issue.key === key).at(-1);
    const reply = await jiraRequest(app.sandbox.jira, alice, 'DELETE', `/rest/api/3/issue/${key}`);
    expect(reply.status).toBe(204);
    await app.sandbox.settled();
    expect(await actionNamed('FIDO2 keys for finance')).toMatchObject({ status: 'deleted', daysOverdue: 0 });
    if (stale !== undefined) await app.sandbox.app.deliverEvent({ ...stale });
    expect((await actionNamed('FIDO2 keys for finance')).status).toBe('deleted');
  });

  test('a new assignee and due date in Jira become the action\'s owner and target date', async () => {
    const action = await actionNamed('Train accounts payable');
    await jiraRequest(app.sandbox.jira, owen, 'PUT', `/rest/api/3/issue/${action.jira?.issueKey ?? ''}`, { fields: { duedate: '2026-12-31' } });
    await app.sandbox.settled();
    expect(await actionNamed('Train accounts payable')).toMatchObject({ targetDate: '2026-12-31', ownerAccountId: PERSONAS.rita.accountId });
  });
});

describe('R11 verification', () => {
  test('the owner cannot verify their own action; someone else can, with evidence', async () => {
    const action = await actionNamed('Train accounts payable');
    const early = await app.invoke('mark', 'verifyAction', { issueKey: 'SEC-41', actionId: action.id, baseVersion: action.version, evidence: 'Done' });
    expect(early.ok ? 'ok' : early.error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('not done') as unknown });

    await moveIssue(action.jira?.issueKey ?? '', '31');
    const done = await actionNamed('Train accounts payable');
    const ritaView = await app.data('rita', 'getDecisions', { issueKey: 'SEC-41' });
    expect(ritaView.rootCauses.flatMap((entry) => entry.actions).find((entry) => entry.id === done.id)?.canVerify).toBe(false);
    expect(done.canVerify).toBe(true);

    const before = app.storageSnapshot();
    const own = await app.invoke('rita', 'verifyAction', { issueKey: 'SEC-41', actionId: done.id, baseVersion: done.version, evidence: 'I did it' });
    expect(own.ok ? 'ok' : own.error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('other than its owner') as unknown });
    expect(app.storageSnapshot()).toBe(before);

    const view = await app.data('mark', 'verifyAction', { issueKey: 'SEC-41', actionId: done.id, baseVersion: done.version, evidence: 'Training records for all 6 AP clerks', evidenceLink: 'https://lms.example.com/report/42' });
    const verified = view.rootCauses.flatMap((entry) => entry.actions).find((entry) => entry.id === done.id);
    expect(verified?.verification).toMatchObject({ by: PERSONAS.mark.accountId, evidence: 'Training records for all 6 AP clerks', evidenceLink: 'https://lms.example.com/report/42' });
    const again = await app.invoke('mark', 'verifyAction', { issueKey: 'SEC-41', actionId: done.id, baseVersion: verified?.version ?? 0, evidence: 'again' });
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_ALLOWED');
  });
});

describe('R11 effectiveness', () => {
  test('a recurrence of the category after completion → not effective, naming the recurring incident; judged once', async () => {
    // A later incident whose only root cause is again a policy/process gap.
    const later = await reviewWithDecisions(app, 'SEC-44');
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const facts = { ...phishingReview().facts, timestamps: { occurredAt: soon(1), detectedAt: soon(2), reportedAt: soon(3), containedAt: soon(4), resolvedAt: soon(5) } };
    let version = (await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-44', section: 'facts', value: facts, baseVersion: later.version })).review.version;
    version = (await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-44', section: 'decisions', value: [{ rootCauseId: 'r1', option: 'corrective-action', rationale: 'Again.' }], baseVersion: version })).review.version;
    await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-44', section: 'rootCauses', value: phishingReview().rootCauses.slice(0, 1), baseVersion: version });

    const { judgeProjectEffectiveness } = await import('../../src/services/actions-effectiveness');
    const run = (at: Date) => app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => judgeProjectEffectiveness('SEC', at));
    expect(await run(new Date(Date.now() + 86_400_000))).toEqual({ judged: 2, effective: 0, notEffective: 2, pending: 0 });
    for (const summary of ['Call-back procedure', 'Train accounts payable']) {
      expect((await actionNamed(summary)).effectiveness).toMatchObject({ verdict: 'not-effective', windowDays: 90, recurrence: { issueKey: 'SEC-44' } });
    }
    // Judged actions are not judged again (the daily job may fire twice).
    expect(await run(new Date(Date.now() + 86_400_000))).toEqual({ judged: 0, effective: 0, notEffective: 0, pending: 0 });
  });
});
