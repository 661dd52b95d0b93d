/**
 * When to retry a platform call, as a pure decision so it can be tested without clocks.
 * Forge resolvers die at 25 s, so retries stop at a deadline well before that; a 429 says how
 * long to wait in Retry-After, and we wait exactly that (never less), or give up if that would
 * cross the deadline.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total time budget measured from the first attempt. */
  deadlineMs: number;
}

export const RESOLVER_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 4_000, deadlineMs: 15_000 };

export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfterHeader?: string | null }
  | { kind: 'network-error' };

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * A 429 means the request was refused before it ran, so even a create may be repeated. After a 5xx
 * or a lost response a non-idempotent request may already have taken effect: only the caller, who
 * can look for its own result first (idempotency key), may repeat it.
 */
function mayRepeat(outcome: AttemptOutcome, idempotent: boolean): boolean {
  if (outcome.kind === 'network-error') return idempotent;
  if (!RETRYABLE_STATUSES.has(outcome.status)) return false;
  return outcome.status === 429 || idempotent;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * @param attempt 1-based number of the attempt that just finished
 * @param elapsedMs time since the first attempt started
 * @param jitter a number in [0, 1) so concurrent callers spread out (inject 0.5 in tests)
 */
export function decideRetry(
  policy: RetryPolicy,
  outcome: AttemptOutcome,
  attempt: number,
  elapsedMs: number,
  now: Date,
  jitter: number,
  idempotent: boolean,
): RetryDecision {
  if (attempt >= policy.maxAttempts || !mayRepeat(outcome, idempotent)) return { retry: false };
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + jitter / 2);
  const asked = outcome.kind === 'response' ? parseRetryAfter(outcome.retryAfterHeader, now) : undefined;
  const delayMs = Math.round(asked ?? backoff);
  if (elapsedMs + delayMs >= policy.deadlineMs) return { retry: false };
  return { retry: true, delayMs };
}
