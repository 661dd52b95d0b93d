import { ForgeKvsAPIError, kvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { AppError } from '../api/errors';

/**
 * The app's storage port over Forge KVS custom entities (declared in manifest.yml).
 * Every record carries `version`; writes are conditional on the version they were based on, so a
 * stale write is refused (CONFLICT) instead of silently overwriting someone else's change.
 */
export interface Versioned {
  version: number;
}

/** One audit-trail entry (R23); `change` is the domain's description of what changed. */
export interface AuditRecord {
  recordKey: string;
  projectKey: string;
  at: number;
  accountId: string;
  change: unknown;
}

export const ENTITY = { review: 'review', auditEvent: 'audit-event' } as const;
type EntityName = (typeof ENTITY)[keyof typeof ENTITY];

export async function getRecord<T>(entity: EntityName, key: string): Promise<T | undefined> {
  return kvs.entity<T>(entity).get(key);
}

export interface Page<T> {
  items: { key: string; value: T }[];
  cursor?: string;
}

/** One page (≤ 20, the platform's maximum) of an entity's index, in index order. */
export async function queryIndex<T>(
  entity: EntityName,
  index: string,
  partition: (string | number)[],
  options: { equalTo?: string | number; limit?: number; cursor?: string; sort?: 'ASC' | 'DESC' } = {},
): Promise<Page<T>> {
  let query = kvs.entity<T>(entity).query().index(index, { partition });
  if (options.equalTo !== undefined) query = query.where(WhereConditions.equalTo(options.equalTo));
  if (options.sort !== undefined) query = query.sort(options.sort === 'ASC' ? Sort.ASC : Sort.DESC);
  if (options.cursor !== undefined) query = query.cursor(options.cursor);
  const result = await query.limit(options.limit ?? 20).getMany();
  return { items: result.results, ...(result.nextCursor === undefined ? {} : { cursor: result.nextCursor }) };
}

/**
 * Writes `next` only if the stored record still has `baseVersion` (null = must not exist yet),
 * together with its audit events, all in one transaction: either everything lands or nothing.
 */
export async function writeVersioned<T extends Versioned>(
  entity: EntityName,
  key: string,
  next: T,
  baseVersion: number | null,
  audit: AuditRecord[],
  auditKey: (event: AuditRecord, index: number) => string,
): Promise<void> {
  if (audit.length > 24) throw new AppError('TOO_LARGE', 'Too many changes in one save; save the sections separately.');
  const condition =
    baseVersion === null
      ? new Filter<T>().and('version', FilterConditions.notExists())
      : new Filter<T>().and('version', FilterConditions.equalTo(baseVersion));
  let tx = kvs.transact().set(key, next, { entityName: entity, conditions: condition });
  audit.forEach((event, index) => {
    tx = tx.set(auditKey(event, index), event, { entityName: ENTITY.auditEvent });
  });
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
