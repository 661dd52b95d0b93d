import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';

/**
 * Pins the Custom UI bridge protocol: what the real @forge/bridge package sends through
 * `globalThis.__bridge.callBridge` for each API the app uses, and that the sandbox's bridge host
 * answers every one of those calls. A @forge/bridge upgrade that renames a call or reshapes its
 * payload fails here before it breaks the sandbox.
 */
type Call = [name: string, payload: unknown];

const calls: Call[] = [];

// Browsers resolve the empty URL @forge/bridge gives `new Request('')` against the page; Node has no page.
const NodeRequest = globalThis.Request;
class PageRequest extends NodeRequest {
  constructor(input: ConstructorParameters<typeof Request>[0], init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://127.0.0.1/') : input, init);
  }
}

beforeAll(() => {
  globalThis.Request = PageRequest;
  (globalThis as { __bridge?: unknown }).__bridge = {
    callBridge: (name: string, payload: unknown) => {
      calls.push([name, payload]);
      return Promise.resolve(name === 'fetchProduct' ? { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body: '{"accountId":"a"}' } : {});
    },
  };
});

afterAll(() => {
  globalThis.Request = NodeRequest;
});

async function bridgeCalls(use: (bridge: typeof import('@forge/bridge')) => Promise<unknown>): Promise<Call[]> {
  calls.length = 0;
  let bridge: typeof import('@forge/bridge') | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    bridge = require('@forge/bridge') as typeof import('@forge/bridge');
  });
  if (bridge === undefined) throw new Error('@forge/bridge did not load');
  await use(bridge);
  return [...calls];
}

test('invoke sends the function key and payload', async () => {
  expect(await bridgeCalls((b) => b.invoke('getPanel', { issueKey: 'SEC-1' }))).toEqual([['invoke', { functionKey: 'getPanel', payload: { issueKey: 'SEC-1' }, metadata: undefined }]]);
});

test('view.getContext and view.theme.enable', async () => {
  const sent = await bridgeCalls(async (b) => {
    await b.view.getContext();
    await b.view.theme.enable();
  });
  expect(sent.map(([name]) => name)).toEqual(['getContext', 'enableTheming']);
});

test('requestJira sends product, path and request init, and returns a Response', async () => {
  let body: unknown;
  const sent = await bridgeCalls(async (b) => {
    const response = await b.requestJira('/rest/api/3/user/search?query=ri', { method: 'GET', headers: { Accept: 'application/json' } });
    body = await response.json();
  });
  expect(body).toEqual({ accountId: 'a' });
  expect(sent).toHaveLength(1);
  const [name, payload] = sent[0] as Call;
  expect(name).toBe('fetchProduct');
  expect(payload).toMatchObject({ product: 'jira', restPath: '/rest/api/3/user/search?query=ri', fetchRequestInit: { method: 'GET', body: null } });
  expect((payload as { fetchRequestInit: { headers: [string, string][] } }).fetchRequestInit.headers).toEqual(
    expect.arrayContaining([['accept', 'application/json'], ['x-atlassian-token', 'no-check']]),
  );
});

test('flags, navigation and events', async () => {
  const sent = await bridgeCalls(async (b) => {
    b.showFlag({ id: 'saved', title: 'Saved', type: 'success' });
    await b.router.navigate('/browse/SEC-1');
    await b.events.on('review-changed', () => undefined);
    await b.events.emit('review-changed', { issueKey: 'SEC-1' });
  });
  expect(sent.map(([name]) => name)).toEqual(['showFlag', 'navigate', 'on', 'emit']);
  expect(sent[1]?.[1]).toEqual({ url: '/browse/SEC-1', type: 'same-tab' });
  expect(typeof (sent[2]?.[1] as { callback: unknown }).callback).toBe('function');
});

/** Runs the sandbox's host script against a fake page with one frame, and calls it like the shim does. */
function hostFor(fetchResult: unknown) {
  const replies: unknown[] = [];
  let listener: ((event: unknown) => void) | undefined;
  const frameWindow = { postMessage: (message: unknown) => replies.push(message) };
  const frame = { contentWindow: frameWindow, style: {}, getAttribute: () => JSON.stringify({ accountId: 'a', extension: { type: 'jira:issuePanel' } }), setAttribute: () => undefined };
  const window = {
    location: { origin: 'http://127.0.0.1', assign: () => undefined, reload: () => undefined },
    addEventListener: (_type: string, fn: (event: unknown) => void) => { listener = fn; },
    open: () => undefined,
  };
  const sandboxGlobals = {
    window,
    document: { querySelectorAll: () => [frame], getElementById: () => null, querySelector: () => null, addEventListener: () => undefined, documentElement: { setAttribute: () => undefined } },
    fetch: () => Promise.resolve({ ok: true, json: () => Promise.resolve(fetchResult) }),
    CSS: { escape: (s: string) => s },
    setTimeout,
    Promise,
    JSON,
    Math,
  };
  runInNewContext(readFileSync(path.resolve(__dirname, '../../sandbox/web/bridge-host.js'), 'utf8'), { ...sandboxGlobals, ...window, window });
  const call = async (name: string, payload: unknown) => {
    listener?.({ origin: 'http://127.0.0.1', source: frameWindow, data: { type: 'forge-bridge-call', id: 1, name, payload } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    return replies.pop() as { ok: boolean; value?: unknown; error?: { message: string } };
  };
  return { call };
}

test('the sandbox bridge host answers every call the bridge makes for the APIs the app uses', async () => {
  const host = hostFor({ result: { ok: true, data: 1 } });
  const all = await bridgeCalls(async (b) => {
    await b.invoke('getPanel', {});
    await b.view.getContext();
    await b.requestJira('/rest/api/3/myself');
    b.showFlag({ id: 'f', title: 't' });
    await b.router.navigate('/browse/SEC-1');
    await b.events.on('x', () => undefined);
    await b.events.emit('x', {});
  });
  for (const [name, payload] of all) {
    // Functions cannot cross postMessage: the shim sends callback ids instead.
    const sendable: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'function' ? { __forgeCallback: 'cb1' } : v)));
    const reply = await host.call(name, sendable);
    expect({ name, ok: reply.ok, error: reply.error }).toEqual({ name, ok: true, error: undefined });
  }
  expect((await host.call('invoke', { functionKey: 'getPanel', payload: {} })).value).toEqual({ ok: true, data: 1 });
  expect((await host.call('noSuchCall', {})).error?.message).toMatch(/does not emulate/);
});
