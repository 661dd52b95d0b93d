/**
 * `kvs.batchSet/batchGet/batchDelete`: up to 25 distinct keys (plain or entity) per call. The call
 * fails as a whole only for an invalid batch; otherwise each item succeeds or fails on its own and
 * lands in `successfulKeys` or `failedKeys`, as Forge reports it.
 */
import type { EntityOperations } from './entity-operations';
import { KvsError, kvsErrors } from './errors';
import type { KeyValueOperations } from './key-value-operations';
import { MAX_BATCH_ITEMS } from './limits';
import type { BatchDeleteRequest, BatchGetRequest, BatchSetRequest } from './protocol';
import type { WireRecord } from './records';

interface BatchItem {
  key: string;
  entityName?: string | undefined;
}

interface ItemRef {
  key: string;
  entityName?: string;
}

interface FailedItem extends ItemRef {
  error: { code: string; message: string };
}

export interface BatchResult<Success extends ItemRef = ItemRef> {
  successfulKeys: Success[];
  failedKeys: FailedItem[];
}

export class BatchOperations {
  constructor(
    private readonly values: KeyValueOperations,
    private readonly entities: EntityOperations,
  ) {}

  set(items: BatchSetRequest): BatchResult {
    assertValidBatch(items);
    return collect(items, (item) => {
      if (item.entityName === undefined) this.values.set(item.key, item.value, item.options);
      else this.entities.set(item.entityName, item.key, item.value, item.options);
      return refOf(item);
    });
  }

  get(items: BatchGetRequest): BatchResult<ItemRef & WireRecord> {
    assertValidBatch(items);
    return collect(items, (item) => {
      const fields = item.options?.metadataFields;
      const record =
        item.entityName === undefined ? this.values.get(item.key, fields) : this.entities.get(item.entityName, item.key, fields);
      return { ...refOf(item), ...record };
    });
  }

  delete(items: BatchDeleteRequest): BatchResult {
    assertValidBatch(items);
    return collect(items, (item) => {
      // Unlike a single delete, a batch reports a missing key as a failed item.
      if (item.entityName === undefined) this.values.get(item.key, undefined);
      else this.entities.get(item.entityName, item.key, undefined);
      if (item.entityName === undefined) this.values.delete(item.key);
      else this.entities.delete(item.entityName, item.key);
      return refOf(item);
    });
  }
}

function assertValidBatch(items: readonly BatchItem[]): void {
  if (items.length === 0) throw kvsErrors.batchEmpty();
  if (items.length > MAX_BATCH_ITEMS) throw kvsErrors.batchTooLarge(MAX_BATCH_ITEMS);
  const seen = new Set<string>();
  for (const item of items) {
    const identity = JSON.stringify([item.entityName ?? null, item.key]);
    if (seen.has(identity)) throw kvsErrors.batchDuplicateKey(item.key);
    seen.add(identity);
  }
}

function refOf(item: BatchItem): ItemRef {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

function collect<Item extends BatchItem, Success extends ItemRef>(items: readonly Item[], apply: (item: Item) => Success): BatchResult<Success> {
  const result: BatchResult<Success> = { successfulKeys: [], failedKeys: [] };
  for (const item of items) {
    try {
      result.successfulKeys.push(apply(item));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      result.failedKeys.push({ ...refOf(item), error: { code: error.code, message: error.message } });
    }
  }
  return result;
}
