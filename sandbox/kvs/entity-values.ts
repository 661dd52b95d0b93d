/**
 * Type checks for custom-entity values against the manifest, following Forge's "Stored entity
 * values must adhere to the following type requirements" table. Violations are INVALID_ENTITY_VALUE.
 */
import type { AttributeType, EntityDefinition } from './entity-definitions';
import { kvsErrors } from './errors';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
// Forge's float range: 0, or a magnitude between 1E-130 and 9.99…E+125 (38 significant digits).
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE_EXCLUSIVE = 1e126;

export function assertValidEntityValue(definition: EntityDefinition, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw kvsErrors.invalidEntityValue(`a '${definition.name}' value must be an object of its declared attributes`);
  }
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = definition.attributes[attribute];
    if (type === undefined) {
      throw kvsErrors.invalidEntityValue(`attribute '${attribute}' is not declared for entity '${definition.name}'`);
    }
    if (!matchesType(type, attributeValue)) {
      throw kvsErrors.invalidEntityValue(
        `attribute '${attribute}' of entity '${definition.name}' must be of type ${type}, got ${describe(attributeValue)}`,
      );
    }
  }
}

function matchesType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude < FLOAT_MAX_MAGNITUDE_EXCLUSIVE);
    }
    case 'any':
      return value !== null;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? `integer ${value}` : `number ${value}`;
  return typeof value;
}
