/**
 * Fault injection at the platform boundary, so tests and the bench can see how the app behaves
 * when Forge storage or Jira is slow, rate-limited, failing or loses responses.
 * Configured per call class by env (SANDBOX_FAULTS='{"jira":{"latencyMs":150}}') or the admin endpoint.
 */
import { mulberry32 } from '../src/domain/random';

export type CallClass = 'kvs' | 'jira';

export interface FaultProfile {
  /** Added before every call. */
  latencyMs?: number;
  /** Share of calls answered 429 with Retry-After (the call does not run). */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** Share of calls answered 503 (the call does not run). */
  serverErrorRate?: number;
  /** Share of calls that run but whose response is lost (the caller sees a network error). */
  dropResponseRate?: number;
  /** Verdicts for the next calls, in order, before the rates apply: replays an exact failure story in tests. */
  sequence?: FaultVerdict['kind'][];
}

export type FaultConfig = Partial<Record<CallClass, FaultProfile>>;

export type FaultVerdict = { kind: 'pass' } | { kind: 'rate-limit'; retryAfterSeconds: number } | { kind: 'server-error' } | { kind: 'drop-response' };

/** Seeded, so a faulty run can be replayed exactly. */
export const seededRandom = mulberry32;

export class FaultInjector {
  private config: FaultConfig;
  private readonly random: () => number;
  readonly injected: Record<FaultVerdict['kind'], number> = { pass: 0, 'rate-limit': 0, 'server-error': 0, 'drop-response': 0 };

  constructor(config: FaultConfig = {}, seed = 1) {
    this.config = config;
    this.random = seededRandom(seed);
  }

  configure(config: FaultConfig): void {
    this.config = config;
  }

  current(): FaultConfig {
    return this.config;
  }

  latencyMs(callClass: CallClass): number {
    return this.config[callClass]?.latencyMs ?? 0;
  }

  decide(callClass: CallClass): FaultVerdict {
    const profile = this.config[callClass] ?? {};
    const scripted = profile.sequence?.shift();
    if (scripted !== undefined) return this.count(scripted === 'rate-limit' ? { kind: scripted, retryAfterSeconds: profile.retryAfterSeconds ?? 1 } : { kind: scripted });
    const roll = this.random();
    const rateLimit = profile.rateLimitRate ?? 0;
    const serverError = rateLimit + (profile.serverErrorRate ?? 0);
    const drop = serverError + (profile.dropResponseRate ?? 0);
    const verdict: FaultVerdict =
      roll < rateLimit
        ? { kind: 'rate-limit', retryAfterSeconds: profile.retryAfterSeconds ?? 1 }
        : roll < serverError
          ? { kind: 'server-error' }
          : roll < drop
            ? { kind: 'drop-response' }
            : { kind: 'pass' };
    return this.count(verdict);
  }

  private count(verdict: FaultVerdict): FaultVerdict {
    this.injected[verdict.kind]++;
    return verdict;
  }
}

export function faultConfigFromEnv(text: string | undefined): FaultConfig {
  if (text === undefined || text.trim() === '') return {};
  return JSON.parse(text) as FaultConfig;
}
