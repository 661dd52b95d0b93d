import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { BackendResponse, JiraBackend, JiraPrincipal, KvsBackend } from './backends';
import { CallLog, endpointOf } from './call-log';
import { FaultInjector, type CallClass } from './faults';

/**
 * Emulates the Forge Node runtime for code in src/: the globals `__forge_fetch__` and
 * `__forge_runtime__` that the real `@forge/api` and `@forge/kvs` packages call, answered by the
 * sandbox's KVS and Jira emulators. Each invocation (resolver call, trigger, scheduled run) runs
 * in its own async context, so concurrent invocations keep their own user, as on Forge where each
 * runs in its own lambda.
 */
export interface Invocation {
  invocationId: string;
  moduleKey: string;
  /** The user the invocation runs for; absent for triggers and scheduled runs. */
  accountId?: string;
  startedAt: number;
}

/** Forge's resolver/function time limit: the sandbox reports the remaining time the same way. */
const FUNCTION_TIMEOUT_MS = 25_000;

export const APP_ID = '6f1d3a52-1b7e-4d8c-9a51-2c7f0e4b9d10';
export const CLOUD_ID = 'a7c5e6d1-0b3f-4e2a-9c8d-5f1e2d3c4b5a';
export const INSTALL_CONTEXT = `ari:cloud:jira::site/${CLOUD_ID}`;

interface ForgeFetchDescriptor {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

interface ForgeFetchInit {
  method?: string;
  headers?: unknown;
  body?: unknown;
}

export interface ForgeRuntime {
  kvs: KvsBackend;
  jira: JiraBackend;
  faults: FaultInjector;
  calls: CallLog;
  /** Runs `work` as one Forge invocation. */
  invoke<T>(invocation: Omit<Invocation, 'invocationId' | 'startedAt'>, work: () => Promise<T>): Promise<T>;
}

const invocations = new AsyncLocalStorage<Invocation>();

declare global {
  var __forge_fetch__: ((descriptor: ForgeFetchDescriptor, path: string, init?: ForgeFetchInit) => Promise<Response>) | undefined;
  var __forge_runtime__: unknown;
}

function headersToRecord(headers: unknown): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers as [string, string][]);
  return Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

function toResponse(answer: BackendResponse): Response {
  const nullBody = answer.status === 204 || answer.status === 304 || answer.body === '';
  return new Response(nullBody ? null : answer.body, { status: answer.status, headers: answer.headers });
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

export function installForgeRuntime(backends: { kvs: KvsBackend; jira: JiraBackend; faults?: FaultInjector; calls?: CallLog }): ForgeRuntime {
  const faults = backends.faults ?? new FaultInjector();
  const calls = backends.calls ?? new CallLog();

  /** Latency first, then the fault verdict; a dropped response still runs the call (that is the point). */
  async function withFaults(callClass: CallClass, run: () => Promise<BackendResponse>): Promise<Response> {
    await sleep(faults.latencyMs(callClass));
    const verdict = faults.decide(callClass);
    if (verdict.kind === 'rate-limit') {
      return toResponse({ status: 429, headers: { 'Retry-After': String(verdict.retryAfterSeconds), 'content-type': 'application/json' }, body: JSON.stringify({ code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }) });
    }
    if (verdict.kind === 'server-error') {
      return toResponse({ status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'Service unavailable' }) });
    }
    const answer = await run();
    if (verdict.kind === 'drop-response') throw new TypeError('fetch failed: the response was lost (sandbox fault injection)');
    return toResponse(answer);
  }

  function principalFor(descriptor: ForgeFetchDescriptor): JiraPrincipal {
    if (descriptor.provider === 'app') return { kind: 'app' };
    const accountId = descriptor.accountId ?? invocations.getStore()?.accountId;
    // On Forge, asUser() outside a user invocation fails; an anonymous principal gets Jira's 401.
    return accountId === undefined ? { kind: 'anonymous' } : { kind: 'user', accountId };
  }

  globalThis.__forge_fetch__ = async (descriptor, path, init = {}) => {
    if (descriptor.type === 'kvs') {
      calls.record({ callClass: 'kvs', operation: `kvs ${path}`, principal: 'app' });
      const body: unknown = typeof init.body === 'string' && init.body !== '' ? JSON.parse(init.body) : {};
      return withFaults('kvs', () => backends.kvs.handle(path, body));
    }
    if (descriptor.type === 'fpp' && descriptor.remote === 'jira') {
      const method = (init.method ?? 'GET').toUpperCase();
      const as = principalFor(descriptor);
      calls.record({ callClass: 'jira', operation: endpointOf(method, path), principal: as.kind === 'user' ? as.accountId : as.kind });
      const body = typeof init.body === 'string' ? init.body : undefined;
      // Uploads arrive as bytes (an ArrayBuffer or a view of one), like on Forge.
      const rawBody = init.body instanceof ArrayBuffer ? new Uint8Array(init.body) : ArrayBuffer.isView(init.body) ? new Uint8Array(init.body.buffer, init.body.byteOffset, init.body.byteLength) : undefined;
      return withFaults('jira', () =>
        backends.jira.handle({ method, path, headers: headersToRecord(init.headers), ...(body === undefined ? {} : { body }), ...(rawBody === undefined ? {} : { rawBody }), as }),
      );
    }
    // Egress is not declared for anything else: Forge refuses such calls too.
    throw new Error(`Sandbox: outbound call not permitted by the manifest (${descriptor.type ?? '?'} ${descriptor.remote ?? ''} ${path})`);
  };

  const noopMetric = { incr: () => undefined, decr: () => undefined, measure: () => ({ stop: () => undefined }), set: () => undefined };
  const current = (): Invocation | undefined => invocations.getStore();
  globalThis.__forge_runtime__ = {
    get appContext() {
      const invocation = current();
      return {
        appId: APP_ID,
        appVersion: '1.0.0',
        environmentId: 'sandbox',
        environmentType: 'DEVELOPMENT',
        invocationId: invocation?.invocationId ?? 'none',
        installationId: `sandbox-${CLOUD_ID}`,
        moduleKey: invocation?.moduleKey ?? 'none',
        license: { isActive: true },
        installation: { ari: INSTALL_CONTEXT, contexts: [INSTALL_CONTEXT] },
        permissions: { scopes: [], external: {} },
      };
    },
    get lambdaContext() {
      const started = current()?.startedAt ?? Date.now();
      return { getRemainingTimeInMillis: () => Math.max(0, FUNCTION_TIMEOUT_MS - (Date.now() - started)) };
    },
    metrics: { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric },
    proxy: { token: 'sandbox', url: 'http://sandbox.invalid' },
    tracing: { traceId: 'sandbox', spanId: 'sandbox' },
  };

  return {
    kvs: backends.kvs,
    jira: backends.jira,
    faults,
    calls,
    invoke: (invocation, work) => invocations.run({ ...invocation, invocationId: randomUUID(), startedAt: Date.now() }, work),
  };
}
