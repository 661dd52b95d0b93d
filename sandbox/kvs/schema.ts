/**
 * SQLite layout of the emulated store. Plain values, secrets and entities live in separate tables
 * because Forge keeps them in separate namespaces (the same key can exist in all three, and
 * `kvs.query()` never sees secrets or entities).
 *
 * Entity indexes are materialised in `kvs_entity_index`, one row per (entity, index) the item
 * qualifies for, keyed so an index query is a single ordered range scan of the primary key:
 * (entity_name, index_name, partition_value, range_value, key).
 */
import type { Database } from 'better-sqlite3';

const SCHEMA_VERSION = 1;

export function ensureSchema(db: Database): void {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new Error(`KVS database has schema version ${version}; this emulator understands up to ${SCHEMA_VERSION}`);
  }
  db.exec(`
    CREATE TABLE IF NOT EXISTS kvs_values (
      key TEXT NOT NULL PRIMARY KEY,
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS kvs_secrets (
      key TEXT NOT NULL PRIMARY KEY,
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS kvs_entities (
      entity_name TEXT NOT NULL,
      key TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      expire_at INTEGER,
      PRIMARY KEY (entity_name, key)
    ) WITHOUT ROWID;

    -- range_value has no declared type on purpose: it keeps each value's storage class, so numbers
    -- order numerically and strings by UTF-8 bytes, like Forge's (DynamoDB-backed) indexes.
    CREATE TABLE IF NOT EXISTS kvs_entity_index (
      entity_name TEXT NOT NULL,
      index_name TEXT NOT NULL,
      partition_value TEXT NOT NULL,
      range_value NOT NULL,
      key TEXT NOT NULL,
      PRIMARY KEY (entity_name, index_name, partition_value, range_value, key)
    ) WITHOUT ROWID;

    -- Index maintenance deletes an item's entries by key on every write.
    CREATE INDEX IF NOT EXISTS kvs_entity_index_by_key ON kvs_entity_index (entity_name, key);

    CREATE TABLE IF NOT EXISTS kvs_meta (
      name TEXT NOT NULL PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

export function readMeta(db: Database, name: string): string | undefined {
  return db.prepare<[string], { value: string }>('SELECT value FROM kvs_meta WHERE name = ?').get(name)?.value;
}

export function writeMeta(db: Database, name: string, value: string): void {
  db.prepare<[string, string]>(
    'INSERT INTO kvs_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  ).run(name, value);
}
