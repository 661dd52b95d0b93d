import api, { type APIResponse } from '@forge/api';
import { AppError } from '../../api/errors';
import { decideRetry, RESOLVER_RETRY_POLICY, type AttemptOutcome, type RetryPolicy } from '../../domain/retry-policy';

/** Who a Jira call runs as: the person using the app, or the app itself (triggers, scheduled jobs). */
export type JiraActor = 'user' | 'app';

/** The part of @forge/api's asUser()/asApp() the app uses. */
export type JiraRequester = Pick<ReturnType<typeof api.asApp>, 'requestJira'>;

/**
 * One attempt of a Jira call. Call sites write `requestJira(route`…`, { method: … })` out in full
 * so that `forge lint` can match each endpoint against the manifest's scopes.
 */
export type JiraAttempt = (jira: JiraRequester) => Promise<APIResponse>;

export interface JiraResult {
  status: number;
  /** Parsed JSON body, or undefined for an empty body (204). */
  body: unknown;
}

export const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one way src/ talks to Jira: honours 429 Retry-After, retries 5xx with backoff within a
 * deadline below the 25 s resolver limit, and never repeats a non-idempotent request blindly.
 */
export class JiraTransport {
  constructor(
    readonly actor: JiraActor,
    private readonly policy: RetryPolicy = RESOLVER_RETRY_POLICY,
  ) {}

  /** @param idempotent true for reads and PUT/DELETE; a create only when the caller can detect its own earlier success */
  async send(attemptCall: JiraAttempt, idempotent = true): Promise<JiraResult> {
    const requester = this.actor === 'user' ? api.asUser() : api.asApp();
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      let outcome: AttemptOutcome;
      let response: APIResponse | undefined;
      try {
        response = await attemptCall(requester);
        outcome = { kind: 'response', status: response.status, retryAfterHeader: response.headers.get('Retry-After') };
      } catch {
        outcome = { kind: 'network-error' };
      }
      const decision = decideRetry(this.policy, outcome, attempt, Date.now() - started, new Date(), Math.random(), idempotent);
      if (decision.retry) {
        await sleep(decision.delayMs);
        continue;
      }
      if (response === undefined) throw new AppError('UPSTREAM', 'Jira could not be reached. Please try again.');
      return { status: response.status, body: await readJson(response) };
    }
  }
}

async function readJson(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Turns a Jira error status into the app's error vocabulary, keeping Jira's own message when it gave one. */
export function jiraFailure(result: JiraResult, what: string): AppError {
  const jiraMessage = firstJiraMessage(result.body);
  switch (result.status) {
    case 400:
      return new AppError('INVALID_INPUT', `Jira refused ${what}${jiraMessage ? `: ${jiraMessage}` : '.'}`);
    case 401:
    case 403:
      return new AppError('FORBIDDEN', `You do not have permission for ${what} in Jira.`);
    case 404:
      return new AppError('NOT_FOUND', `${what} was not found in Jira, or you cannot see it.`);
    case 429:
      return new AppError('RATE_LIMITED', 'Jira is busy right now. Please try again in a minute.');
    default:
      return new AppError('UPSTREAM', `Jira is not responding right now (HTTP ${result.status}; ${what}). Please try again.`);
  }
}

function firstJiraMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  if (Array.isArray(errorMessages) && typeof errorMessages[0] === 'string') return errorMessages[0];
  if (typeof errors === 'object' && errors !== null) {
    const first: unknown = Object.values(errors as Record<string, unknown>)[0];
    if (typeof first === 'string') return first;
  }
  return undefined;
}
