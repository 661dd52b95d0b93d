import { jiraRequest } from '../../sandbox/jira-as';
import { PERSONAS } from '../../sandbox/jira';
import { processReviewStatus } from '../../src/services/process-review';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms } from './decisions-fixture';

/**
 * R25 the periodic review of the incident process: recorded by an admin or approver (not by other
 * members), validated with named fields, its actions spawned as assigned Jira issues exactly once
 * (also after a lost answer), and the overdue flag for the dashboard.
 */
let app: AppHarness;
const owen = PERSONAS.owen.accountId;

const review = (overrides: Record<string, unknown> = {}) => ({
  heldOn: '2025-01-15',
  participants: [PERSONAS.mark.accountId, PERSONAS.rita.accountId],
  inputs: { periodFrom: '2024-01-01', periodTo: '2024-12-31', kpis: [{ label: 'Reviews approved within target', value: '83 %' }], notes: 'Internal audit report IA-2024-07.' },
  findings: ['Reviews of medium incidents are often skipped.', 'Action owners are not reminded before the due date.'],
  actions: [{ summary: 'Make reviews mandatory for medium severity', ownerAccountId: owen, targetDate: '2025-03-31' }],
  nextReviewDate: '2026-01-15',
  ...overrides,
});

const status = () => app.sandbox.runtime.invoke({ moduleKey: 'lessons-learned-dashboard' }, () => processReviewStatus('SEC', new Date('2025-06-01T00:00:00Z')));

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
});

afterAll(() => {
  app.sandbox.close();
});

test('never reviewed: the status says so; a member may read but not record', async () => {
  expect(await status()).toEqual({ state: 'never', overdue: false, daysOverdue: 0 });
  const view = await app.data('rita', 'getProcessReviews', { projectKey: 'SEC' });
  expect(view).toMatchObject({ canRecord: false, reviews: [], status: { state: 'never' }, actionTarget: { projectKey: 'ISMS', issueTypeName: 'Corrective action' } });
  const before = app.storageSnapshot();
  const refused = await app.invoke('rita', 'recordProcessReview', { projectKey: 'SEC', review: review() });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  expect(app.storageSnapshot()).toBe(before);
});

test('invalid input names the field and stores nothing', async () => {
  const before = app.storageSnapshot();
  const bad = await app.invoke('mark', 'recordProcessReview', { projectKey: 'SEC', review: review({ findings: [], nextReviewDate: '2025-01-01' }) });
  expect(bad.ok ? 'ok' : bad.error).toMatchObject({ code: 'INVALID_INPUT', field: 'review.findings' });
  const early = await app.invoke('mark', 'recordProcessReview', { projectKey: 'SEC', review: review({ nextReviewDate: '2025-01-01' }) });
  expect(early.ok ? 'ok' : early.error).toMatchObject({ code: 'INVALID_INPUT', field: 'review.nextReviewDate' });
  expect(app.storageSnapshot()).toBe(before);
});

test('an approver records a review; its action becomes an assigned Jira issue in the action project; the next review date drives the flag', async () => {
  const view = await app.data('mark', 'recordProcessReview', { projectKey: 'SEC', review: review() });
  expect(view.canRecord).toBe(true);
  const [recorded] = view.reviews;
  expect(recorded).toMatchObject({ heldOn: '2025-01-15', recordedBy: PERSONAS.mark.accountId, findings: review().findings, inputs: { notes: 'Internal audit report IA-2024-07.' } });
  const action = recorded?.actions[0];
  expect(action).toMatchObject({ status: 'created', jira: { issueKey: expect.stringMatching(/^ISMS-\d+$/) as unknown } });
  const issue = await jiraRequest<{ fields: { summary: string; assignee: { accountId: string }; duedate: string; issuetype: { name: string } } }>(app.sandbox.jira, { kind: 'app' }, 'GET', `/rest/api/3/issue/${action?.jira?.issueKey ?? ''}?fields=summary,assignee,duedate,issuetype`);
  expect(issue.body.fields).toMatchObject({ summary: 'Make reviews mandatory for medium severity', assignee: { accountId: owen }, duedate: '2025-03-31', issuetype: { name: 'Corrective action' } });
  expect(await status()).toEqual({ state: 'scheduled', overdue: false, lastHeldOn: '2025-01-15', nextReviewDate: '2026-01-15', daysOverdue: 0 });
  const late = await app.sandbox.runtime.invoke({ moduleKey: 'lessons-learned-dashboard' }, () => processReviewStatus('SEC', new Date('2026-02-01T00:00:00Z')));
  expect(late).toMatchObject({ state: 'overdue', overdue: true, daysOverdue: 17 });
  // Anyone who can browse the project sees it (read-only).
  const asMember = await app.data('rita', 'getProcessReviews', { projectKey: 'SEC' });
  expect(asMember.reviews.map((entry) => entry.id)).toEqual([recorded?.id]);
});

test('a lost answer leaves the action unconfirmed; the retry finds the issue instead of creating a second one', async () => {
  // Alice administers SEC: the permission check, then the bulk create whose answer is lost.
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'drop-response'] } });
  const view = await app.data('alice', 'recordProcessReview', { projectKey: 'SEC', review: review({ heldOn: '2025-02-01', actions: [{ summary: 'Remind owners before due dates', ownerAccountId: owen, targetDate: '2025-04-30' }] }) });
  app.sandbox.runtime.faults.configure({});
  const recorded = view.reviews.find((entry) => entry.heldOn === '2025-02-01');
  expect(recorded?.actions[0]?.status).toBe('unconfirmed');
  const retried = await app.data('alice', 'retryProcessReviewActions', { projectKey: 'SEC', processReviewId: recorded?.id ?? '' });
  const action = retried.reviews.find((entry) => entry.id === recorded?.id)?.actions[0];
  expect(action).toMatchObject({ status: 'created', jira: { issueKey: expect.stringMatching(/^ISMS-/) as unknown } });
  const search = await jiraRequest<{ issues: unknown[] }>(app.sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/jql', { jql: `issue.property[lessonsLearnedAction].incidentId = "process-review-${recorded?.id ?? ''}"`, fields: ['summary'], maxResults: 10 });
  expect(search.body.issues).toHaveLength(1);
});

test('the period figures to start from are counted from the app records', async () => {
  const suggestion = await app.data('mark', 'suggestProcessReviewInputs', { projectKey: 'SEC' });
  expect(suggestion.periodFrom).toBe('2025-02-01');
  expect(suggestion.kpis.map((kpi) => kpi.label)).toEqual(expect.arrayContaining(['Corrective actions overdue today', 'Reviews approved or closed']));
});
