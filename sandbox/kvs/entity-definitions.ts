/**
 * Custom entities as declared under `app.storage.entities` in manifest.yml. The emulator needs them
 * for the same reasons Forge does: to reject undeclared entities and indexes and to type-check values.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface IndexDefinition {
  name: string;
  /** Attributes whose values must all be given (in this order) as `partition` in a query. */
  partition: string[];
  /** The attribute the `where` condition and the sort order apply to. */
  range: string;
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: IndexDefinition[];
}

// Patterns and lengths follow the @forge/manifest JSON schema for app.storage.entities.
const entityNamePattern = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const attributeNamePattern = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const manifestIndexSchema = z.union([
  z.string(),
  z.strictObject({
    name: z.string().min(1),
    range: z.array(z.string()).min(1),
    partition: z.array(z.string()).min(1).optional(),
  }),
]);

const manifestEntitySchema = z.strictObject({
  name: z.string().min(3).max(60).regex(entityNamePattern),
  attributes: z.record(
    z.string().regex(attributeNamePattern),
    z.strictObject({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) }),
  ),
  indexes: z.array(manifestIndexSchema).min(1).optional(),
});

const manifestSchema = z.object({
  app: z.object({
    storage: z.object({ entities: z.array(manifestEntitySchema).optional() }).optional(),
  }),
});

/** Reads `app.storage.entities` from a Forge manifest.yml; an app without entities yields `[]`. */
export function loadEntityDefinitions(manifestPath: string): EntityDefinition[] {
  const text = readFileSync(manifestPath, 'utf8');
  try {
    return parseEntityDefinitions(parseYaml(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid app.storage.entities in ${manifestPath}: ${reason}`, { cause: error });
  }
}

/** Same as `loadEntityDefinitions` for an already-parsed manifest object. */
export function parseEntityDefinitions(manifest: unknown): EntityDefinition[] {
  const parsed = manifestSchema.parse(manifest);
  const entities = parsed.app.storage?.entities ?? [];
  const seen = new Set<string>();
  return entities.map((entity) => {
    if (seen.has(entity.name)) throw new Error(`duplicate entity name '${entity.name}'`);
    seen.add(entity.name);
    const attributes: Record<string, AttributeType> = {};
    for (const [name, { type }] of Object.entries(entity.attributes)) attributes[name] = type;
    const indexes = (entity.indexes ?? []).map((index) => toIndexDefinition(entity.name, index, attributes));
    const indexNames = new Set<string>();
    for (const index of indexes) {
      if (indexNames.has(index.name)) throw new Error(`entity '${entity.name}' declares index '${index.name}' twice`);
      indexNames.add(index.name);
    }
    return { name: entity.name, attributes, indexes };
  });
}

function toIndexDefinition(
  entityName: string,
  index: z.infer<typeof manifestIndexSchema>,
  attributes: Record<string, AttributeType>,
): IndexDefinition {
  // A bare attribute name is shorthand for an index named after it, ranged on it, unpartitioned.
  const definition =
    typeof index === 'string'
      ? { name: index, partition: [], range: [index] }
      : { name: index.name, partition: index.partition ?? [], range: index.range };
  for (const attribute of [...definition.partition, ...definition.range]) {
    if (!(attribute in attributes)) {
      throw new Error(`index '${definition.name}' of entity '${entityName}' uses undeclared attribute '${attribute}'`);
    }
  }
  const [range, ...extraRange] = definition.range;
  // The schema allows a list, but Forge documents one range attribute per index; supporting more
  // would mean guessing how Forge orders and conditions them.
  if (range === undefined || extraRange.length > 0) {
    throw new Error(`index '${definition.name}' of entity '${entityName}' must have exactly one range attribute`);
  }
  return { name: definition.name, partition: definition.partition, range };
}
