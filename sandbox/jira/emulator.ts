import type { Database } from 'better-sqlite3';
import type { BackendResponse, JiraBackend, JiraRequest } from '../backends';
import type { RequestContext, UploadedFile } from './context';
import { JiraError, notAuthenticated } from './errors';
import type { IssueEventListener, JiraIssueEvent } from './events';
import { PermissionService } from './permissions';
import { QueryParams } from './query-params';
import { ANONYMOUS_OPERATIONS, ROUTES } from './routes';
import { APP_USER } from './state/catalog';
import { JiraState } from './state/jira-state';
import type { NotificationRecord } from './state/types';
import type { PropertyAlias } from './jql';
import { SiteUrls } from './urls';
import { jiraSpec } from './validation';

export interface JiraEmulatorOptions {
  /** A better-sqlite3 database (a file or `:memory:`); the emulator creates its `jira_*` tables. */
  db: Database;
  /** Site URL used in every `self` link. */
  baseUrl?: string;
  /** Clock for created/updated/resolution dates and JQL date functions; injectable for tests. */
  now?: () => Date;
  /** The installed app's entity-property search aliases (JQL field name → property path). */
  propertyAliases?: ReadonlyMap<string, PropertyAlias>;
}

export const DEFAULT_BASE_URL = 'https://sandbox.atlassian.net';

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

function json(status: number, body: unknown): BackendResponse {
  return { status, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

function errorResponse(error: JiraError): BackendResponse {
  return json(error.status, error.toBody());
}

function headerOf(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}

/** The file parts of a multipart/form-data body (parsed by the platform's own Fetch implementation). */
async function parseMultipart(raw: Uint8Array, contentType: string): Promise<UploadedFile[]> {
  // Deprecated for production servers (it buffers the whole body); the sandbox's uploads are small reports.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ field, filename: value.name, mimeType: value.type || 'application/octet-stream', content: Buffer.from(await value.arrayBuffer()) });
  }
  return files;
}

/**
 * Jira Cloud's REST API v3 over SQLite: the operations the app uses, routed and validated by the
 * official OpenAPI spec, with Jira's permission model, error bodies and issue events.
 */
export class JiraEmulator implements JiraBackend {
  readonly state: JiraState;
  readonly urls: SiteUrls;
  private readonly now: () => Date;
  private readonly propertyAliases: ReadonlyMap<string, PropertyAlias>;
  private readonly listeners = new Set<IssueEventListener>();

  constructor(options: JiraEmulatorOptions) {
    this.state = new JiraState(options.db);
    this.urls = new SiteUrls(options.baseUrl ?? DEFAULT_BASE_URL);
    this.now = options.now ?? ((): Date => new Date());
    this.propertyAliases = options.propertyAliases ?? new Map();
  }

  /** Loads and indexes the OpenAPI spec now instead of on the first request (shared per process). */
  static warmUp(): void {
    jiraSpec();
  }

  /** The Forge app's bot account id: the actor of asApp calls. */
  get appAccountId(): string {
    return APP_USER.accountId;
  }

  /** Subscribes to issue created/updated/deleted events (Forge trigger payloads); returns an unsubscribe function. */
  onIssueEvent(listener: IssueEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything POST /issue/{key}/notify has "sent", oldest first. */
  notifications(): NotificationRecord[] {
    return this.state.outbox.list();
  }

  clearNotifications(): void {
    this.state.outbox.clear();
  }

  // async because callers treat Jira as remote; the emulator waits only to read an upload.
  async handle(request: JiraRequest): Promise<BackendResponse> {
    const url = new URL(request.path, 'http://jira.invalid');
    const contentType = headerOf(request.headers, 'content-type') ?? '';
    let body: unknown;
    let files: UploadedFile[] | undefined;
    if (/^multipart\/form-data/i.test(contentType)) {
      try {
        files = await parseMultipart(request.rawBody ?? new TextEncoder().encode(request.body ?? ''), contentType);
      } catch {
        return errorResponse(new JiraError(400, ['The multipart/form-data request body could not be read.']));
      }
      body = files;
    } else if (request.body !== undefined && request.body.trim() !== '') {
      try {
        body = JSON.parse(request.body) as unknown;
      } catch (error) {
        return errorResponse(new JiraError(400, [`Unexpected character in request body: ${error instanceof Error ? error.message : 'invalid JSON'}`]));
      }
    }
    const spec = jiraSpec();
    const operation = spec.match(request.method, url.pathname);
    if (operation === undefined) return errorResponse(new JiraError(404, [`null for uri: ${this.urls.base}${request.path}`]));
    const { operationId } = operation;
    if (request.as.kind === 'anonymous' && !ANONYMOUS_OPERATIONS.has(operationId)) return errorResponse(notAuthenticated());

    // Operations taking multipart/form-data are behind Jira's XSRF check unless the caller opts out.
    if (spec.takesMultipart(operation) && headerOf(request.headers, 'x-atlassian-token') !== 'no-check') {
      return errorResponse(new JiraError(403, ['XSRF check failed']));
    }

    const validation = spec.validateRequest(operation, { method: request.method, path: url.pathname, query: url.searchParams, body });
    if (!validation.valid) return errorResponse(new JiraError(400, validation.errorMessages, validation.errors));

    const handler = ROUTES[operationId];
    if (handler === undefined) {
      return errorResponse(new JiraError(501, [`The sandbox Jira emulator does not implement ${operationId} (${request.method.toUpperCase()} ${url.pathname}).`]));
    }

    const events: JiraIssueEvent[] = [];
    const actorAccountId = request.as.kind === 'user' ? request.as.accountId : request.as.kind === 'app' ? APP_USER.accountId : undefined;
    const ctx: RequestContext = {
      state: this.state,
      urls: this.urls,
      principal: request.as,
      actorAccountId,
      permissions: new PermissionService(this.state, request.as),
      now: this.now(),
      propertyAliases: this.propertyAliases,
      params: operation.params,
      query: QueryParams.parse(url.search),
      body,
      ...(files === undefined ? {} : { files }),
      emit: (event) => events.push(event),
    };

    let result;
    try {
      result = this.state.transaction(() => handler(ctx));
    } catch (error) {
      if (error instanceof JiraError) return errorResponse(error);
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new JiraError(500, [`Internal server error in the Jira emulator: ${message}`]));
    }
    this.deliver(events);
    if (result.status === 204 || result.body === undefined) return { status: result.status, headers: result.status === 204 ? {} : { ...JSON_HEADERS }, body: '' };
    return json(result.status, result.body);
  }

  /** Events go out after the commit, like Jira's, and a failing listener cannot undo the request. */
  private deliver(events: readonly JiraIssueEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          console.error('jira emulator: issue event listener failed', error);
        }
      }
    }
  }
}
