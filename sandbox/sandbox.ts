import Database from 'better-sqlite3';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { AppHost } from './app-host';
import { FaultInjector, type FaultConfig } from './faults';
import { installForgeRuntime, type ForgeRuntime } from './forge-runtime';
import { APP_USER, JiraEmulator, PERSONAS, seedJira, type JiraIssueEvent, type PersonaName } from './jira';
import { KvsEmulator, loadEntityDefinitions } from './kvs';
import { manifestPropertyAliases } from './manifest-resources';
import { logEvent } from '../src/platform/log';
import type { Persona } from './web/pages';

/**
 * Everything the sandbox is, wired together: one SQLite database holding the KVS and Jira
 * emulators' tables, the Forge runtime globals, the app host and event delivery to the trigger.
 * Used by `npm start`, the integration tests and the browser tests alike.
 */
export const ROOT_DIR = path.resolve(__dirname, '..');

export interface SandboxOptions {
  /** SQLite file, or ':memory:' for tests. */
  dbPath: string;
  /** The site's "today" for seeding and Jira's clock; defaults to the real clock. */
  now?: () => Date;
  faults?: FaultConfig;
  faultSeed?: number;
}

export interface Sandbox {
  db: Database.Database;
  jira: JiraEmulator;
  kvs: KvsEmulator;
  runtime: ForgeRuntime;
  app: AppHost;
  personas: Persona[];
  /** Resolves when every trigger invocation started so far has finished (tests wait on it). */
  settled(): Promise<void>;
  close(): void;
}

const PERSONA_ROLES: Record<PersonaName, string> = {
  alice: 'Jira admin',
  rita: 'incident responder',
  mark: 'ISMS manager, approver',
  owen: 'action owner',
  oscar: 'outsider',
};

export const personas: Persona[] = (Object.keys(PERSONAS) as PersonaName[]).map((name) => ({
  accountId: PERSONAS[name].accountId,
  displayName: PERSONAS[name].displayName,
  role: PERSONA_ROLES[name],
}));

/** The manifest's trigger filter: with ignoreSelf, Forge does not deliver events the app itself caused. */
function triggerIgnoresSelf(manifestPath: string): boolean {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules?: { trigger?: { filter?: { ignoreSelf?: boolean } }[] } };
  return manifest.modules?.trigger?.some((t) => t.filter?.ignoreSelf === true) ?? false;
}

export function createSandbox(options: SandboxOptions): Sandbox {
  if (options.dbPath !== ':memory:') mkdirSync(path.dirname(options.dbPath), { recursive: true });
  const db = new Database(options.dbPath);
  if (options.dbPath !== ':memory:') db.pragma('journal_mode = WAL');
  const manifestPath = path.join(ROOT_DIR, 'manifest.yml');
  const now = options.now ?? (() => new Date());
  const kvs = new KvsEmulator(db, { entities: loadEntityDefinitions(manifestPath), now: () => now().getTime() });
  const jira = new JiraEmulator({ db, now, propertyAliases: manifestPropertyAliases(manifestPath) });
  seedJira(jira.state, { now: now() });
  const runtime = installForgeRuntime({ kvs, jira, faults: new FaultInjector(options.faults ?? {}, options.faultSeed ?? 1) });
  const app = new AppHost(runtime);

  const inFlight = new Set<Promise<void>>();
  const ignoreSelf = triggerIgnoresSelf(manifestPath);
  const unsubscribe = jira.onIssueEvent((event: JiraIssueEvent) => {
    if (ignoreSelf && event.atlassianId === APP_USER.accountId) return;
    const delivery = app
      .deliverEvent({ ...event })
      .catch((error: unknown) => { logEvent('sandbox-trigger-failed', { level: 'error', message: error instanceof Error ? error.message : String(error) }); })
      .finally(() => inFlight.delete(delivery));
    inFlight.add(delivery);
  });

  return {
    db,
    jira,
    kvs,
    runtime,
    app,
    personas,
    settled: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    close: () => {
      unsubscribe();
      db.close();
    },
  };
}
