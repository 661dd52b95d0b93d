import type { Envelope } from '../../src/api/envelope';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../src/api/resolvers';
import type { ModuleExtension } from '../../sandbox/app-host';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../sandbox/sandbox';

/**
 * Integration tests call the app the way Forge does: a bridge invoke from a module, as a persona,
 * through the real resolver definitions, @forge/api and @forge/kvs, against the sandbox emulators.
 */
export interface AppHarness {
  sandbox: Sandbox;
  invoke<K extends FunctionKey>(persona: PersonaName, key: K, payload: ResolverInput<K> | Record<string, unknown>, extension?: ModuleExtension): Promise<Envelope<ResolverOutput<K>>>;
  /** Like invoke, but fails the test unless the call succeeded. */
  data<K extends FunctionKey>(persona: PersonaName, key: K, payload: ResolverInput<K>): Promise<ResolverOutput<K>>;
  /** Every stored KVS entity row, for "nothing changed" assertions. */
  storageSnapshot(): string;
}

const PANEL: ModuleExtension = { type: 'jira:issuePanel' };

export function createAppHarness(): AppHarness {
  const sandbox = createSandbox({ dbPath: ':memory:' });
  const invoke = async <K extends FunctionKey>(persona: PersonaName, key: K, payload: unknown, extension: ModuleExtension = PANEL) => {
    const accountId = PERSONAS[persona].accountId;
    const context = sandbox.app.frameContext(accountId, extension, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
    return (await sandbox.app.invoke(accountId, context, key, payload)) as Envelope<ResolverOutput<K>>;
  };
  return {
    sandbox,
    invoke,
    data: async (persona, key, payload) => {
      const envelope = await invoke(persona, key, payload);
      if (!envelope.ok) throw new Error(`${key} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.data;
    },
    storageSnapshot: () => JSON.stringify(sandbox.db.prepare('SELECT entity_name, key, value FROM kvs_entities ORDER BY entity_name, key').all()),
  };
}
