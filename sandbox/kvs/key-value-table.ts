/**
 * Persistence for the untyped keyspaces: plain values (`kvs_values`) and secrets (`kvs_secrets`).
 * All statements are prepared once per table.
 */
import type { Database, Statement } from 'better-sqlite3';
import { type Clock, isLive, type RecordRow, type RecordTable, rowToRecord, type StoredRecord } from './records';

export type KeyValueTableName = 'kvs_values' | 'kvs_secrets';

/** U+10FFFF sorts after every character a key can contain, so `prefix + it` bounds a prefix scan. */
const PREFIX_UPPER_BOUND = String.fromCodePoint(0x10ffff);

export class KeyValueTable implements RecordTable {
  private readonly selectOne: Statement<[string], RecordRow>;
  private readonly upsert: Statement<[string, string, number, number, number | null]>;
  private readonly deleteOne: Statement<[string]>;
  private readonly scanPrefix: Statement<[string, string, string, number, number], RecordRow>;

  constructor(
    db: Database,
    table: KeyValueTableName,
    private readonly clock: Clock,
  ) {
    this.selectOne = db.prepare(`SELECT key, value, created_at, updated_at, expire_at FROM ${table} WHERE key = ?`);
    this.upsert = db.prepare(
      `INSERT INTO ${table} (key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    );
    this.deleteOne = db.prepare(`DELETE FROM ${table} WHERE key = ?`);
    // Keyset pagination over the primary key: `key > after` resumes where the last page ended.
    this.scanPrefix = db.prepare(
      `SELECT key, value, created_at, updated_at, expire_at FROM ${table}
       WHERE key >= ? AND key < ? AND key > ? AND (expire_at IS NULL OR expire_at > ?)
       ORDER BY key LIMIT ?`,
    );
  }

  get(key: string): StoredRecord | undefined {
    const row = this.selectOne.get(key);
    return row !== undefined && isLive(row.expire_at, this.clock()) ? rowToRecord(row) : undefined;
  }

  write(record: StoredRecord, valueText: string): void {
    this.upsert.run(record.key, valueText, record.createdAt, record.updatedAt, record.expireAt);
  }

  remove(key: string): boolean {
    const live = this.get(key) !== undefined;
    this.deleteOne.run(key);
    return live;
  }

  /** Up to `limit` live records whose key starts with `prefix`, strictly after `afterKey`, in key order. */
  scan(prefix: string, afterKey: string, limit: number): StoredRecord[] {
    return this.scanPrefix.all(prefix, prefix + PREFIX_UPPER_BOUND, afterKey, this.clock(), limit).map(rowToRecord);
  }
}
