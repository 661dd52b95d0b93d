import { ForgeKvsAPIError, kvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { AppError } from '../api/errors';

/**
 * The app's storage port over Forge KVS custom entities (declared in manifest.yml).
 * Records carry `version`; writes are conditional on the version they were based on, so a stale
 * write is refused (CONFLICT) instead of silently overwriting someone else's change.
 */
export const ENTITY = {
  review: 'review',
  auditEvent: 'audit-event',
  projectSettings: 'project-settings',
  procedure: 'procedure',
  procedureVersion: 'procedure-version',
  action: 'action',
  actionCreation: 'action-creation',
  risk: 'risk',
  riskLink: 'risk-link',
  jobState: 'job-state',
  reminder: 'reminder',
  communication: 'communication',
  processReview: 'process-review',
  rollup: 'rollup',
  rollupRebuild: 'rollup-rebuild',
  incidentReport: 'incident-report',
  incident: 'incident',
  propertySync: 'property-sync',
  propertyHash: 'property-hash',
} as const;
export type EntityName = (typeof ENTITY)[keyof typeof ENTITY];

export interface Versioned {
  version: number;
}

/** A record written in the same transaction as the versioned one (e.g. its audit event). */
export interface CompanionWrite {
  entity: EntityName;
  key: string;
  value: object;
}

/** Forge transactions take at most 25 operations. */
const MAX_TRANSACTION_OPS = 25;

export async function getRecord<T>(entity: EntityName, key: string): Promise<T | undefined> {
  return kvs.entity<T>(entity).get(key);
}

export interface Page<T> {
  items: { key: string; value: T }[];
  cursor?: string;
}

export interface IndexQuery {
  /** Exact match on the index's range attribute. */
  equalTo?: string | number;
  /** Range attribute strictly below this value (e.g. due before today); ignored with equalTo. */
  lessThan?: string | number;
  /** Range attribute at or above this value (e.g. updated since); ignored with equalTo or lessThan. */
  atLeast?: string | number;
  /** Range attribute within [low, high] (inclusive); ignored with equalTo, lessThan or atLeast. */
  between?: readonly [string | number, string | number];
  /**
   * Conditions on other attributes, all of which must hold. Storage applies them while reading
   * the index range, so a page can hold fewer matches than `limit` only at the range's end.
   */
  filters?: readonly AttributeFilter[];
  /** At most 20, the platform's page size for list screens. */
  limit?: number;
  cursor?: string;
  sort?: 'ASC' | 'DESC';
  /** Keeps only items whose attribute has one of these values (filtered by Forge storage, not in code). */
  anyOf?: { attribute: string; values: readonly (string | number)[] };
}

/** One filter condition on a stored attribute (see IndexQuery.filters). */
export interface AttributeFilter {
  attribute: string;
  condition: 'equalTo' | 'notEqualTo' | 'contains' | 'lessThan' | 'greaterThanEqualTo';
  value: string | number;
}

function filterClause(filter: AttributeFilter) {
  switch (filter.condition) {
    case 'equalTo':
      return FilterConditions.equalTo(filter.value);
    case 'notEqualTo':
      return FilterConditions.notEqualTo(filter.value);
    case 'contains':
      return FilterConditions.contains(String(filter.value));
    case 'lessThan':
      return FilterConditions.lessThan(filter.value);
    case 'greaterThanEqualTo':
      return FilterConditions.greaterThanEqualTo(filter.value);
  }
}

/** One page of an entity's index, in index order: list screens never scan. */
export async function queryIndex<T>(entity: EntityName, index: string, partition: (string | number)[], options: IndexQuery = {}): Promise<Page<T>> {
  // An index declared without a partition (e.g. `- issueKey`) is queried without one.
  let query = kvs.entity<T>(entity).query().index(index, partition.length === 0 ? {} : { partition });
  if (options.equalTo !== undefined) query = query.where(WhereConditions.equalTo(options.equalTo));
  else if (options.lessThan !== undefined) query = query.where(WhereConditions.lessThan(options.lessThan));
  else if (options.atLeast !== undefined) query = query.where(WhereConditions.greaterThanEqualTo(options.atLeast));
  else if (options.between !== undefined) query = query.where(WhereConditions.between(options.between[0], options.between[1]));
  // Forge storage filters are either all-of (and) or any-of (or), never both: refuse rather than drop one.
  if ((options.filters?.length ?? 0) > 0 && options.anyOf !== undefined) throw new Error('queryIndex: pass filters or anyOf, not both');
  const [firstFilter, ...moreFilters] = options.filters ?? [];
  if (firstFilter !== undefined) {
    let filter = new Filter<T>().and(firstFilter.attribute as keyof T, filterClause(firstFilter));
    for (const more of moreFilters) filter = filter.and(more.attribute as keyof T, filterClause(more));
    query = query.filters(filter);
  }
  if (options.sort !== undefined) query = query.sort(options.sort === 'ASC' ? Sort.ASC : Sort.DESC);
  const anyOf = options.anyOf;
  if (anyOf !== undefined && anyOf.values.length > 0) {
    const [first, ...rest] = anyOf.values as (string | number)[];
    const field = anyOf.attribute as keyof T;
    let filter = new Filter<T>().or(field, FilterConditions.equalTo(first as string | number));
    for (const value of rest) filter = filter.or(field, FilterConditions.equalTo(value));
    query = query.filters(filter);
  }
  if (options.cursor !== undefined) query = query.cursor(options.cursor);
  try {
    const result = await query.limit(Math.min(options.limit ?? 20, 20)).getMany();
    return { items: result.results, ...(result.nextCursor === undefined ? {} : { cursor: result.nextCursor }) };
  } catch (error) {
    // A cursor comes back from the browser: a stale or tampered one is the caller's mistake, not ours.
    if (options.cursor !== undefined && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) {
      throw new AppError('INVALID_INPUT', 'This list changed or the page link is no longer valid; reload the list.', 'cursor');
    }
    throw error;
  }
}

/**
 * Writes `next` only if the stored record still has `baseVersion` (null = must not exist yet),
 * together with its companion records, in one transaction: everything lands or nothing does.
 */
export async function writeVersioned(entity: EntityName, key: string, next: Versioned, baseVersion: number | null, companions: CompanionWrite[]): Promise<void> {
  if (companions.length + 1 > MAX_TRANSACTION_OPS) throw new AppError('TOO_LARGE', 'Too many changes in one save; save the sections separately.');
  const condition =
    baseVersion === null ? new Filter<Versioned>().and('version', FilterConditions.notExists()) : new Filter<Versioned>().and('version', FilterConditions.equalTo(baseVersion));
  let tx = kvs.transact().set(key, next, { entityName: entity, conditions: condition });
  for (const companion of companions) tx = tx.set(companion.key, companion.value, { entityName: companion.entity });
  try {
    await tx.execute();
  } catch (error) {
    if (isConditionFailure(error)) throw new AppError('CONFLICT', 'This record was changed by someone else. Reload to see their change.');
    throw error;
  }
}

/**
 * Forge answers a transaction whose condition failed with a 409 (the sandbox uses the code
 * CONDITIONAL_CHECK_FAILED); either signal means "someone else wrote first".
 */
function isConditionFailure(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  return error.responseDetails.status === 409 || /CONDITION/i.test(error.code);
}

/** One write of a multi-record transaction: `absent` = must not exist yet; a number = the stored version it replaces. */
export interface TransactWrite {
  entity: EntityName;
  key: string;
  value: object;
  expect?: 'absent' | number;
}

export interface TransactDelete {
  entity: EntityName;
  key: string;
  expect?: number;
}

const conditionFor = (expect: 'absent' | number) =>
  expect === 'absent' ? new Filter<Versioned>().and('version', FilterConditions.notExists()) : new Filter<Versioned>().and('version', FilterConditions.equalTo(expect));

/** A record the transaction does not write but whose state it depends on (e.g. "no review exists yet"). */
export interface TransactCheck {
  entity: EntityName;
  key: string;
  expect: 'absent' | number;
}

/**
 * Several records (and their audit events) in one transaction, each write optionally conditional
 * on the version it was based on: all land or none does (CONFLICT when a condition fails).
 */
export async function transact(writes: readonly TransactWrite[], deletes: readonly TransactDelete[] = [], checks: readonly TransactCheck[] = []): Promise<void> {
  const operations = writes.length + deletes.length + checks.length;
  if (operations === 0) return;
  if (operations > MAX_TRANSACTION_OPS) throw new AppError('TOO_LARGE', 'Too many changes in one save; save fewer at a time.');
  let tx = kvs.transact();
  for (const check of checks) tx = tx.check<Versioned>(check.key, { entityName: check.entity, conditions: conditionFor(check.expect) });
  for (const write of writes) {
    tx = write.expect === undefined ? tx.set(write.key, write.value, { entityName: write.entity }) : tx.set<Versioned>(write.key, write.value as Versioned, { entityName: write.entity, conditions: conditionFor(write.expect) });
  }
  for (const remove of deletes) {
    tx = remove.expect === undefined ? tx.delete(remove.key, { entityName: remove.entity }) : tx.delete<Versioned>(remove.key, { entityName: remove.entity, conditions: conditionFor(remove.expect) });
  }
  try {
    await tx.execute();
  } catch (error) {
    if (isConditionFailure(error)) throw new AppError('CONFLICT', 'This record was changed by someone else. Reload to see their change.');
    throw error;
  }
}

/** Up to 25 records of one entity in one round trip; missing keys are simply absent from the map. */
export async function getRecords<T>(entity: EntityName, keys: readonly string[]): Promise<Map<string, T>> {
  const unique = [...new Set(keys)];
  const found = new Map<string, T>();
  for (let start = 0; start < unique.length; start += MAX_TRANSACTION_OPS) {
    const chunk = unique.slice(start, start + MAX_TRANSACTION_OPS);
    const result = await kvs.batchGet<T>(chunk.map((key) => ({ key, entityName: entity })));
    for (const item of result.successfulKeys) found.set(item.key, item.value);
  }
  return found;
}

/** Records of several entities in one round trip (≤ 25 per call); the map is keyed `entity/key`. */
export async function getMixedRecords(items: readonly { entity: EntityName; key: string }[]): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const unique = [...new Map(items.map((item) => [`${item.entity}/${item.key}`, item])).values()];
  for (let start = 0; start < unique.length; start += MAX_TRANSACTION_OPS) {
    const chunk = unique.slice(start, start + MAX_TRANSACTION_OPS);
    const result = await kvs.batchGet<unknown>(chunk.map((item) => ({ key: item.key, entityName: item.entity })));
    for (const item of result.successfulKeys) found.set(`${item.entityName ?? ''}/${item.key}`, item.value);
  }
  return found;
}

/**
 * Deletes a record only while one attribute still has the value the caller read (e.g. a marker's
 * timestamp): a record rewritten in the meantime stays. Returns whether it was deleted.
 */
export async function deleteIfUnchanged(entity: EntityName, key: string, attribute: string, value: string | number): Promise<boolean> {
  try {
    await kvs.transact().delete<Record<string, unknown>>(key, { entityName: entity, conditions: new Filter<Record<string, unknown>>().and(attribute, FilterConditions.equalTo(value)) }).execute();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
