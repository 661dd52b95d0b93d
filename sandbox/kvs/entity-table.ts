/**
 * Persistence for custom entities and their materialised indexes. Every write replaces the item's
 * index entries in the same SQLite transaction as the value, so queries never see a stale index.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { EntityDefinition, IndexDefinition } from './entity-definitions';
import { type Clock, isLive, type RecordRow, type RecordTable, rowToRecord, type StoredRecord } from './records';

/** What SQLite stores for an indexed attribute: booleans become 0/1 as SQLite has no boolean class. */
export type IndexScalar = string | number;

interface EntityRow extends RecordRow {
  entity_name: string;
}

export class EntityStore {
  private readonly selectOne: Statement<[string, string], RecordRow>;
  private readonly upsert: Statement<[string, string, string, number, number, number | null]>;
  private readonly deleteOne: Statement<[string, string]>;
  private readonly deleteIndexEntries: Statement<[string, string]>;
  private readonly insertIndexEntry: Statement<[string, string, string, IndexScalar, string]>;
  private readonly selectAll: Statement<[], EntityRow>;
  private readonly clearIndexes: Statement<[]>;

  constructor(
    private readonly db: Database,
    private readonly definitions: ReadonlyMap<string, EntityDefinition>,
    private readonly clock: Clock,
  ) {
    this.selectOne = db.prepare(
      'SELECT key, value, created_at, updated_at, expire_at FROM kvs_entities WHERE entity_name = ? AND key = ?',
    );
    this.upsert = db.prepare(
      `INSERT INTO kvs_entities (entity_name, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (entity_name, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
         updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
    );
    this.deleteOne = db.prepare('DELETE FROM kvs_entities WHERE entity_name = ? AND key = ?');
    this.deleteIndexEntries = db.prepare('DELETE FROM kvs_entity_index WHERE entity_name = ? AND key = ?');
    this.insertIndexEntry = db.prepare(
      'INSERT INTO kvs_entity_index (entity_name, index_name, partition_value, range_value, key) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectAll = db.prepare('SELECT entity_name, key, value, created_at, updated_at, expire_at FROM kvs_entities');
    this.clearIndexes = db.prepare('DELETE FROM kvs_entity_index');
  }

  /** A RecordTable view of one declared entity, for the shared get/set semantics. */
  table(definition: EntityDefinition): RecordTable {
    return {
      get: (key) => this.get(definition.name, key),
      write: (record, valueText) => {
        this.write(definition, record, valueText);
      },
      remove: (key) => this.remove(definition.name, key),
    };
  }

  get(entityName: string, key: string): StoredRecord | undefined {
    const row = this.selectOne.get(entityName, key);
    return row !== undefined && isLive(row.expire_at, this.clock()) ? rowToRecord(row) : undefined;
  }

  write(definition: EntityDefinition, record: StoredRecord, valueText: string): void {
    this.db.transaction(() => {
      this.upsert.run(definition.name, record.key, valueText, record.createdAt, record.updatedAt, record.expireAt);
      this.reindex(definition, record.key, record.value);
    })();
  }

  remove(entityName: string, key: string): boolean {
    const live = this.get(entityName, key) !== undefined;
    this.db.transaction(() => {
      this.deleteOne.run(entityName, key);
      this.deleteIndexEntries.run(entityName, key);
    })();
    return live;
  }

  /** Rebuilds every index entry, for when the manifest's index declarations changed since the db was written. */
  rebuildIndexes(): void {
    this.db.transaction(() => {
      this.clearIndexes.run();
      for (const row of this.selectAll.all()) {
        const definition = this.definitions.get(row.entity_name);
        if (definition !== undefined) this.reindex(definition, row.key, JSON.parse(row.value) as unknown);
      }
    })();
  }

  private reindex(definition: EntityDefinition, key: string, value: unknown): void {
    this.deleteIndexEntries.run(definition.name, key);
    if (typeof value !== 'object' || value === null) return;
    for (const index of definition.indexes) {
      const entry = indexEntryFor(index, value as Record<string, unknown>);
      if (entry !== undefined) this.insertIndexEntry.run(definition.name, index.name, entry.partition, entry.range, key);
    }
  }
}

/**
 * An item appears in an index only when it has every partition attribute and the range attribute
 * as scalars (a sparse index, as in the DynamoDB storage behind Forge).
 */
function indexEntryFor(index: IndexDefinition, value: Record<string, unknown>): { partition: string; range: IndexScalar } | undefined {
  const partitionValues: unknown[] = [];
  for (const attribute of index.partition) {
    const attributeValue = value[attribute];
    if (toIndexScalar(attributeValue) === undefined) return undefined;
    partitionValues.push(attributeValue);
  }
  const range = toIndexScalar(value[index.range]);
  if (range === undefined) return undefined;
  return { partition: encodePartition(partitionValues), range };
}

export function toIndexScalar(value: unknown): IndexScalar | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** Partition equality is exact equality of the JSON of the values, in declared order. */
export function encodePartition(values: readonly unknown[]): string {
  return JSON.stringify(values);
}
