/**
 * What every store keeps per key (value plus Forge's metadata) and how it goes back on the wire.
 * Timestamps are epoch milliseconds; TTL expiry is enforced on read, so an expired row behaves as
 * absent without a background sweeper.
 */
import { kvsErrors } from './errors';
import type { MetadataField, SetOptions, Ttl } from './protocol';

export interface StoredRecord {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt: number | null;
}

export interface RecordRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

export type Clock = () => number;

/** One keyspace (plain values, secrets, or one entity) as the shared set/get semantics see it. */
export interface RecordTable {
  /** The live record, or undefined when absent or expired. */
  get(key: string): StoredRecord | undefined;
  write(record: StoredRecord, valueText: string): void;
  /** Returns whether a live record was removed. */
  remove(key: string): boolean;
}

export function rowToRecord(row: RecordRow): StoredRecord {
  return {
    key: row.key,
    value: JSON.parse(row.value) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    expireAt: row.expire_at,
  };
}

export function isLive(expireAt: number | null, now: number): boolean {
  return expireAt === null || expireAt > now;
}

const ttlUnitMs: Record<Ttl['unit'], number> = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export function expireAtFor(now: number, ttl: Ttl | undefined): number | null {
  return ttl === undefined ? null : now + ttl.value * ttlUnitMs[ttl.unit];
}

export interface WireRecord {
  key: string;
  value: unknown;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

/** Only the metadata asked for travels, as Forge's `metadataFields` options imply. */
export function toWire(record: StoredRecord, fields: readonly MetadataField[] = []): WireRecord {
  const wire: WireRecord = { key: record.key, value: record.value };
  if (fields.includes('CREATED_AT')) wire.createdAt = record.createdAt;
  if (fields.includes('UPDATED_AT')) wire.updatedAt = record.updatedAt;
  if (fields.includes('EXPIRE_TIME') && record.expireAt !== null) wire.expireTime = new Date(record.expireAt).toISOString();
  return wire;
}

/**
 * Forge's set semantics shared by kvs.set, setSecret and entity.set: key policy, TTL, and the
 * optional PREVIOUS/LATEST echo. Returns the record to send back, or undefined for a bare 204.
 */
export function performSet(
  table: RecordTable,
  key: string,
  value: unknown,
  valueText: string,
  options: SetOptions | undefined,
  now: number,
): WireRecord | undefined {
  const previous = table.get(key);
  if (options?.keyPolicy === 'FAIL_IF_EXISTS' && previous !== undefined) {
    throw kvsErrors.keyAlreadyExists();
  }
  const record: StoredRecord = {
    key,
    value,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    expireAt: expireAtFor(now, options?.ttl),
  };
  table.write(record, valueText);
  const fields = options?.returnMetadataFields ?? [];
  if (options?.returnValue === 'LATEST') return toWire(record, fields);
  if (options?.returnValue === 'PREVIOUS' && previous !== undefined) return toWire(previous, fields);
  return undefined;
}
