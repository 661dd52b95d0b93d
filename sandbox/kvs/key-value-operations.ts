/**
 * `kvs.get/set/delete/query` and the secret variants: the untyped stores.
 * Secrets use the same semantics in their own table, so `kvs.query()` can never return them.
 */
import { decodeKeyValueCursor, encodeCursor } from './cursor';
import { kvsErrors } from './errors';
import type { KeyValueTable } from './key-value-table';
import { assertValidKey, DEFAULT_QUERY_LIMIT, MAX_KV_QUERY_LIMIT, serializeValue } from './limits';
import type { QueryRequest, SetOptions } from './protocol';
import { type Clock, performSet, toWire, type WireRecord } from './records';
import type { MetadataField } from './protocol';

export class KeyValueOperations {
  constructor(
    private readonly table: KeyValueTable,
    private readonly clock: Clock,
    private readonly maxValueBytes: number,
  ) {}

  get(key: string, metadataFields: readonly MetadataField[] | undefined): WireRecord {
    assertValidKey(key, 'kv');
    const record = this.table.get(key);
    if (record === undefined) throw kvsErrors.keyNotFound();
    return toWire(record, metadataFields);
  }

  set(key: string, value: unknown, options: SetOptions | undefined): WireRecord | undefined {
    assertValidKey(key, 'kv');
    const valueText = serializeValue(value, this.maxValueBytes);
    return performSet(this.table, key, value, valueText, options, this.clock());
  }

  delete(key: string): void {
    assertValidKey(key, 'kv');
    this.table.remove(key);
  }

  query(request: QueryRequest): { data: WireRecord[]; cursor?: string } {
    const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
    if (limit < 1 || limit > MAX_KV_QUERY_LIMIT) throw kvsErrors.queryLimitNotInRange(1, MAX_KV_QUERY_LIMIT);
    const prefix = keyPrefixOf(request);
    let afterKey = '';
    if (request.after !== undefined) {
      const cursor = decodeKeyValueCursor(request.after);
      if (cursor.prefix !== prefix) throw kvsErrors.invalidCursor();
      afterKey = cursor.key;
    }
    // One extra row tells whether another page exists without a second query.
    const rows = this.table.scan(prefix, afterKey, limit + 1);
    const page = rows.slice(0, limit);
    const fields = request.options?.metadataFields;
    const data = page.map((record) => toWire(record, fields));
    const last = page.at(-1);
    if (rows.length > limit && last !== undefined) {
      return { data, cursor: encodeCursor({ t: 'kv', prefix, key: last.key }) };
    }
    return { data };
  }
}

function keyPrefixOf(request: QueryRequest): string {
  const where = request.where ?? [];
  // Forge: "There may only be a single where condition for a query."
  if (where.length > 1) throw kvsErrors.invalidQueryCondition('Only a single where condition is supported.');
  const [condition] = where;
  if (condition === undefined) return '';
  const [prefix] = condition.values;
  if (condition.values.length !== 1 || (typeof prefix !== 'string' && typeof prefix !== 'number')) {
    throw kvsErrors.invalidQueryCondition('BEGINS_WITH needs exactly one string value.');
  }
  return String(prefix);
}
