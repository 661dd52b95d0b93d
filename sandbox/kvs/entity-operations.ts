/** `kvs.entity(name).get/set/delete/query`: checks entity, key and value, then delegates to storage. */
import type { EntityDefinition } from './entity-definitions';
import type { EntityQueryRunner } from './entity-query';
import type { EntityStore } from './entity-table';
import { assertValidEntityValue } from './entity-values';
import { kvsErrors } from './errors';
import { assertValidKey, serializeValue } from './limits';
import type { EntityQueryRequest, MetadataField, SetOptions } from './protocol';
import { type Clock, performSet, toWire, type WireRecord } from './records';

export class EntityOperations {
  constructor(
    private readonly definitions: ReadonlyMap<string, EntityDefinition>,
    private readonly store: EntityStore,
    private readonly queries: EntityQueryRunner,
    private readonly clock: Clock,
  ) {}

  definition(entityName: string): EntityDefinition {
    const definition = this.definitions.get(entityName);
    if (definition === undefined) throw kvsErrors.invalidEntityType(entityName);
    return definition;
  }

  /** Validates a value for `entityName` and returns its stored JSON text. */
  prepareValue(entityName: string, key: string, value: unknown): { definition: EntityDefinition; valueText: string } {
    const definition = this.definition(entityName);
    assertValidKey(key, 'entity');
    assertValidEntityValue(definition, value);
    return { definition, valueText: serializeValue(value) };
  }

  get(entityName: string, key: string, metadataFields: readonly MetadataField[] | undefined): WireRecord {
    this.definition(entityName);
    assertValidKey(key, 'entity');
    const record = this.store.get(entityName, key);
    if (record === undefined) throw kvsErrors.keyNotFound();
    return toWire(record, metadataFields);
  }

  set(entityName: string, key: string, value: unknown, options: SetOptions | undefined): WireRecord | undefined {
    const { definition, valueText } = this.prepareValue(entityName, key, value);
    return performSet(this.store.table(definition), key, value, valueText, options, this.clock());
  }

  delete(entityName: string, key: string): void {
    this.definition(entityName);
    assertValidKey(key, 'entity');
    this.store.remove(entityName, key);
  }

  query(request: EntityQueryRequest): { data: WireRecord[]; cursor?: string } {
    return this.queries.run(this.definition(request.entityName), request);
  }
}
