import type { Sandbox } from '../sandbox/sandbox';
import { PERSONAS, type PersonaName } from '../sandbox/jira';
import type { ModuleExtension } from '../sandbox/app-host';

/** What one user-facing operation cost: counted exactly (deterministic) and timed (noisy). */
export interface Cost {
  invokes: number;
  kvsOps: number;
  kvsByKind: Record<string, number>;
  jiraCalls: number;
  jiraByEndpoint: Record<string, number>;
  /** Bytes of the JSON sent back to the browser. */
  bytesToBrowser: number;
  /** The most any single invoke cost (scenarios invoke one after another, so the split is exact). */
  largestInvoke: { kvsOps: number; bytes: number };
  /** Median wall time under the injected latency, in ms. */
  wallMs?: number;
}

export type Operation = (invoke: Invoke) => Promise<void>;
export type Invoke = (persona: PersonaName, key: string, payload: unknown, extension?: ModuleExtension) => Promise<unknown>;

/** Runs `op` once with zero latency and counts every platform call and byte it caused. */
export async function count(sandbox: Sandbox, op: Operation): Promise<Cost> {
  let invokes = 0;
  let bytes = 0;
  const largestInvoke = { kvsOps: 0, bytes: 0 };
  const invoke: Invoke = async (persona, key, payload, extension = { type: 'jira:issuePanel' }) => {
    invokes++;
    const accountId = PERSONAS[persona].accountId;
    const context = sandbox.app.frameContext(accountId, extension, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
    const kvsBefore = sandbox.runtime.calls.count('kvs');
    const result = await sandbox.app.invoke(accountId, context, key, payload);
    const size = Buffer.byteLength(JSON.stringify(result));
    bytes += size;
    largestInvoke.kvsOps = Math.max(largestInvoke.kvsOps, sandbox.runtime.calls.count('kvs') - kvsBefore);
    largestInvoke.bytes = Math.max(largestInvoke.bytes, size);
    const envelope = result as { ok: boolean; error?: { message: string } };
    if (!envelope.ok) throw new Error(`bench: ${key} failed: ${envelope.error?.message ?? '?'}`);
    return result;
  };
  sandbox.runtime.faults.configure({});
  sandbox.runtime.calls.reset();
  await op(invoke);
  await sandbox.settled();
  const calls = sandbox.runtime.calls;
  const kvsByKind: Record<string, number> = {};
  const jiraByEndpoint: Record<string, number> = {};
  for (const call of calls.calls) {
    const bucket = call.callClass === 'kvs' ? kvsByKind : jiraByEndpoint;
    const name = call.callClass === 'kvs' ? call.operation.replace('kvs /api/v1/', '') : call.operation;
    bucket[name] = (bucket[name] ?? 0) + 1;
  }
  return { invokes, kvsOps: calls.count('kvs'), kvsByKind, jiraCalls: calls.count('jira'), jiraByEndpoint, bytesToBrowser: bytes, largestInvoke };
}

/** Median wall time of `op` over `runs` runs with the given injected latency per KVS op and per Jira call. */
export async function time(sandbox: Sandbox, op: Operation, latency: { kvsMs: number; jiraMs: number }, runs = 5): Promise<number> {
  const samples: number[] = [];
  const invoke: Invoke = async (persona, key, payload, extension = { type: 'jira:issuePanel' }) => {
    const accountId = PERSONAS[persona].accountId;
    return sandbox.app.invoke(accountId, sandbox.app.frameContext(accountId, extension, { siteUrl: 'http://127.0.0.1', colorMode: 'light' }), key, payload);
  };
  for (let i = 0; i < runs; i++) {
    sandbox.runtime.faults.configure({ kvs: { latencyMs: latency.kvsMs }, jira: { latencyMs: latency.jiraMs } });
    const started = performance.now();
    await op(invoke);
    samples.push(performance.now() - started);
  }
  sandbox.runtime.faults.configure({});
  samples.sort((a, b) => a - b);
  return Math.round(samples[Math.floor(samples.length / 2)] ?? 0);
}
