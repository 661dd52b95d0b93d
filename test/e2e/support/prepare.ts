import type { Envelope } from '../../../src/api/envelope';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../../src/api/resolvers';
import { PERSONAS, type PersonaName } from '../../../sandbox/jira';
import type { ResolverCaller } from '../../integration/decisions-fixture';
import type { SandboxAndBrowser } from './lifecycle';

/**
 * Resolver calls as a persona would make them from the issue panel, for setting up what a browser
 * test starts from (the steps before the ones it is about) — through the same permission checks.
 */
export async function invokeAs<K extends FunctionKey>(env: SandboxAndBrowser, persona: PersonaName, key: K, payload: ResolverInput<K>): Promise<ResolverOutput<K>> {
  const { accountId } = PERSONAS[persona];
  const context = env.running.sandbox.app.frameContext(accountId, { type: 'jira:issuePanel' }, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
  const envelope = (await env.running.sandbox.app.invoke(accountId, context, key, payload)) as Envelope<ResolverOutput<K>>;
  if (!envelope.ok) throw new Error(`${key} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

/** The integration fixtures' view of the sandbox (decisions-fixture.ts drives reviews through it). */
export const resolverCaller = (env: SandboxAndBrowser): ResolverCaller => ({ data: (persona, key, payload) => invokeAs(env, persona, key, payload) });

/** SEC's actions go to the ISMS improvement project, where Owen may be assigned and work them. */
export async function actionsInIsms(env: SandboxAndBrowser): Promise<void> {
  const current = await invokeAs(env, 'alice', 'getSettings', { projectKey: 'SEC' });
  await invokeAs(env, 'alice', 'saveSettings', {
    projectKey: 'SEC',
    settings: { ...current.settings, actions: { projectKey: 'ISMS', issueTypeName: 'Corrective action', linkTypeName: 'Problem/Incident', defaultDueDays: 30 } },
    baseVersion: current.version,
  });
}
