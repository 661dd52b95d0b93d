/**
 * The wire protocol: which POST path does what, how bodies are validated, and how results and
 * errors become responses (`@forge/kvs` reads JSON for get/query/batch and an optional body for
 * set, and treats any non-2xx JSON `{ code, message }` as a ForgeKvsAPIError).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { BackendResponse } from '../backends';
import { KvsError, kvsErrors } from './errors';
import { MAX_MULTI_PAYLOAD_BYTES } from './limits';

/** Returns the JSON response body, or undefined for 204 No Content. */
export type Operation = (body: unknown) => unknown;

export function route<Schema extends z.ZodType>(schema: Schema, run: (request: z.infer<Schema>) => unknown): Operation {
  return (body) => run(parseBody(schema, body));
}

/** Transactions and batches are capped by payload size as well as by item count. */
export function routeLimitedPayload<Schema extends z.ZodType>(schema: Schema, run: (request: z.infer<Schema>) => unknown): Operation {
  return (body) => {
    if (body !== undefined && Buffer.byteLength(JSON.stringify(body), 'utf8') > MAX_MULTI_PAYLOAD_BYTES) {
      throw kvsErrors.payloadTooLarge(MAX_MULTI_PAYLOAD_BYTES);
    }
    return run(parseBody(schema, body));
  };
}

function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    throw kvsErrors.badRequestBody(detail);
  }
  return parsed.data;
}

export function dispatch(routes: ReadonlyMap<string, Operation>, path: string, body: unknown): BackendResponse {
  try {
    const operation = routes.get(path);
    if (operation === undefined) throw kvsErrors.unknownOperation(path);
    const result = operation(body);
    return result === undefined ? respond(204, undefined) : respond(200, result);
  } catch (error) {
    if (error instanceof KvsError) return respond(error.status, { code: error.code, message: error.message });
    const detail = error instanceof Error ? error.message : String(error);
    return respond(500, { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred', context: { detail } });
  }
}

function respond(status: number, body: unknown): BackendResponse {
  const headers: Record<string, string> = { 'x-trace-id': randomBytes(8).toString('hex') };
  if (body === undefined) return { status, headers, body: '' };
  headers['content-type'] = 'application/json';
  return { status, headers, body: JSON.stringify(body) };
}
