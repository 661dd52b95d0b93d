import { jiraRequest } from '../../sandbox/jira-as';
import { PERSONAS } from '../../sandbox/jira';
import type { ActionInput } from '../../src/domain/actions';
import { clearLinkTypeCache } from '../../src/platform/jira/cached-link-types';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview } from './decisions-fixture';

/**
 * R10 "Create issues": linked Jira issues with conforming payloads, idempotent under lost
 * answers, 5xx, 429 and concurrent clicks, partial failure reported, and the Jira call budget.
 */
let app: AppHarness;

interface SearchIssue {
  id: string;
  key: string;
  fields: { summary: string; assignee: { accountId: string } | null; duedate: string | null; issuetype: { name: string }; description: unknown; issuelinks: { type: { name: string }; inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] };
  properties?: Record<string, { actionId: string; incidentKey: string }>;
}

/** Every issue the app created for an incident, as Jira sees it (by the app's property). */
async function issuesOf(incidentId: string): Promise<SearchIssue[]> {
  const reply = await jiraRequest<{ issues: SearchIssue[] }>(app.sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/jql', {
    jql: `issue.property[lessonsLearnedAction].incidentId = "${incidentId}"`,
    fields: ['summary', 'assignee', 'duedate', 'issuetype', 'description', 'issuelinks'],
    properties: ['lessonsLearnedAction'],
    maxResults: 200,
  });
  return reply.body.issues;
}

const owen = PERSONAS.owen.accountId;
const draft = (summary: string, overrides: Partial<ActionInput> = {}): ActionInput => ({ rootCauseId: 'r1', summary, description: 'Write the procedure.\n\nTrain the team.', ownerAccountId: owen, targetDate: '2026-06-30', ...overrides });

async function incidentWithDrafts(issueKey: string, count: number): Promise<string> {
  await approvedReview(app, issueKey);
  const actions = Array.from({ length: count }, (_, index) => draft(`Action ${index + 1} for ${issueKey}`));
  const view = await app.data('rita', 'addActions', { issueKey, actions });
  expect(view.draftCount).toBe(count);
  return view.incident.issueId;
}

const jiraCalls = () => app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation);

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
});

afterAll(() => {
  app.sandbox.close();
});

afterEach(() => {
  app.sandbox.runtime.faults.configure({});
});

describe('creating the issues', () => {
  test('issues are created already linked, assigned, due, typed and described with a trace back — within the call budget', async () => {
    clearLinkTypeCache();
    const incidentId = await incidentWithDrafts('SEC-21', 1);
    app.sandbox.runtime.calls.reset();
    const { view, report } = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-21' });
    // K = 1: the permission check, the link types (cold cache), one bulk create: ⌈1/50⌉ + 2.
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'GET /rest/api/3/issueLinkType', 'POST /rest/api/3/issue/bulk']);
    expect(report).toMatchObject({ requested: 1, failed: [], unconfirmed: [], message: '1 issue created and linked to the incident.' });

    const [issue, ...others] = await issuesOf(incidentId);
    expect(others).toEqual([]);
    if (issue === undefined) throw new Error('no issue');
    expect(issue.key).toMatch(/^ISMS-\d+$/);
    expect(issue.fields).toMatchObject({ summary: 'Action 1 for SEC-21', assignee: { accountId: owen }, duedate: '2026-06-30', issuetype: { name: 'Corrective action' } });
    expect(issue.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Problem/Incident' }) as unknown, inwardIssue: expect.objectContaining({ key: 'SEC-21' }) as unknown })]);
    const description = JSON.stringify(issue.fields.description);
    for (const trace of ['SEC-21: Phishing e-mail led to a compromised finance mailbox', 'Bank-detail changes need no call-back verification', 'Corrective action — Introduce call-back', '.atlassian.net/browse/SEC-21"']) {
      expect(description).toContain(trace);
    }
    const action = view.rootCauses[0]?.actions[0];
    expect(action).toMatchObject({ status: 'todo', jira: { issueId: issue.id, issueKey: issue.key }, ownerAccountId: owen, targetDate: '2026-06-30' });
    // The idempotency key and the JQL mirror in one value, set by the create call itself (no second write).
    expect(issue.properties?.['lessonsLearnedAction']).toEqual({ actionId: action?.id, incidentId, incidentKey: 'SEC-21', rootCauseCategory: 'policy-process', kind: 'corrective', verified: false, effectiveness: 'pending' });

    // The incident shows the link from its side too.
    const incident = await jiraRequest<{ fields: { issuelinks: { outwardIssue?: { key: string } }[] } }>(app.sandbox.jira, { kind: 'app' }, 'GET', '/rest/api/3/issue/SEC-21?fields=issuelinks');
    expect(incident.body.fields.issuelinks.map((link) => link.outwardIssue?.key)).toEqual([issue.key]);
  });

  test('clicking again creates nothing more', async () => {
    app.sandbox.runtime.calls.reset();
    const { report } = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-21' });
    expect(report).toMatchObject({ requested: 0, message: 'Every action already has its Jira issue.' });
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions']);
  });

  test.each([5, 50])('K = %i actions: ⌈K/50⌉ + 2 Jira calls, one issue each', async (count) => {
    clearLinkTypeCache();
    const issueKey = count === 5 ? 'SEC-22' : 'SEC-23';
    const incidentId = await incidentWithDrafts(issueKey, count);
    app.sandbox.runtime.calls.reset();
    const { report } = await app.data('rita', 'createActionIssues', { issueKey });
    expect(report.created).toHaveLength(count);
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'GET /rest/api/3/issueLinkType', 'POST /rest/api/3/issue/bulk']);
    expect(await issuesOf(incidentId)).toHaveLength(count);
  });

  test('issues are created only once management has approved the decisions', async () => {
    await approvedReview(app, 'SEC-24');
    await app.data('rita', 'addActions', { issueKey: 'SEC-24', actions: [draft('Before approval')] });
    const view = await app.data('rita', 'getDecisions', { issueKey: 'SEC-24' });
    await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-24', section: 'decisions', value: [view.rootCauses[0]?.decision, { rootCauseId: 'r2', option: 'no-further-action', rationale: 'Changed' }], baseVersion: view.reviewVersion });
    const result = await app.invoke('rita', 'createActionIssues', { issueKey: 'SEC-24' });
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('approved') as unknown });
  });

  test('an existing Jira issue can be linked as an action, once', async () => {
    const first = await app.data('rita', 'linkActionIssue', { issueKey: 'SEC-21', rootCauseId: 'r1', jiraIssueKey: 'ISMS-2' });
    const again = await app.data('rita', 'linkActionIssue', { issueKey: 'SEC-21', rootCauseId: 'r1', jiraIssueKey: 'ISMS-2' });
    const linked = again.rootCauses[0]?.actions.filter((action) => action.jira?.issueKey === 'ISMS-2') ?? [];
    expect(linked).toHaveLength(1);
    expect(first.rootCauses[0]?.actions.find((action) => action.jira?.issueKey === 'ISMS-2')).toMatchObject({ origin: 'linked', kind: 'corrective', summary: 'Quarterly phishing simulation for all staff' });
    expect(['todo', 'in-progress']).toContain(linked[0]?.status);
    const issue = await jiraRequest<{ fields: { issuelinks: { inwardIssue?: { key: string } }[] } }>(app.sandbox.jira, { kind: 'app' }, 'GET', '/rest/api/3/issue/ISMS-2?fields=issuelinks');
    expect(issue.body.fields.issuelinks.filter((link) => link.inwardIssue?.key === 'SEC-21')).toHaveLength(1);
    const notVisible = await app.invoke('rita', 'linkActionIssue', { issueKey: 'SEC-21', rootCauseId: 'r1', jiraIssueKey: 'ISMS-999' });
    expect(notVisible.ok ? 'ok' : notVisible.error.code).toBe('NOT_FOUND');
  });

  test('a viewer and an outsider cannot create issues', async () => {
    for (const persona of ['owen', 'oscar'] as const) {
      const result = await app.invoke(persona, 'createActionIssues', { issueKey: 'SEC-21' });
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('idempotency', () => {
  test('a create whose answer was lost is found again by its key, not repeated', async () => {
    const incidentId = await incidentWithDrafts('SEC-25', 3);
    // mypermissions passes; the bulk create runs but its answer is lost (link types are cached by now).
    app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'drop-response'] } });
    app.sandbox.runtime.calls.reset();
    const { report, view } = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-25' });
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/issue/bulk', 'POST /rest/api/3/search/jql']);
    expect(report).toMatchObject({ requested: 3, created: [], failed: [], unconfirmed: [] });
    expect(report.recovered).toHaveLength(3);
    expect(view.draftCount).toBe(0);
    expect(await issuesOf(incidentId)).toHaveLength(3);
  });

  test('when Jira stays silent, the run reports it; the retry looks the issues up first and never duplicates', async () => {
    const incidentId = await incidentWithDrafts('SEC-26', 4);
    // The create runs, its answer is lost, and the immediate look-up fails on every attempt too.
    app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'drop-response', 'drop-response', 'drop-response', 'drop-response', 'drop-response'] } });
    const first = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-26' });
    expect(first.report.unconfirmed).toHaveLength(4);
    expect(first.report.message).toBe('0 of 4 created; 4 not confirmed by Jira. Retry to finish — nothing will be created twice.');
    expect(first.view.lastCreation?.message).toBe(first.report.message);
    // Drafts whose creation is unconfirmed cannot be edited or removed meanwhile (no orphans).
    const draftAction = first.view.rootCauses[0]?.actions[0];
    if (draftAction === undefined) throw new Error('no action');
    const removal = await app.invoke('rita', 'removeAction', { issueKey: 'SEC-26', actionId: draftAction.id, baseVersion: draftAction.version });
    expect(removal.ok ? 'ok' : removal.error.code).toBe('NOT_ALLOWED');

    app.sandbox.runtime.calls.reset();
    const retry = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-26' });
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
    expect(retry.report.recovered).toHaveLength(4);
    expect(retry.report.message).toBe('4 issues created and linked to the incident.');
    expect(await issuesOf(incidentId)).toHaveLength(4);
  });

  test('a 5xx from the create call: nothing assumed, looked up, then created once on retry', async () => {
    const incidentId = await incidentWithDrafts('SEC-27', 2);
    app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'server-error'] } });
    const first = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-27' });
    expect(first.report.unconfirmed).toHaveLength(2);
    expect(await issuesOf(incidentId)).toHaveLength(0);
    const retry = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-27' });
    expect(retry.report.created).toHaveLength(2);
    expect(await issuesOf(incidentId)).toHaveLength(2);
  });

  test('429 with Retry-After: the create is repeated after the wait (Jira refused it before running it)', async () => {
    const incidentId = await incidentWithDrafts('SEC-28', 2);
    app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'rate-limit', 'rate-limit'], retryAfterSeconds: 0.05 } });
    app.sandbox.runtime.calls.reset();
    const { report } = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-28' });
    expect(report.created).toHaveLength(2);
    expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/issue/bulk', 'POST /rest/api/3/issue/bulk', 'POST /rest/api/3/issue/bulk']);
    expect(await issuesOf(incidentId)).toHaveLength(2);
  });

  test('two people clicking at once make one issue per action', async () => {
    const incidentId = await incidentWithDrafts('SEC-29', 3);
    app.sandbox.runtime.faults.configure({ jira: { latencyMs: 30 } });
    const [a, b] = await Promise.all([
      app.data('rita', 'createActionIssues', { issueKey: 'SEC-29' }),
      app.data('mark', 'createActionIssues', { issueKey: 'SEC-29' }),
    ]);
    expect([a.report.created.length, b.report.created.length].sort()).toEqual([0, 3]);
    expect(await issuesOf(incidentId)).toHaveLength(3);
    expect(a.view.draftCount + b.view.draftCount).toBe(0);
  });

  test('partial failure is reported, with no orphans; fixing the draft and retrying finishes without duplicates', async () => {
    const incidentId = await incidentWithDrafts('SEC-30', 3);
    // Oscar is not assignable in ISMS: Jira refuses that element, creates the others.
    const added = await app.data('rita', 'addActions', { issueKey: 'SEC-30', actions: [draft('Owned by an outsider', { ownerAccountId: PERSONAS.oscar.accountId })] });
    const first = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-30' });
    expect(first.report.message).toMatch(/^3 of 4 created; 1 refused by Jira \(assignee: .+\)\. Retry to finish — nothing will be created twice\.$/);
    const created = await issuesOf(incidentId);
    expect(created).toHaveLength(3);
    // Every issue in Jira is known to the app (no orphans).
    const known = new Set(first.view.rootCauses.flatMap((entry) => entry.actions.flatMap((action) => (action.jira ? [action.jira.issueKey] : []))));
    expect(created.map((issue) => issue.key).every((key) => known.has(key))).toBe(true);

    const failed = added.rootCauses[0]?.actions.find((action) => action.summary === 'Owned by an outsider');
    if (failed === undefined) throw new Error('no failed action');
    await app.data('rita', 'updateAction', { issueKey: 'SEC-30', actionId: failed.id, baseVersion: failed.version, action: { summary: 'Owned by an outsider', ownerAccountId: owen } });
    const retry = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-30' });
    expect(retry.report).toMatchObject({ requested: 1, failed: [] });
    expect(retry.report.created).toEqual([failed.id]);
    expect(await issuesOf(incidentId)).toHaveLength(4);
  });

  test('a link type that no longer exists is refused clearly before anything is created', async () => {
    await incidentWithDrafts('SEC-31', 1);
    // Settings saved when the link type existed; an admin has since deleted it in Jira.
    app.sandbox.db.prepare(`UPDATE kvs_entities SET value = json_set(value, '$.document.actions.linkTypeName', 'Mitigates') WHERE entity_name = 'project-settings' AND key = 'settings-SEC'`).run();
    app.sandbox.runtime.calls.reset();
    const result = await app.invoke('rita', 'createActionIssues', { issueKey: 'SEC-31' });
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('"Mitigates"') as unknown });
    expect(jiraCalls()).not.toContain('POST /rest/api/3/issue/bulk');
    const view = await app.data('rita', 'getDecisions', { issueKey: 'SEC-31' });
    expect(view.draftCount).toBe(1);
    // The lock was released: once fixed, the next click goes ahead at once.
    app.sandbox.db.prepare(`UPDATE kvs_entities SET value = json_set(value, '$.document.actions.linkTypeName', 'Relates') WHERE entity_name = 'project-settings' AND key = 'settings-SEC'`).run();
    const retry = await app.data('rita', 'createActionIssues', { issueKey: 'SEC-31' });
    expect(retry.report.created).toHaveLength(1);
  });
});
