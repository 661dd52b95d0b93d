import { invoke } from '@forge/bridge';
import type { AppErrorBody, Envelope } from '../../src/api/envelope';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../src/api/resolvers';

/** A resolver failure as the UI sees it: code for logic, message for people. */
export class CallError extends Error {
  constructor(readonly body: AppErrorBody) {
    super(body.message);
    this.name = 'CallError';
  }
}

/** The one typed way the Custom UI calls the backend: same input/output types as the resolvers. */
export async function call<K extends FunctionKey>(key: K, input: ResolverInput<K>): Promise<ResolverOutput<K>> {
  let envelope: Envelope<ResolverOutput<K>>;
  try {
    // Without metadata the bridge answers the resolver's return value itself.
    envelope = (await invoke(key, input as Record<string, unknown>)) as Envelope<ResolverOutput<K>>;
  } catch {
    throw new CallError({ code: 'UPSTREAM', message: 'Could not reach the app. Check your connection and try again.' });
  }
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.data;
}
