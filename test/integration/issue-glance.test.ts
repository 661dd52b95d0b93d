import { PERSONAS } from '../../sandbox/jira';
import { addCalendarDays, dayOf } from '../../src/domain/actions';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, reviewAwaitingApproval, reviewWithDecisions } from './decisions-fixture';

/** The incident issue glance: one line from one cheap read, as each persona would see it. */
let app: AppHarness;
const owen = PERSONAS.owen.accountId;
const TODAY = dayOf(new Date());
const GLANCE = { type: 'jira:issueGlance' as const };

const kvsOps = () => app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'kvs').length;
const jiraOps = () => app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation);

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
});

afterAll(() => {
  app.sandbox.close();
});

test('an incident without a review says so', async () => {
  const envelope = await app.invoke('owen', 'getIssueGlance', { issueKey: 'SEC-50' }, GLANCE);
  expect(envelope).toEqual({ ok: true, data: { issueKey: 'SEC-50', label: 'No review yet', review: null } });
});

test('"Review: awaiting approval · 2 actions overdue" — in two storage reads and the permission check', async () => {
  await reviewWithDecisions(app, 'SEC-51');
  await app.data('rita', 'addActions', {
    issueKey: 'SEC-51',
    actions: [
      { rootCauseId: 'r1', summary: 'Late one', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, -3) },
      { rootCauseId: 'r1', summary: 'Late two', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, -1) },
      { rootCauseId: 'r2', summary: 'Due today', description: '', ownerAccountId: owen, targetDate: TODAY },
    ],
  });
  const review = await app.data('rita', 'getPanel', { issueKey: 'SEC-51' });
  let version = review.review?.version ?? 0;
  for (const target of ['in_review', 'awaiting_approval'] as const) version = (await app.data('rita', 'transitionReview', { issueKey: 'SEC-51', target, baseVersion: version })).review.version;

  app.sandbox.runtime.calls.reset();
  const envelope = await app.invoke('owen', 'getIssueGlance', { issueKey: 'SEC-51' }, GLANCE);
  expect(envelope).toEqual({ ok: true, data: { issueKey: 'SEC-51', label: 'Review: awaiting approval · 2 actions overdue', review: { stage: 'awaiting_approval', approval: 'awaiting', openActions: 3, overdueActions: 2 } } });
  expect(kvsOps()).toBe(2);
  expect(jiraOps()).toEqual(['GET /rest/api/3/mypermissions']);
});

test('an approved review without open actions', async () => {
  await reviewAwaitingApproval(app, 'SEC-52');
  const panel = await app.data('mark', 'getPanel', { issueKey: 'SEC-52' });
  await app.data('mark', 'decideApproval', { issueKey: 'SEC-52', outcome: 'approve', comment: 'Agreed.', baseVersion: panel.review?.version ?? 0 });
  expect((await app.data('rita', 'getIssueGlance', { issueKey: 'SEC-52' })).label).toBe('Review: approved · no open actions');
});

test('an outsider learns nothing, not even whether a review exists', async () => {
  const envelope = await app.invoke('oscar', 'getIssueGlance', { issueKey: 'SEC-51' }, GLANCE);
  expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(JSON.stringify(envelope)).not.toMatch(/awaiting|overdue/);
});
