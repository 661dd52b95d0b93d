/**
 * Installs `global.__forge_fetch__` the way the Forge runtime does, routed to a KvsEmulator, so the
 * real `@forge/kvs` package can be driven against it. Every call is recorded so tests can pin the
 * wire protocol (paths, descriptor, method, headers, bodies).
 *
 * Stand-in for `sandbox/forge-runtime.ts` until that installs the global for the whole sandbox.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { KvsEmulator, loadEntityDefinitions, type EntityDefinition } from '../../../sandbox/kvs';

export const FIXTURE_MANIFEST = path.join(__dirname, '..', 'fixtures', 'kvs-manifest.yml');

export interface RecordedKvsCall {
  descriptor: unknown;
  path: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

export interface ManualClock {
  now: number;
  advance(ms: number): void;
}

export interface InstalledKvs {
  emulator: KvsEmulator;
  db: Database.Database;
  calls: RecordedKvsCall[];
  clock: ManualClock;
  uninstall(): void;
}

export interface InstallOptions {
  entities?: readonly EntityDefinition[];
  /** A database file to use instead of a fresh `:memory:` one. */
  dbPath?: string;
}

/** 2026-01-01T00:00:00Z: a fixed start so timestamps and TTLs are deterministic. */
export const CLOCK_START = Date.UTC(2026, 0, 1);

export function installKvsGlobal(options: InstallOptions = {}): InstalledKvs {
  const db = new Database(options.dbPath ?? ':memory:');
  const clock: ManualClock = {
    now: CLOCK_START,
    advance(ms) {
      this.now += ms;
    },
  };
  const emulator = new KvsEmulator(db, {
    entities: options.entities ?? loadEntityDefinitions(FIXTURE_MANIFEST),
    now: () => clock.now,
  });
  const calls: RecordedKvsCall[] = [];
  const forgeFetch = async (descriptor: unknown, requestPath: string, init?: RequestInit): Promise<Response> => {
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const result = await emulator.handle(requestPath, body);
    calls.push({
      descriptor,
      path: requestPath,
      method: init?.method,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body,
      status: result.status,
    });
    // A Response for 204 must have a null body; an empty string throws.
    return new Response(result.status === 204 ? null : result.body, { status: result.status, headers: result.headers });
  };
  Reflect.set(globalThis, '__forge_fetch__', forgeFetch);
  return {
    emulator,
    db,
    calls,
    clock,
    uninstall() {
      Reflect.deleteProperty(globalThis, '__forge_fetch__');
      db.close();
    },
  };
}
