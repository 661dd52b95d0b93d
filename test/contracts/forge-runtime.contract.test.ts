import Database from 'better-sqlite3';
import type { BackendResponse, JiraRequest } from '../../sandbox/backends';
import { FaultInjector } from '../../sandbox/faults';
import { installForgeRuntime, type ForgeRuntime } from '../../sandbox/forge-runtime';
import { KvsEmulator } from '../../sandbox/kvs';

/**
 * Pins how the real @forge/api reaches the platform through the sandbox's runtime globals:
 * asUser() carries the invocation's user, asApp() the app, and the app's Jira transport honours
 * Retry-After, retries what is safe to retry and never repeats a create blindly.
 */
const seen: JiraRequest[] = [];
const jira = {
  handle: (request: JiraRequest): Promise<BackendResponse> => {
    seen.push(request);
    return Promise.resolve({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) });
  },
};
let runtime: ForgeRuntime;
const faults = new FaultInjector();

beforeAll(() => {
  runtime = installForgeRuntime({ kvs: new KvsEmulator(new Database(':memory:'), { entities: [] }), jira, faults });
});

beforeEach(() => {
  seen.length = 0;
  faults.configure({});
});

// Loaded after the globals exist, as Forge loads the app after its runtime.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const forgeApi = () => require('@forge/api') as typeof import('@forge/api');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transport = () => require('../../src/platform/jira/transport') as typeof import('../../src/platform/jira/transport');

test('asUser() inside an invocation runs as that user; asApp() as the app', async () => {
  const { default: api, route } = forgeApi();
  await runtime.invoke({ moduleKey: 'm', accountId: 'user-1' }, async () => {
    await api.asUser().requestJira(route`/rest/api/3/myself`);
    await api.asApp().requestJira(route`/rest/api/3/serverInfo`, { method: 'GET' });
  });
  expect(seen.map((r) => [r.method, r.path, r.as])).toEqual([
    ['GET', '/rest/api/3/myself', { kind: 'user', accountId: 'user-1' }],
    ['GET', '/rest/api/3/serverInfo', { kind: 'app' }],
  ]);
});

test('concurrent invocations keep their own users', async () => {
  const { default: api, route } = forgeApi();
  await Promise.all(
    ['a', 'b', 'c'].map((accountId) => runtime.invoke({ moduleKey: 'm', accountId }, () => api.asUser().requestJira(route`/rest/api/3/issue/${accountId.toUpperCase()}-1`))),
  );
  const byPath = Object.fromEntries(seen.map((r) => [r.path, r.as]));
  expect(byPath).toEqual({
    '/rest/api/3/issue/A-1': { kind: 'user', accountId: 'a' },
    '/rest/api/3/issue/B-1': { kind: 'user', accountId: 'b' },
    '/rest/api/3/issue/C-1': { kind: 'user', accountId: 'c' },
  });
});

test('a 429 is retried after Retry-After, and the wait is honoured', async () => {
  const { route } = forgeApi();
  const { JiraTransport } = transport();
  faults.configure({ jira: { sequence: ['rate-limit', 'rate-limit'], retryAfterSeconds: 0.2 } });
  const started = Date.now();
  const result = await runtime.invoke({ moduleKey: 'm', accountId: 'u' }, () =>
    new JiraTransport('user').send((r) => r.requestJira(route`/rest/api/3/myself`, { method: 'GET' })),
  );
  expect(result.status).toBe(200);
  expect(seen).toHaveLength(1); // the two refused attempts never reached Jira
  expect(Date.now() - started).toBeGreaterThanOrEqual(400);
});

test('a GET is retried after a 503 and a lost response; a create is not repeated after either', async () => {
  const { route } = forgeApi();
  const { JiraTransport } = transport();
  faults.configure({ jira: { sequence: ['server-error', 'drop-response'] } });
  const read = await runtime.invoke({ moduleKey: 'm', accountId: 'u' }, () => new JiraTransport('user').send((r) => r.requestJira(route`/rest/api/3/myself`, { method: 'GET' })));
  expect(read.status).toBe(200);
  expect(seen).toHaveLength(2); // the lost response did reach Jira, then the retry

  seen.length = 0;
  faults.configure({ jira: { sequence: ['drop-response'] } });
  const create = runtime.invoke({ moduleKey: 'm', accountId: 'u' }, () =>
    new JiraTransport('user').send((r) => r.requestJira(route`/rest/api/3/issue`, { method: 'POST', body: '{}' }), false),
  );
  await expect(create).rejects.toMatchObject({ code: 'UPSTREAM' });
  expect(seen).toHaveLength(1);

  seen.length = 0;
  faults.configure({ jira: { sequence: ['server-error'] } });
  const refused = await runtime.invoke({ moduleKey: 'm', accountId: 'u' }, () =>
    new JiraTransport('user').send((r) => r.requestJira(route`/rest/api/3/issue`, { method: 'POST', body: '{}' }), false),
  );
  expect(refused.status).toBe(503);
  expect(seen).toHaveLength(0);
});

test('calls are counted per endpoint for the bench and tests', async () => {
  const { default: api, route } = forgeApi();
  runtime.calls.reset();
  await runtime.invoke({ moduleKey: 'm', accountId: 'u' }, async () => {
    await api.asUser().requestJira(route`/rest/api/3/issue/SEC-1`);
    await api.asUser().requestJira(route`/rest/api/3/issue/SEC-2`);
  });
  expect(runtime.calls.byOperation()).toEqual({ 'GET /rest/api/3/issue/{id}': 2 });
});
