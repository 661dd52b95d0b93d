/**
 * Forge's KVS / Custom Entity Store, emulated on SQLite for the local sandbox. It answers the same
 * JSON POST protocol `@forge/kvs` speaks through `global.__forge_fetch__`, so unmodified app code
 * runs against it.
 */
import type { Database } from 'better-sqlite3';
import type { BackendResponse, KvsBackend } from '../backends';
import { BatchOperations } from './batch-operations';
import type { EntityDefinition } from './entity-definitions';
import { EntityOperations } from './entity-operations';
import { EntityQueryRunner } from './entity-query';
import { EntityStore } from './entity-table';
import { KeyValueOperations } from './key-value-operations';
import { KeyValueTable } from './key-value-table';
import { MAX_SECRET_VALUE_BYTES, MAX_VALUE_BYTES } from './limits';
import {
  batchDeleteRequest,
  batchGetRequest,
  batchSetRequest,
  deleteRequest,
  entityDeleteRequest,
  entityGetRequest,
  entityQueryRequest,
  entitySetRequest,
  getRequest,
  queryRequest,
  setRequest,
  transactionRequest,
} from './protocol';
import type { Clock } from './records';
import { dispatch, type Operation, route, routeLimitedPayload } from './router';
import { ensureSchema, readMeta, writeMeta } from './schema';
import { TransactionOperations } from './transaction-operations';

export interface KvsEmulatorOptions {
  /** Custom entities from the manifest (see `loadEntityDefinitions`). */
  entities: readonly EntityDefinition[];
  /** Epoch milliseconds; injectable so TTL expiry can be tested without waiting. */
  now?: Clock;
}

/** Path prefix every `@forge/kvs` call uses; `handle` expects paths that start with it. */
export const KVS_API_PREFIX = '/api/v1/';

export class KvsEmulator implements KvsBackend {
  private readonly routes: ReadonlyMap<string, Operation>;

  constructor(db: Database, options: KvsEmulatorOptions) {
    const clock: Clock = options.now ?? Date.now;
    const definitions = new Map(options.entities.map((definition) => [definition.name, definition]));
    ensureSchema(db);

    const values = new KeyValueOperations(new KeyValueTable(db, 'kvs_values', clock), clock, MAX_VALUE_BYTES);
    const secrets = new KeyValueOperations(new KeyValueTable(db, 'kvs_secrets', clock), clock, MAX_SECRET_VALUE_BYTES);
    const entityStore = new EntityStore(db, definitions, clock);
    const entities = new EntityOperations(definitions, entityStore, new EntityQueryRunner(db, clock), clock);
    const batch = new BatchOperations(values, entities);
    const transactions = new TransactionOperations(db, values, entities, entityStore);

    // Index entries are derived data: rebuild them whenever the declared indexes differ from the
    // ones the database was last indexed with (e.g. the manifest changed between sandbox runs).
    const fingerprint = JSON.stringify(options.entities.map(({ name, indexes }) => ({ name, indexes })));
    if (readMeta(db, 'entity-indexes') !== fingerprint) {
      db.transaction(() => {
        entityStore.rebuildIndexes();
        writeMeta(db, 'entity-indexes', fingerprint);
      })();
    }

    const operations: [string, Operation][] = [
      ['get', route(getRequest, (r) => values.get(r.key, r.options?.metadataFields))],
      ['set', route(setRequest, (r) => values.set(r.key, r.value, r.options))],
      ['delete', route(deleteRequest, (r) => { values.delete(r.key); })],
      ['query', route(queryRequest, (r) => values.query(r))],
      ['secret/get', route(getRequest, (r) => secrets.get(r.key, r.options?.metadataFields))],
      ['secret/set', route(setRequest, (r) => secrets.set(r.key, r.value, r.options))],
      ['secret/delete', route(deleteRequest, (r) => { secrets.delete(r.key); })],
      ['entity/get', route(entityGetRequest, (r) => entities.get(r.entityName, r.key, r.options?.metadataFields))],
      ['entity/set', route(entitySetRequest, (r) => entities.set(r.entityName, r.key, r.value, r.options))],
      ['entity/delete', route(entityDeleteRequest, (r) => { entities.delete(r.entityName, r.key); })],
      ['entity/query', route(entityQueryRequest, (r) => entities.query(r))],
      ['batch/set', routeLimitedPayload(batchSetRequest, (r) => batch.set(r))],
      ['batch/get', routeLimitedPayload(batchGetRequest, (r) => batch.get(r))],
      ['batch/delete', routeLimitedPayload(batchDeleteRequest, (r) => batch.delete(r))],
      ['transaction', routeLimitedPayload(transactionRequest, (r) => { transactions.execute(r); })],
    ];
    this.routes = new Map(operations.map(([name, operation]) => [`${KVS_API_PREFIX}${name}`, operation]));
  }

  handle(path: string, body: unknown): Promise<BackendResponse> {
    return Promise.resolve(dispatch(this.routes, path, body));
  }
}
