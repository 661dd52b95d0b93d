/**
 * The two platform backends the sandbox emulates, as seen by the Forge runtime shim
 * (`sandbox/forge-runtime.ts`), the fake-Jira web server and the tests.
 * Each answers the real wire protocol: the KVS one the JSON POST API that `@forge/kvs` speaks,
 * the Jira one the REST API v3 that `@forge/api` requestJira and `@forge/bridge` requestJira speak.
 */

/** One call of `@forge/kvs` as it reaches `__forge_fetch__`: path such as `/api/v1/get`, JSON body. */
export interface KvsBackend {
  handle(path: string, body: unknown): Promise<BackendResponse>;
}

/** Who a Jira request runs as: a user (asUser / bridge) or the app (asApp, triggers). */
export type JiraPrincipal = { kind: 'user'; accountId: string } | { kind: 'app' } | { kind: 'anonymous' };

export interface JiraRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/issue/INC-1?fields=summary`. */
  path: string;
  headers: Record<string, string>;
  /** Raw request body (JSON text for almost every endpoint). */
  body?: string;
  /** A binary body (multipart/form-data uploads), with its content type in `headers`. */
  rawBody?: Uint8Array;
  as: JiraPrincipal;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string>;
  /** Raw body text (JSON for almost every endpoint); empty string for 204. */
  body: string;
}

export interface JiraBackend {
  handle(request: JiraRequest): Promise<BackendResponse>;
}
