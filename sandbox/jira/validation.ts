import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Routing and validation against the official Jira Cloud OpenAPI spec, with Ajv over the spec
 * document itself (no hand-written checks). openapi-backend would do the same, but it loads an
 * ESM-only dependency that Jest on Node 20 cannot require, so this module does its small part:
 * match a path to an operation, validate parameters and body, validate responses (for tests).
 *
 * Cost model: the spec is read, indexed and registered with Ajv once per process (shared by every
 * emulator instance); each operation's validators are compiled on first use and cached.
 */

export const SPEC_PATH = join(__dirname, '..', '..', 'vendor', 'jira-openapi', 'swagger-v3.v3.json');
const SPEC_ID = 'jira-platform-v3';

type Schema = Record<string, unknown>;

interface SpecParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface SpecOperation {
  operationId?: string;
  parameters?: Array<SpecParameter | { $ref: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface SpecDocument {
  paths: Record<string, Record<string, SpecOperation>>;
  components: Record<string, Record<string, unknown>>;
}

export interface MatchedOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literalLength: number;
  operation: SpecOperation;
  operationId: string;
}

export interface SpecRequest {
  method: string;
  /** Path without query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface RequestValidation {
  valid: boolean;
  errorMessages: string[];
  errors: Record<string, string>;
}

// The spec's formats. Integer widths and binary payloads are not checked by Jira's own
// deserialiser either; `uri`/`url` values in responses are absolute URLs by construction.
const FORMATS = {
  int32: true, int64: true, double: true, byte: true, binary: true, url: true, uri: true, uuid: true,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/,
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Resolves `#/components/...` references inside a parameter schema (two in the whole spec have one). */
function inlineRefs(value: unknown, doc: SpecDocument): unknown {
  if (Array.isArray(value)) return value.map((v) => inlineRefs(v, doc));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const ref = record['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    let target: unknown = doc;
    for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return inlineRefs(target, doc);
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, inlineRefs(v, doc)]));
}

export class JiraSpec {
  private readonly routes: Route[] = [];
  private readonly byOperationId = new Map<string, Route>();
  /** Bodies and responses: strict types, refs resolved inside the registered spec document. */
  private readonly documentAjv: Ajv;
  /** Query and path parameters arrive as strings: coerced to the declared types before checking. */
  private readonly parameterAjv: Ajv;
  private readonly parameterValidators = new Map<string, ValidateFunction>();
  private readonly bodyValidators = new Map<string, ValidateFunction | null>();
  private readonly responseValidators = new Map<string, ValidateFunction | null>();

  constructor(private readonly doc: SpecDocument) {
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const names: string[] = [];
        const source = template
          .split('/')
          .map((segment) => segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
            if (name !== undefined) {
              names.push(name);
              return '([^/]+)';
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          }))
          .join('/');
        const route: Route = {
          method, template, pattern: new RegExp(`^${source}/?$`), names, operation,
          literalLength: template.replace(/\{[^}]+\}/g, '').length, operationId: operation.operationId ?? `${method} ${template}`,
        };
        this.routes.push(route);
        this.byOperationId.set(route.operationId, route);
      }
    }
    // Literal segments win over parameters (`/issue/bulk` before `/issue/{issueIdOrKey}`), as in Jira.
    this.routes.sort((a, b) => a.names.length - b.names.length || b.literalLength - a.literalLength);
    const options = { strict: false, allErrors: true, logger: false as const, validateSchema: false, formats: FORMATS };
    this.documentAjv = new Ajv(options);
    this.documentAjv.addSchema(doc, SPEC_ID);
    this.parameterAjv = new Ajv({ ...options, coerceTypes: true });
  }

  static load(path: string = SPEC_PATH): JiraSpec {
    return new JiraSpec(JSON.parse(readFileSync(path, 'utf8')) as SpecDocument);
  }

  match(method: string, path: string): MatchedOperation | undefined {
    const lower = method.toLowerCase();
    for (const route of this.routes) {
      if (route.method !== lower) continue;
      const found = route.pattern.exec(path);
      if (found === null) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? '');
      });
      return { operationId: route.operationId, method: lower, pathTemplate: route.template, params };
    }
    return undefined;
  }

  private parameters(route: Route): SpecParameter[] {
    return (route.operation.parameters ?? []).flatMap((p) => ('$ref' in p ? [inlineRefs(p, this.doc) as SpecParameter] : [p]));
  }

  private parameterValidator(route: Route): ValidateFunction {
    let validator = this.parameterValidators.get(route.operationId);
    if (validator === undefined) {
      const section = (where: 'query' | 'path'): Schema => {
        const params = this.parameters(route).filter((p) => p.in === where);
        return {
          type: 'object',
          properties: Object.fromEntries(params.map((p) => [p.name, inlineRefs(p.schema ?? {}, this.doc)])),
          required: params.filter((p) => p.required === true).map((p) => p.name),
        };
      };
      validator = this.parameterAjv.compile({ type: 'object', properties: { query: section('query'), path: section('path') } });
      this.parameterValidators.set(route.operationId, validator);
    }
    return validator;
  }

  private pointerValidator(cache: Map<string, ValidateFunction | null>, key: string, pointer: string[] | undefined): ValidateFunction | null {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const validator = pointer === undefined ? null : (this.documentAjv.getSchema(`${SPEC_ID}#/${pointer.map(escapePointer).join('/')}`) ?? null);
    cache.set(key, validator);
    return validator;
  }

  private jsonMediaType(content: Record<string, { schema?: Schema }> | undefined): string | undefined {
    if (content === undefined) return undefined;
    // Multipart bodies are files, not JSON: the emulator parses them itself (see takesMultipart).
    const types = Object.keys(content).filter((t) => !t.startsWith('multipart/'));
    return types.find((t) => t.startsWith('application/json')) ?? types[0];
  }

  /** Whether the operation takes a multipart/form-data body (Jira puts those behind its XSRF check). */
  takesMultipart(matched: MatchedOperation): boolean {
    const content = this.byOperationId.get(matched.operationId)?.operation.requestBody?.content;
    return content !== undefined && Object.keys(content).some((t) => t.startsWith('multipart/form-data'));
  }

  /** Validates parameters and body of a matched request; failures worded as Jira's `{errorMessages, errors}`. */
  validateRequest(matched: MatchedOperation, request: SpecRequest): RequestValidation {
    const route = this.byOperationId.get(matched.operationId);
    if (route === undefined) return { valid: true, errorMessages: [], errors: {} };
    const errorMessages: string[] = [];
    const errors: Record<string, string> = {};
    const report = (field: string | undefined, message: string): void => {
      if (field === undefined) errorMessages.push(message);
      else errors[field] ??= message;
    };

    const query: Record<string, unknown> = {};
    for (const p of this.parameters(route).filter((param) => param.in === 'query')) {
      const values = request.query.getAll(p.name);
      if (values.length === 0) continue;
      // Jira takes list parameters both repeated and comma-separated.
      query[p.name] = p.schema?.['type'] === 'array' ? values.flatMap((v) => v.split(',')).filter((v) => v !== '') : values[0];
    }
    const parameters = { query, path: { ...matched.params } };
    const validateParameters = this.parameterValidator(route);
    if (!validateParameters(parameters)) {
      for (const error of validateParameters.errors ?? []) {
        const [where, name] = error.instancePath.split('/').filter((s) => s !== '');
        const missing = typeof error.params['missingProperty'] === 'string' ? error.params['missingProperty'] : undefined;
        const kind = where === 'path' ? 'path parameter' : 'query parameter';
        const field = name ?? missing;
        report(field, name === undefined && missing !== undefined ? `The ${kind} '${missing}' is required.` : `The ${kind} '${field ?? ''}' ${error.message ?? 'is invalid'}.`);
      }
    }

    const requestBody = route.operation.requestBody;
    const mediaType = this.jsonMediaType(requestBody?.content);
    if (request.body === undefined) {
      if (requestBody?.required === true) report(undefined, 'No content to map due to end-of-input');
    } else if (mediaType !== undefined) {
      const validateBody = this.pointerValidator(this.bodyValidators, route.operationId, ['paths', route.template, route.method, 'requestBody', 'content', mediaType, 'schema']);
      if (validateBody !== null && !validateBody(request.body)) for (const error of validateBody.errors ?? []) describeBodyError(error, report);
    }
    return { valid: errorMessages.length === 0 && Object.keys(errors).length === 0, errorMessages, errors };
  }

  /** Validates a response body against the operation's schema for that status (used by the contract tests). */
  validateResponse(operationId: string, status: number, body: unknown): ErrorObject[] {
    const route = this.byOperationId.get(operationId);
    if (route === undefined) return [{ instancePath: '', schemaPath: '', keyword: 'operation', params: {}, message: `unknown operation ${operationId}` }];
    const responses = route.operation.responses ?? {};
    const code = responses[String(status)] !== undefined ? String(status) : responses['default'] !== undefined ? 'default' : undefined;
    const mediaType = code === undefined ? undefined : this.jsonMediaType(responses[code]?.content);
    const validator = this.pointerValidator(
      this.responseValidators,
      `${operationId} ${code ?? '-'}`,
      code === undefined || mediaType === undefined ? undefined : ['paths', route.template, route.method, 'responses', code, 'content', mediaType, 'schema'],
    );
    if (validator === null) return [];
    return validator(body) ? [] : [...(validator.errors ?? [])];
  }

  /** Whether the spec documents a JSON body for this status (a 404 without content has nothing to check). */
  hasResponseSchema(operationId: string, status: number): boolean {
    const responses = this.byOperationId.get(operationId)?.operation.responses ?? {};
    return this.jsonMediaType(responses[String(status)]?.content) !== undefined;
  }
}

function describeBodyError(error: ErrorObject, report: (field: string | undefined, message: string) => void): void {
  const missing = typeof error.params['missingProperty'] === 'string' ? error.params['missingProperty'] : undefined;
  const extra = typeof error.params['additionalProperty'] === 'string' ? error.params['additionalProperty'] : undefined;
  const path = [...error.instancePath.split('/').filter((s) => s !== ''), ...(missing === undefined ? [] : [missing])].join('.');
  if (extra !== undefined) report(undefined, `Unrecognized field "${extra}"${path === '' ? '' : ` in '${path}'`}.`);
  else if (path === '') report(undefined, `Request body ${error.message ?? 'is invalid'}.`);
  else report(path, missing === undefined ? `'${path}' ${error.message ?? 'is invalid'}.` : `'${path}' is required.`);
}

let shared: JiraSpec | undefined;

/** The process-wide spec index, created on first use. */
export function jiraSpec(): JiraSpec {
  shared ??= JiraSpec.load();
  return shared;
}
