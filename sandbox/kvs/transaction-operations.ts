/**
 * `kvs.transact()`: up to 25 set/delete/check operations on distinct keys, all-or-nothing.
 * Everything that can be validated is validated first; then, inside one SQLite transaction, every
 * condition is evaluated against the current data before any write, so a failed condition leaves
 * the store untouched.
 */
import type { Database } from 'better-sqlite3';
import type { EntityOperations } from './entity-operations';
import type { EntityStore } from './entity-table';
import { kvsErrors } from './errors';
import { type CheckedFilter, checkFilterGroup, matchesFilter } from './filter-conditions';
import type { KeyValueOperations } from './key-value-operations';
import { MAX_TRANSACTION_OPERATIONS } from './limits';
import type { TransactionRequest } from './protocol';

interface Guard {
  entityName: string;
  key: string;
  filter: CheckedFilter;
}

export class TransactionOperations {
  constructor(
    private readonly db: Database,
    private readonly values: KeyValueOperations,
    private readonly entities: EntityOperations,
    private readonly entityStore: EntityStore,
  ) {}

  execute(request: TransactionRequest): void {
    const sets = request.set ?? [];
    const deletes = request.delete ?? [];
    const checks = request.check ?? [];
    const count = sets.length + deletes.length + checks.length;
    if (count === 0) throw kvsErrors.transactionEmpty();
    if (count > MAX_TRANSACTION_OPERATIONS) throw kvsErrors.transactionTooLarge(MAX_TRANSACTION_OPERATIONS);

    const seen = new Set<string>();
    const guards: Guard[] = [];
    for (const operation of [...sets, ...deletes, ...checks]) {
      const identity = JSON.stringify([operation.entityName ?? null, operation.key]);
      if (seen.has(identity)) throw kvsErrors.transactionDuplicateKey(operation.key);
      seen.add(identity);
      if (operation.conditions === undefined) continue;
      if (operation.entityName === undefined) throw kvsErrors.conditionsNeedEntity();
      this.entities.definition(operation.entityName);
      guards.push({ entityName: operation.entityName, key: operation.key, filter: checkFilterGroup(operation.conditions) });
    }
    // Surface invalid keys/values/entities before the transaction starts.
    for (const operation of sets) {
      if (operation.entityName !== undefined) this.entities.prepareValue(operation.entityName, operation.key, operation.value);
    }

    this.db
      .transaction(() => {
        for (const guard of guards) {
          // A missing item is checked as an empty one, so only NOT_EXISTS-style conditions hold.
          const current = this.entityStore.get(guard.entityName, guard.key)?.value;
          const value = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
          if (!matchesFilter(guard.filter, value)) throw kvsErrors.conditionFailed(guard.key);
        }
        for (const operation of sets) {
          const options = operation.options?.ttl === undefined ? undefined : { ttl: operation.options.ttl };
          if (operation.entityName === undefined) this.values.set(operation.key, operation.value, options);
          else this.entities.set(operation.entityName, operation.key, operation.value, options);
        }
        for (const operation of deletes) {
          if (operation.entityName === undefined) this.values.delete(operation.key);
          else this.entities.delete(operation.entityName, operation.key);
        }
      })
      .immediate();
  }
}
