/**
 * `kvs.entity(name).query().index(...)`: one ordered range scan of the materialised index
 * (partition equality + range condition + keyset cursor in SQL), with filters applied in JS on the
 * rows the scan yields, stopping as soon as the page is full.
 */
import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { decodeEntityCursor, encodeCursor } from './cursor';
import type { EntityDefinition, IndexDefinition } from './entity-definitions';
import { encodePartition, type IndexScalar, toIndexScalar } from './entity-table';
import { kvsErrors } from './errors';
import { assertConditionValues, type CheckedFilter, checkFilterGroup, matchesFilter } from './filter-conditions';
import { DEFAULT_QUERY_LIMIT, MAX_ENTITY_QUERY_LIMIT } from './limits';
import type { EntityQueryRequest, RangeConditionName } from './protocol';
import { type Clock, type RecordRow, rowToRecord, toWire, type WireRecord } from './records';

interface IndexedRow extends RecordRow {
  range_value: IndexScalar;
}

type SortOrder = 'ASC' | 'DESC';

/** The range predicate in SQL; `?` placeholders are bound in order from `rangeParams`. */
const rangeSql: Record<RangeConditionName, string> = {
  EQUAL_TO: 'i.range_value = ?',
  GREATER_THAN: 'i.range_value > ?',
  GREATER_THAN_EQUAL_TO: 'i.range_value >= ?',
  LESS_THAN: 'i.range_value < ?',
  LESS_THAN_EQUAL_TO: 'i.range_value <= ?',
  BETWEEN: 'i.range_value BETWEEN ? AND ?',
  BEGINS_WITH: 'i.range_value >= ? AND i.range_value < ?',
};

const PREFIX_UPPER_BOUND = String.fromCodePoint(0x10ffff);

export class EntityQueryRunner {
  /** One prepared statement per (condition, type, sort, cursor) shape, built on first use. */
  private readonly statements = new Map<string, Statement<unknown[], IndexedRow>>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  run(definition: EntityDefinition, request: EntityQueryRequest): { data: WireRecord[]; cursor?: string } {
    const index = definition.indexes.find((candidate) => candidate.name === request.indexName);
    if (index === undefined) throw kvsErrors.invalidEntityIndex(definition.name, request.indexName);
    const limit = request.limit ?? DEFAULT_QUERY_LIMIT;
    if (limit < 1 || limit > MAX_ENTITY_QUERY_LIMIT) throw kvsErrors.pageLimitNotInRange(1, MAX_ENTITY_QUERY_LIMIT);
    const partition = partitionOf(index, request.partition ?? []);
    const range = rangeOf(request.range);
    const filter = request.filters === undefined ? undefined : checkFilterGroup(request.filters);
    const sort: SortOrder = request.sort ?? 'ASC';
    const scope = scopeOf(request);

    const params: unknown[] = [definition.name, index.name, partition, ...(range?.params ?? [])];
    let cursorSql = '';
    if (request.cursor !== undefined) {
      const cursor = decodeEntityCursor(request.cursor);
      if (cursor.scope !== scope) throw kvsErrors.invalidCursor();
      cursorSql = sort === 'ASC' ? '(i.range_value, i.key) > (?, ?)' : '(i.range_value, i.key) < (?, ?)';
      params.push(cursor.range, cursor.key);
    }
    params.push(this.clock());
    const statement = this.statementFor(range, cursorSql, sort);

    const page: { record: WireRecord; range: IndexScalar }[] = [];
    let hasMore = false;
    const fields = request.options?.metadataFields;
    for (const row of statement.iterate(...params)) {
      const record = rowToRecord(row);
      if (filter !== undefined && !passes(filter, record.value)) continue;
      if (page.length === limit) {
        hasMore = true;
        break;
      }
      page.push({ record: toWire(record, fields), range: row.range_value });
    }
    const data = page.map((entry) => entry.record);
    const last = page.at(-1);
    if (hasMore && last !== undefined) {
      return { data, cursor: encodeCursor({ t: 'entity', scope, range: last.range, key: last.record.key }) };
    }
    return { data };
  }

  private statementFor(range: RangePlan | undefined, cursorSql: string, sort: SortOrder): Statement<unknown[], IndexedRow> {
    const shape = `${range?.condition ?? '-'}|${range?.typeGuard ?? '-'}|${cursorSql === '' ? '-' : 'c'}|${sort}`;
    let statement = this.statements.get(shape);
    if (statement === undefined) {
      const predicates = [
        'i.entity_name = ?',
        'i.index_name = ?',
        'i.partition_value = ?',
        ...(range === undefined ? [] : [rangeSql[range.condition], range.typeGuard]),
        ...(cursorSql === '' ? [] : [cursorSql]),
        '(e.expire_at IS NULL OR e.expire_at > ?)',
      ];
      statement = this.db.prepare<unknown[], IndexedRow>(
        `SELECT e.key, e.value, e.created_at, e.updated_at, e.expire_at, i.range_value
         FROM kvs_entity_index i
         JOIN kvs_entities e ON e.entity_name = i.entity_name AND e.key = i.key
         WHERE ${predicates.join(' AND ')}
         ORDER BY i.range_value ${sort}, i.key ${sort}`,
      );
      this.statements.set(shape, statement);
    }
    return statement;
  }
}

interface RangePlan {
  condition: RangeConditionName;
  params: IndexScalar[];
  /** Keeps e.g. `greaterThan(5)` from matching every string (SQLite orders all text after numbers). */
  typeGuard: string;
}

function rangeOf(range: EntityQueryRequest['range']): RangePlan | undefined {
  if (range === undefined) return undefined;
  assertConditionValues(range.condition, range.values);
  const scalars = range.values.map((value) => {
    const scalar = toIndexScalar(value);
    if (scalar === undefined) throw kvsErrors.invalidQueryCondition(`${range.condition} values must be strings, numbers or booleans.`);
    return scalar;
  });
  if (range.condition === 'BEGINS_WITH') {
    const prefix = String(range.values[0]);
    return { condition: range.condition, params: [prefix, prefix + PREFIX_UPPER_BOUND], typeGuard: "typeof(i.range_value) = 'text'" };
  }
  const kinds = new Set(scalars.map((scalar) => typeof scalar));
  if (kinds.size !== 1) throw kvsErrors.invalidQueryCondition(`${range.condition} values must all have the same type.`);
  const typeGuard = kinds.has('string') ? "typeof(i.range_value) = 'text'" : "typeof(i.range_value) IN ('integer', 'real')";
  return { condition: range.condition, params: scalars, typeGuard };
}

function partitionOf(index: IndexDefinition, values: readonly unknown[]): string {
  if (values.length !== index.partition.length) throw kvsErrors.invalidPartition(index.name, index.partition.length, values.length);
  return encodePartition(values);
}

function passes(filter: CheckedFilter, value: unknown): boolean {
  return typeof value === 'object' && value !== null && matchesFilter(filter, value as Record<string, unknown>);
}

/** Ties a cursor to the query that produced it (everything but the cursor and page size). */
function scopeOf(request: EntityQueryRequest): string {
  const { cursor: _cursor, limit: _limit, options: _options, ...query } = request;
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}
