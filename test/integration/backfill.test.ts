import { jiraRequest } from '../../sandbox/jira-as';
import { ENTITY } from '../../src/platform/store';
import { recomputeProjectRollups } from '../../src/services/rollups-recompute';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { foldedFromRecords, liveRollups } from '../support/rollups';

/**
 * Backfill of existing incidents (settings page): token-paged JQL, registrations counted in the
 * rollups exactly once — across pages, a page refused by Jira's rate limit, a re-run, a review
 * started afterwards — and equal to a full recompute throughout.
 */
let app: AppHarness;
let total = 0;

const registrations = (): number => (app.sandbox.db.prepare('SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = ?').get(ENTITY.incident) as { n: number }).n;
const incidentsCounted = (): number => Object.entries(liveRollups(app, 'SEC')).reduce((sum, [period, counters]) => sum + (period === 'open' ? 0 : (counters.incidents ?? 0)), 0);
const jiraCalls = () => app.sandbox.runtime.calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation);
const recompute = async () => {
  for (let cursor: string | undefined, done = false; !done; ) {
    const result = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => recomputeProjectRollups('SEC', cursor));
    done = result.done;
    cursor = result.cursor;
  }
};

beforeAll(async () => {
  app = createAppHarness();
  const count = await jiraRequest<{ count: number }>(app.sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SEC AND issuetype = Incident' });
  total = count.body.count;
  expect(total).toBeGreaterThan(50);
  // One incident is already reviewed: the backfill must leave it to its review.
  await app.data('rita', 'startReview', { issueKey: 'SEC-1' });
});

afterAll(() => {
  app.sandbox.close();
});

afterEach(() => {
  app.sandbox.runtime.faults.configure({});
});

test('nothing has run yet', async () => {
  expect(await app.data('alice', 'getBackfill', { projectKey: 'SEC' })).toEqual({ projectKey: 'SEC', progress: null });
});

test('page by page: one JQL search of two fields per call, progress saved; a page refused by 429s saves nothing and is resumed', async () => {
  app.sandbox.runtime.calls.reset();
  const first = await app.data('alice', 'runBackfill', { projectKey: 'SEC' });
  expect(first.progress).toMatchObject({ status: 'running', pages: 1, checked: 50, registered: 49, known: 1 });
  expect(first.progress?.pageToken).toEqual(expect.any(String));
  expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
  expect(registrations()).toBe(49);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));

  // Jira rate-limits the next search longer than the transport waits: the call fails, nothing moves.
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', ...Array<'rate-limit'>(12).fill('rate-limit')], retryAfterSeconds: 0 } });
  const refused = await app.invoke('alice', 'runBackfill', { projectKey: 'SEC' });
  app.sandbox.runtime.faults.configure({});
  expect(refused.ok).toBe(false);
  expect((await app.data('alice', 'getBackfill', { projectKey: 'SEC' })).progress).toEqual(first.progress);
  expect(registrations()).toBe(49);

  // A couple of 429s within the transport's patience: the page goes through.
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'rate-limit', 'rate-limit'], retryAfterSeconds: 0 } });
  const last = await app.data('alice', 'runBackfill', { projectKey: 'SEC' });
  expect(last.progress).toMatchObject({ status: 'done', pages: 2, checked: total, registered: total - 1, known: 1 });
  expect(last.progress?.pageToken).toBeUndefined();
  expect(registrations()).toBe(total - 1);
  expect(incidentsCounted()).toBe(total);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
});

test('a finished walk is not repeated by accident; a re-run counts nothing twice', async () => {
  const before = liveRollups(app, 'SEC');
  app.sandbox.runtime.calls.reset();
  expect((await app.data('alice', 'runBackfill', { projectKey: 'SEC' })).progress).toMatchObject({ status: 'done', pages: 2 });
  expect(jiraCalls()).toEqual(['GET /rest/api/3/mypermissions']);
  let view = await app.data('alice', 'runBackfill', { projectKey: 'SEC', restart: true });
  while (view.progress?.status === 'running') view = await app.data('alice', 'runBackfill', { projectKey: 'SEC' });
  expect(view.progress).toMatchObject({ status: 'done', pages: 2, checked: total, registered: 0, known: total });
  expect(liveRollups(app, 'SEC')).toEqual(before);
});

test('starting a review replaces the registration in the same transaction: the incident is still counted once', async () => {
  await app.data('rita', 'startReview', { issueKey: 'SEC-2' });
  expect(registrations()).toBe(total - 2);
  expect(incidentsCounted()).toBe(total);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
  // The daily job's rollup repair walks registrations too: it agrees with what the writes maintained.
  const maintained = liveRollups(app, 'SEC');
  await recompute();
  expect(liveRollups(app, 'SEC')).toEqual(maintained);
});

test('a review started while the backfill registers the same project: every incident counted once', async () => {
  const opsTotal = (await jiraRequest<{ count: number }>(app.sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = OPS AND issuetype = Incident' })).body.count;
  const walk = async () => {
    let view = await app.data('alice', 'runBackfill', { projectKey: 'OPS' });
    while (view.progress?.status === 'running') view = await app.data('alice', 'runBackfill', { projectKey: 'OPS' });
  };
  await Promise.all([walk(), app.data('rita', 'startReview', { issueKey: 'OPS-2' }), app.data('rita', 'startReview', { issueKey: 'OPS-4' }), app.data('rita', 'startReview', { issueKey: 'OPS-6' })]);
  const counted = Object.entries(liveRollups(app, 'OPS')).reduce((sum, [period, counters]) => sum + (period === 'open' ? 0 : (counters.incidents ?? 0)), 0);
  expect(counted).toBe(opsTotal);
  expect(liveRollups(app, 'OPS')).toEqual(foldedFromRecords(app, 'OPS'));
});

test('registered incidents count in the KPIs: severities come from the project\'s priority mapping, type unknown', async () => {
  const summary = await app.data('mark', 'getDashboardSummary', { projectKey: 'SEC' });
  const yearly = summary.kpis.year.find((kpi) => kpi.id === 'incidents');
  expect(yearly?.current.value).toBeGreaterThan(0);
  const counters = Object.values(liveRollups(app, 'SEC')).reduce<Record<string, number>>((sum, row) => {
    for (const [key, value] of Object.entries(row)) sum[key] = (sum[key] ?? 0) + value;
    return sum;
  }, {});
  expect(counters['type|unknown']).toBeGreaterThan(total - 3);
  expect(Object.keys(counters).filter((key) => key.startsWith('severity|') && key !== 'severity|unknown').length).toBeGreaterThan(0);
});

test('bad input and non-admins change nothing', async () => {
  const before = app.storageSnapshot();
  expect(await app.invoke('alice', 'runBackfill', { projectKey: 'SEC', restart: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await app.invoke('rita', 'runBackfill', { projectKey: 'SEC', restart: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(app.storageSnapshot()).toBe(before);
});
