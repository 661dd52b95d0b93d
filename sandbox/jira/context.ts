import type { JiraPrincipal } from '../backends';
import type { JiraIssueEvent } from './events';
import type { PropertyAlias } from './jql';
import type { PermissionService } from './permissions';
import type { QueryParams } from './query-params';
import type { JiraState } from './state/jira-state';
import type { SiteUrls } from './urls';

export interface UploadedFile {
  /** The form field name (Jira reads `file`). */
  field: string;
  filename: string;
  mimeType: string;
  content: Buffer;
}

/** Everything a route handler may use for one request. */
export interface RequestContext {
  state: JiraState;
  urls: SiteUrls;
  principal: JiraPrincipal;
  /** The account acting: the user, or the app's bot account for asApp; undefined when anonymous. */
  actorAccountId: string | undefined;
  permissions: PermissionService;
  now: Date;
  /** Entity-property search aliases the installed app declared (for JQL). */
  propertyAliases: ReadonlyMap<string, PropertyAlias>;
  /** Path parameters as named in the OpenAPI spec (e.g. `issueIdOrKey`). */
  params: Readonly<Record<string, string>>;
  query: QueryParams;
  /** Parsed JSON body (already validated against the operation's request schema). */
  body: unknown;
  /** The file parts of a multipart/form-data request, in order; undefined for other requests. */
  files?: readonly UploadedFile[];
  /** Queues an event; it is delivered only after the request's transaction commits. */
  emit(event: JiraIssueEvent): void;
}

export interface RouteResult {
  status: number;
  /** Serialised as JSON; omitted for 204. */
  body?: unknown;
}

export type RouteHandler = (ctx: RequestContext) => RouteResult;

/** Handlers keyed by the spec's operationId, so the spec alone decides which URL reaches which handler. */
export type RouteTable = Readonly<Record<string, RouteHandler>>;
