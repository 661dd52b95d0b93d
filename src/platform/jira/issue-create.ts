import { route } from '@forge/api';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { JSON_HEADERS, type JiraTransport } from './transport';

/** One element of POST /rest/api/3/issue/bulk (IssueUpdateDetails). */
export interface IssueCreateRequest {
  fields: Record<string, unknown>;
  update?: Record<string, { add?: unknown; set?: unknown }[]>;
  /** Entity properties set atomically with the issue (our idempotency key lives here). */
  properties?: { key: string; value: unknown }[];
}

export interface CreatedIssue {
  id: string;
  key: string;
}

export interface ElementError {
  failedElementNumber: number;
  message: string;
}

/**
 * What Jira said about a bulk create:
 * - `answered`: Jira ran it and said which elements were created and which failed;
 * - `refused`: Jira refused before creating anything (429 after retries, 401/403);
 * - `unknown`: no usable answer (lost response, 5xx) — some issues may exist; look them up by key.
 */
export type BulkCreateOutcome =
  | { kind: 'answered'; issues: CreatedIssue[]; errors: ElementError[] }
  | { kind: 'refused'; status: number; message: string }
  | { kind: 'unknown'; status?: number };

const errorCollection = z
  .object({ errorMessages: z.array(z.string()).optional(), errors: z.record(z.string(), z.string()).optional() })
  .optional();

const bulkAnswerSchema = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string() })).default([]),
  errors: z.array(z.object({ failedElementNumber: z.int(), elementErrors: errorCollection, status: z.int().optional() })).default([]),
});

const describeErrors = (collection: z.infer<typeof errorCollection>): string => {
  const messages = [...(collection?.errorMessages ?? []), ...Object.entries(collection?.errors ?? {}).map(([field, message]) => `${field}: ${message}`)];
  return messages.length > 0 ? messages.join('; ').slice(0, 300) : 'Jira refused the issue';
};

/**
 * Creates up to 50 issues in one call. Never repeated by the transport after a lost response
 * or a 5xx (it is not idempotent by itself): the caller looks its issues up by their property first.
 */
export async function bulkCreateIssues(jira: JiraTransport, issueUpdates: readonly IssueCreateRequest[]): Promise<BulkCreateOutcome> {
  let result;
  try {
    result = await jira.send(
      (requester) => requester.requestJira(route`/rest/api/3/issue/bulk`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ issueUpdates }) }),
      false,
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'UPSTREAM') return { kind: 'unknown' };
    throw error;
  }
  if (result.status === 201 || result.status === 400) {
    const parsed = bulkAnswerSchema.safeParse(result.body);
    // A 400 that is not a bulk answer (malformed request) created nothing.
    if (!parsed.success) return result.status === 400 ? { kind: 'refused', status: 400, message: 'Jira refused the request' } : { kind: 'unknown', status: 201 };
    return {
      kind: 'answered',
      issues: parsed.data.issues,
      errors: parsed.data.errors.map((error) => ({ failedElementNumber: error.failedElementNumber, message: describeErrors(error.elementErrors) })),
    };
  }
  if (result.status === 429) return { kind: 'refused', status: 429, message: 'Jira is busy right now' };
  if (result.status === 401 || result.status === 403) return { kind: 'refused', status: result.status, message: 'You may not create issues there' };
  return { kind: 'unknown', status: result.status };
}
