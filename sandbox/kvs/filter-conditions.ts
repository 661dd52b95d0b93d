/**
 * Evaluation of entity query filters and transaction conditions (both `{ and | or: [...] }`) on a
 * stored value. Ordering follows Forge's storage: numbers numerically, strings by UTF-8 bytes, and
 * values of different types never compare (the condition is false).
 */
import { isDeepStrictEqual } from 'node:util';
import { kvsErrors } from './errors';
import type { FilterConditionName, FilterGroup, FilterItem } from './protocol';

export interface CheckedFilter {
  operator: 'and' | 'or';
  items: FilterItem[];
}

/** Validates the group's shape with Forge's error codes; call before touching data. */
export function checkFilterGroup(group: FilterGroup): CheckedFilter {
  if (group.and !== undefined && group.or !== undefined) throw kvsErrors.invalidFilterOperatorsCombination();
  const operator = group.and !== undefined ? 'and' : 'or';
  const items = group.and ?? group.or ?? [];
  if (items.length === 0) throw kvsErrors.emptyFilterOperator();
  for (const item of items) assertConditionValues(item.condition, item.values);
  return { operator, items };
}

export function assertConditionValues(condition: FilterConditionName, values: readonly unknown[]): void {
  const expected = condition === 'BETWEEN' ? 2 : 1;
  if (condition === 'BETWEEN' && values.length < 2) throw kvsErrors.insufficientFilterValues(condition);
  if (values.length !== expected) {
    throw kvsErrors.invalidQueryCondition(`${condition} takes exactly ${expected} value(s), got ${values.length}.`);
  }
}

export function matchesFilter(filter: CheckedFilter, value: Readonly<Record<string, unknown>>): boolean {
  const test = (item: FilterItem): boolean => matchesCondition(item.condition, value[item.property], item.values);
  return filter.operator === 'and' ? filter.items.every(test) : filter.items.some(test);
}

/** `actual` is undefined when the attribute is absent from the stored value. */
export function matchesCondition(condition: FilterConditionName, actual: unknown, values: readonly unknown[]): boolean {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && isDeepStrictEqual(actual, first);
    case 'NOT_EQUAL_TO':
      return !isDeepStrictEqual(actual, first);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return !contains(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && (typeof first === 'string' || typeof first === 'number') && actual.startsWith(String(first));
    case 'BETWEEN': {
      const low = compareScalars(actual, first);
      const high = compareScalars(actual, second);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    case 'GREATER_THAN':
      return compares(actual, first, (order) => order > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return compares(actual, first, (order) => order >= 0);
    case 'LESS_THAN':
      return compares(actual, first, (order) => order < 0);
    case 'LESS_THAN_EQUAL_TO':
      return compares(actual, first, (order) => order <= 0);
  }
}

function compares(actual: unknown, expected: unknown, accept: (order: number) => boolean): boolean {
  const order = compareScalars(actual, expected);
  return order !== undefined && accept(order);
}

function contains(actual: unknown, needle: unknown): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((element) => isDeepStrictEqual(element, needle));
  return false;
}

/** Negative, zero or positive like a comparator; undefined when the two cannot be ordered. */
export function compareScalars(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return undefined;
}
