import { jiraRequest } from '../../sandbox/jira-as';
import { PERSONAS } from '../../sandbox/jira';
import { addCalendarDays, dayOf } from '../../src/domain/actions';
import { ENTITY } from '../../src/platform/store';
import { judgeProjectEffectiveness } from '../../src/services/actions-effectiveness';
import { runDailyJob } from '../../src/services/daily-job';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview, reviewWithDecisions } from './decisions-fixture';

/**
 * Review data mirrored onto Jira issues as indexed entity properties: the values Jira gets, that
 * the documented JQL finds them, that every kind of write keeps them in step (and only writes what
 * changed), and that a sync which failed is repaired by the daily job.
 */
let app: AppHarness;
const alice = { kind: 'user' as const, accountId: PERSONAS.alice.accountId };
const owen = PERSONAS.owen.accountId;
const TODAY = dayOf(new Date());

async function property(issueKey: string, key = 'lessonsLearned'): Promise<Record<string, unknown> | undefined> {
  const reply = await jiraRequest<{ value: Record<string, unknown> }>(app.sandbox.jira, alice, 'GET', `/rest/api/3/issue/${issueKey}/properties/${key}`);
  return reply.status === 200 ? reply.body.value : undefined;
}

async function jql(query: string): Promise<string[]> {
  const reply = await jiraRequest<{ issues: { key: string }[] }>(app.sandbox.jira, alice, 'POST', '/rest/api/3/search/jql', { jql: query, fields: ['summary'], maxResults: 100 });
  if (reply.status !== 200) throw new Error(`JQL ${query}: ${JSON.stringify(reply.body)}`);
  return reply.body.issues.map((issue) => issue.key).sort();
}

/** The property writes (PUT …/properties/…) Jira received since the last reset. */
const propertyWrites = (): string[] =>
  app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'jira' && /^PUT \/rest\/api\/3\/issue\/.+\/properties\//.test(call.operation)).map((call) => call.operation);

const markers = (): number => (app.sandbox.db.prepare('SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = ?').get(ENTITY.propertySync) as { n: number }).n;

const job = (now = new Date()) => app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => runDailyJob({ now, runId: `run-${Math.random().toString(36).slice(2)}`, budgetMs: 60_000 }));

async function moveIssue(issueKey: string, transitionId: '21' | '31'): Promise<void> {
  const reply = await jiraRequest(app.sandbox.jira, { kind: 'user', accountId: owen }, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: transitionId } });
  expect(reply.status).toBe(204);
  await app.sandbox.settled();
}

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

describe('the incident property', () => {
  test('an approved review is mirrored as a small indexed summary that the documented JQL finds', async () => {
    await approvedReview(app, 'SEC-30');
    expect(await property('SEC-30')).toEqual({
      stage: 'approved',
      approval: 'approved',
      approvedAt: TODAY,
      rootCauseCount: 2,
      rootCauseCategories: ['access-control', 'policy-process'],
      incidentType: 'malicious',
      severity: 'high',
      openActions: 0,
      overdueActions: 0,
    });
    // The README's examples, with the property path and with the manifest's search aliases.
    expect(await jql('issue.property[lessonsLearned].stage = approved')).toContain('SEC-30');
    const quarterStart = `${TODAY.slice(0, 5)}${String(Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    expect(await jql(`project = SEC AND llApprovedAt >= "${quarterStart}" AND llRootCauseCategory = "policy-process"`)).toEqual(['SEC-30']);
    expect(await jql('llRootCauseCount >= 2 AND llIncidentType in (malicious, environmental) AND llStage = approved')).toEqual(['SEC-30']);
    expect(await jql('llRootCauseCategory = "physical"')).toEqual([]);
  });

  test('saves that cannot change it write nothing to Jira; stage moves write it once', async () => {
    const review = await reviewWithDecisions(app, 'SEC-31');
    expect(await property('SEC-31')).toMatchObject({ stage: 'draft', approval: 'not-requested', rootCauseCount: 2 });
    app.sandbox.runtime.calls.reset();
    const saved = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-31', section: 'lessons', value: { ...review.lessons, wentWell: 'Fast containment.' }, baseVersion: review.version });
    const again = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-31', section: 'facts', value: saved.review.facts, baseVersion: saved.review.version });
    expect(propertyWrites()).toEqual([]);
    await app.data('rita', 'transitionReview', { issueKey: 'SEC-31', target: 'in_review', baseVersion: again.review.version });
    expect(propertyWrites()).toEqual(['PUT /rest/api/3/issue/{id}/properties/lessonsLearned']);
    expect(await property('SEC-31')).toMatchObject({ stage: 'in_review' });
    expect(markers()).toBe(0);
  });
});

describe('action issues and the incident counts follow every kind of write', () => {
  let actionKeys: string[] = [];

  test('planning, creating, status sync, verification: each shows in JQL', async () => {
    await approvedReview(app, 'SEC-32');
    await app.data('rita', 'addActions', {
      issueKey: 'SEC-32',
      actions: [
        { rootCauseId: 'r1', summary: 'Call-back procedure', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, 10) },
        { rootCauseId: 'r2', summary: 'Phishing-resistant MFA', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, 20) },
      ],
    });
    expect(await property('SEC-32')).toMatchObject({ openActions: 2, overdueActions: 0 });
    await app.data('rita', 'createActionIssues', { issueKey: 'SEC-32' });
    const view = await app.data('rita', 'getDecisions', { issueKey: 'SEC-32' });
    const actions = view.rootCauses.flatMap((entry) => entry.actions);
    actionKeys = actions.map((action) => action.jira?.issueKey ?? '').sort();
    const first = actions.find((action) => action.summary === 'Call-back procedure');
    expect(await property(first?.jira?.issueKey ?? '', 'lessonsLearnedAction')).toEqual({
      actionId: first?.id,
      incidentId: view.incident.issueId,
      incidentKey: 'SEC-32',
      rootCauseCategory: 'policy-process',
      kind: 'corrective',
      verified: false,
      effectiveness: 'pending',
    });
    // "All corrective actions of incident X", by path and by alias.
    expect(await jql('issue.property[lessonsLearnedAction].incidentKey = "SEC-32"')).toEqual(actionKeys);
    expect(await jql('llIncidentKey = "SEC-32" AND llActionKind = corrective')).toEqual([first?.jira?.issueKey]);

    // Done in Jira (the trigger syncs the status): one open action left, and it is an unverified completed action.
    await moveIssue(first?.jira?.issueKey ?? '', '31');
    expect(await property('SEC-32')).toMatchObject({ openActions: 1 });
    expect(await jql('llIncidentKey = "SEC-32" AND llVerified = "false" AND statusCategory = Done')).toEqual([first?.jira?.issueKey]);

    const done = (await app.data('mark', 'getDecisions', { issueKey: 'SEC-32' })).rootCauses.flatMap((entry) => entry.actions).find((action) => action.id === first?.id);
    await app.data('mark', 'verifyAction', { issueKey: 'SEC-32', actionId: first?.id ?? '', baseVersion: done?.version ?? 0, evidence: 'Procedure published and trained.' });
    expect(await property(first?.jira?.issueKey ?? '', 'lessonsLearnedAction')).toMatchObject({ verified: true });
    expect(await jql('llIncidentKey = "SEC-32" AND llVerified = "false" AND statusCategory = Done')).toEqual([]);
  });

  test('overdue counts follow the date: the daily job refreshes them, writing only what changed', async () => {
    const later = new Date(Date.now() + 25 * 86_400_000);
    app.sandbox.runtime.calls.reset();
    await job(later);
    expect(await property('SEC-32')).toMatchObject({ openActions: 1, overdueActions: 1 });
    expect(await jql('issue.property[lessonsLearned].overdueActions > 0')).toEqual(['SEC-32']);
    expect(await jql('llOverdueActions > 0 AND project = SEC')).toEqual(['SEC-32']);
    // Only the incident's value changed: its action issues were not rewritten.
    expect(propertyWrites()).toEqual([expect.stringMatching(/properties\/lessonsLearned$/)]);
    app.sandbox.runtime.calls.reset();
    await job(new Date(later.getTime() + 86_400_000));
    expect(propertyWrites()).toEqual([]);
    expect(actionKeys).toHaveLength(2);
  });
});

describe('the remaining kinds of write', () => {
  test('removing a draft action lowers the open count', async () => {
    const view = await app.data('rita', 'addActions', { issueKey: 'SEC-30', actions: [{ rootCauseId: 'r1', summary: 'Maybe later', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, 3) }] });
    expect(await property('SEC-30')).toMatchObject({ openActions: 1 });
    const draft = view.rootCauses.flatMap((entry) => entry.actions).find((action) => action.summary === 'Maybe later');
    await app.data('rita', 'removeAction', { issueKey: 'SEC-30', actionId: draft?.id ?? '', baseVersion: draft?.version ?? 0 });
    expect(await property('SEC-30')).toMatchObject({ openActions: 0 });
  });

  test('the effectiveness judgement reaches the action issue', async () => {
    const actions = (await app.data('mark', 'getDecisions', { issueKey: 'SEC-32' })).rootCauses.flatMap((entry) => entry.actions);
    const done = actions.find((action) => action.status === 'done');
    expect(await property(done?.jira?.issueKey ?? '', 'lessonsLearnedAction')).toMatchObject({ effectiveness: 'pending' });
    await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => judgeProjectEffectiveness('SEC', new Date(Date.now() + 400 * 86_400_000)));
    const judged = (await app.data('mark', 'getDecisions', { issueKey: 'SEC-32' })).rootCauses.flatMap((entry) => entry.actions).find((action) => action.id === done?.id);
    expect(judged?.effectiveness?.verdict).toMatch(/^(effective|not-effective)$/);
    expect(await property(done?.jira?.issueKey ?? '', 'lessonsLearnedAction')).toMatchObject({ effectiveness: judged?.effectiveness?.verdict });
    expect(await jql(`llIncidentKey = "SEC-32" AND llEffectiveness = "${judged?.effectiveness?.verdict ?? ''}"`)).toEqual([done?.jira?.issueKey]);
  });
});

describe('repair path', () => {
  test('a sync Jira refused leaves a marker; the save still succeeds and the daily job repairs the property', async () => {
    const review = await reviewWithDecisions(app, 'SEC-33');
    app.sandbox.runtime.calls.reset();
    const moved = await app.data('rita', 'transitionReview', { issueKey: 'SEC-33', target: 'in_review', baseVersion: review.version });
    const jiraCalls = app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation);
    const callsBeforeWrite = jiraCalls.findIndex((operation) => operation.endsWith('/properties/lessonsLearned'));
    expect(callsBeforeWrite).toBeGreaterThan(0);
    const back = await app.data('rita', 'transitionReview', { issueKey: 'SEC-33', target: 'draft', baseVersion: moved.review.version });
    // The same move again, but Jira answers 503 to the property write and to every retry of it.
    app.sandbox.runtime.faults.configure({ jira: { sequence: [...Array<'pass'>(callsBeforeWrite).fill('pass'), ...Array<'server-error'>(10).fill('server-error')] } });
    const envelope = await app.invoke('rita', 'transitionReview', { issueKey: 'SEC-33', target: 'in_review', baseVersion: back.review.version });
    app.sandbox.runtime.faults.configure({});
    expect(envelope.ok).toBe(true);
    expect(await property('SEC-33')).toMatchObject({ stage: 'draft' });
    expect(markers()).toBe(1);
    await job(new Date(Date.now() + 2 * 86_400_000));
    expect(await property('SEC-33')).toMatchObject({ stage: 'in_review' });
    expect(markers()).toBe(0);
  });
});

test('an incident deleted in Jira leaves no marker behind for the daily job to retry forever', async () => {
  const review = await reviewWithDecisions(app, 'SEC-34');
  expect((await jiraRequest(app.sandbox.jira, alice, 'DELETE', '/rest/api/3/issue/SEC-34')).status).toBe(204);
  await app.sandbox.settled();
  // A change is still to be mirrored (its marker is there, and Jira never got the value).
  const { syncIncidentProperties, syncMarkerWrite } = await import('../../src/services/property-sync');
  const { transact } = await import('../../src/platform/store');
  app.sandbox.db.prepare('DELETE FROM kvs_entities WHERE entity_name = ? AND key = ?').run(ENTITY.propertyHash, `property-hash-lessonsLearned-${review.incident.issueId}`);
  const before = markers();
  await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => transact([syncMarkerWrite(review.incident)]));
  expect(markers()).toBe(before + 1);
  app.sandbox.runtime.calls.reset();
  const outcome = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => syncIncidentProperties(review.incident.issueId));
  // Jira answered 404 to the write: nothing written, and the marker is gone.
  expect(propertyWrites()).toEqual(['PUT /rest/api/3/issue/{id}/properties/lessonsLearned']);
  expect(outcome.written).toBe(0);
  expect(markers()).toBe(before);
});
