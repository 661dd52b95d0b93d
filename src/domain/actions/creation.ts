/**
 * Creating actions' Jira issues idempotently (R10): the pure part — reading Jira's bulk-create
 * answer back onto the actions that were sent, and telling the person plainly what happened
 * ("3 of 4 created; retry to finish"). The service does the I/O and the locking.
 */
import type { JiraIssueRef } from './action';

/** Jira creates at most 50 issues per bulk call. */
export const BULK_CREATE_LIMIT = 50;

/** The issue property that carries an action's idempotency key (its id), searchable with JQL. */
export const ACTION_PROPERTY_KEY = 'lessonsLearnedAction';

export interface ActionPropertyValue {
  actionId: string;
  incidentId: string;
  incidentKey: string;
}

export interface BulkCreateAnswer {
  issues: { id: string; key: string }[];
  errors: { failedElementNumber: number; message: string }[];
}

export type ItemOutcome =
  | { actionId: string; result: 'created'; issue: JiraIssueRef }
  | { actionId: string; result: 'failed'; message: string }
  /** Jira's answer did not say (lost response, 5xx, or an answer we cannot map): look it up before creating again. */
  | { actionId: string; result: 'unconfirmed' };

/**
 * Jira lists created issues in request order, skipping failed elements (named by their index).
 * If the counts do not add up, nothing is assumed: every element not reported as failed is
 * unconfirmed and gets looked up by its idempotency key.
 */
export function reconcileBulkCreate(actionIds: readonly string[], answer: BulkCreateAnswer): ItemOutcome[] {
  const failures = new Map(answer.errors.map((error) => [error.failedElementNumber, error.message]));
  const succeeded = actionIds.map((_, index) => index).filter((index) => !failures.has(index));
  const mappable = succeeded.length === answer.issues.length;
  return actionIds.map((actionId, index): ItemOutcome => {
    const failure = failures.get(index);
    if (failure !== undefined) return { actionId, result: 'failed', message: failure };
    const issue = mappable ? answer.issues[succeeded.indexOf(index)] : undefined;
    return issue === undefined ? { actionId, result: 'unconfirmed' } : { actionId, result: 'created', issue: { issueId: issue.id, issueKey: issue.key } };
  });
}

export interface CreationReport {
  /** Draft actions this call set out to create. */
  requested: number;
  /** Created now. */
  created: string[];
  /** Found already created by an earlier attempt whose answer was lost (not created again). */
  recovered: string[];
  failed: { actionId: string; message: string }[];
  /** Jira did not confirm; the next attempt looks them up first, so retrying never duplicates. */
  unconfirmed: string[];
  /** One sentence for the person who clicked. */
  message: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function creationReport(requested: number, outcome: Omit<CreationReport, 'requested' | 'message'>): CreationReport {
  const done = outcome.created.length + outcome.recovered.length;
  const open = outcome.failed.length + outcome.unconfirmed.length;
  let message: string;
  if (requested === 0) message = 'Every action already has its Jira issue.';
  else if (open === 0) message = `${plural(done, 'issue')} created and linked to the incident.`;
  else {
    const reasons = [
      ...(outcome.failed.length > 0 ? [`${outcome.failed.length} refused by Jira (${outcome.failed[0]?.message ?? 'unknown reason'})`] : []),
      ...(outcome.unconfirmed.length > 0 ? [`${outcome.unconfirmed.length} not confirmed by Jira`] : []),
    ];
    message = `${done} of ${requested} created; ${reasons.join(', ')}. Retry to finish — nothing will be created twice.`;
  }
  return { requested, ...outcome, message };
}

/** Jira's per-element errors as one readable line. */
export function jiraErrorMessage(body: unknown): string {
  if (typeof body !== 'object' || body === null) return 'Jira refused the issue';
  const { errorMessages, errors } = body as { errorMessages?: unknown; errors?: unknown };
  const messages: string[] = [];
  if (Array.isArray(errorMessages)) messages.push(...errorMessages.filter((m): m is string => typeof m === 'string'));
  if (typeof errors === 'object' && errors !== null) {
    for (const [field, message] of Object.entries(errors as Record<string, unknown>)) if (typeof message === 'string') messages.push(`${field}: ${message}`);
  }
  return messages.length > 0 ? messages.join('; ').slice(0, 300) : 'Jira refused the issue';
}
