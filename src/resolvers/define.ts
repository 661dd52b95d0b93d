import type { z } from 'zod';
import type { Envelope } from '../api/envelope';
import { AppError } from '../api/errors';
import { resolverInputs, type FunctionKey, type ResolverOutput } from '../api/resolvers';
import { logEvent } from '../platform/log';
import { authorise, type AccessNeed, type AccessTarget, type Grant } from '../services/access';

/** The only facts of the invocation context we trust (see DESIGN: everything else can be forged). */
export interface Caller {
  accountId: string;
}

type Input<K extends FunctionKey> = z.output<(typeof resolverInputs)[K]>;

interface SpecBase<K extends FunctionKey> {
  key: K;
  /** Which issue/project the call touches and what the caller needs there; checked with Jira as the caller. */
  access: (input: Input<K>) => { target: AccessTarget; need: AccessNeed };
}

/**
 * Writes (and anything that must not run before the check): the handler starts once access is
 * granted. A write may name reads to `prefetch` while Jira checks the caller — the handler gets
 * their result only if the check passes, and nothing is written before it does.
 */
interface GuardedSpec<K extends FunctionKey, P> extends SpecBase<K> {
  readOnly?: false;
  prefetch?: (input: Input<K>) => Promise<P>;
  handle: (input: Input<K>, caller: Caller, grant: Grant, prefetched: P) => Promise<ResolverOutput<K>>;
}

/**
 * Reads: the handler starts while Jira checks the caller's permission (one round trip less on
 * every screen load) and gets the grant as a promise; its result is returned only if the check
 * passes. Never use this for a resolver that writes.
 */
interface ReadOnlySpec<K extends FunctionKey> extends SpecBase<K> {
  readOnly: true;
  handle: (input: Input<K>, caller: Caller, grant: Promise<Grant>) => Promise<ResolverOutput<K>>;
}

export type ResolverSpec<K extends FunctionKey, P = undefined> = GuardedSpec<K, P> | ReadOnlySpec<K>;

export interface ResolverRequest {
  payload: unknown;
  context: { accountId?: unknown };
}

export type ResolverFunction = (request: ResolverRequest) => Promise<Envelope<unknown>>;

/**
 * The middleware every resolver goes through: who is calling (trusted context only) → payload
 * validation (zod, naming the field) → authorisation (Jira, as the caller) → handler →
 * one envelope, with one structured log line per call.
 */
export function defineResolver<K extends FunctionKey, P = undefined>(spec: ResolverSpec<K, P>): ResolverFunction {
  const schema = resolverInputs[spec.key];
  return async ({ payload, context }) => {
    const started = Date.now();
    const outcome = await run(async () => {
      const accountId = context.accountId;
      if (typeof accountId !== 'string' || accountId === '') {
        throw new AppError('FORBIDDEN', 'Please log in to Jira to use this app.');
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw validationError(parsed.error);
      const input = parsed.data as Input<K>;
      const { target, need } = spec.access(input);
      const caller = { accountId };
      const granted = authorise(target, need);
      const reads = spec.readOnly === true ? spec.handle(input, caller, granted) : spec.prefetch ? spec.prefetch(input) : Promise.resolve(undefined as P);
      const [access, result] = await Promise.allSettled([granted, reads]);
      // A refused caller gets the refusal, never whatever the reads found.
      if (access.status === 'rejected') throw access.reason;
      if (result.status === 'rejected') throw result.reason;
      if (spec.readOnly === true) return result.value as ResolverOutput<K>;
      return spec.handle(input, caller, access.value, result.value as P);
    });
    logEvent('resolver', {
      fn: spec.key,
      ms: Date.now() - started,
      ok: outcome.ok,
      ...(outcome.ok ? {} : { code: outcome.error.code, level: outcome.error.code === 'INTERNAL' ? 'error' : 'info' }),
    });
    return outcome;
  };
}

async function run<T>(work: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    logEvent('resolver-crash', { level: 'error', name: error instanceof Error ? error.name : typeof error, message: error instanceof Error ? error.message.slice(0, 200) : undefined });
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again; if it keeps happening, tell your Jira admin.' } };
  }
}

function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'Invalid input';
  return field === '' ? new AppError('INVALID_INPUT', message) : new AppError('INVALID_INPUT', `${field}: ${message}`, field);
}
