/** Public surface of the KVS emulator for the sandbox runtime and tests. */
export { KvsEmulator, KVS_API_PREFIX, type KvsEmulatorOptions } from './emulator';
export {
  loadEntityDefinitions,
  parseEntityDefinitions,
  type AttributeType,
  type EntityDefinition,
  type IndexDefinition,
} from './entity-definitions';
export { KvsError } from './errors';
export * as kvsLimits from './limits';
