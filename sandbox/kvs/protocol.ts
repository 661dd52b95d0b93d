/**
 * Request bodies exactly as `@forge/kvs` 1.6.5 serialises them (see its storage-api.js, query.js,
 * entity-query.js, transaction-api.js and utils/transaction-request-builder.js).
 *
 * Objects are strict on purpose: if a future `@forge/kvs` sends a field this emulator does not
 * understand, the request fails loudly (BAD_REQUEST) instead of being half-emulated.
 */
import { z } from 'zod';

const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
export type MetadataField = z.infer<typeof metadataField>;

/** Forge stores JSON values; `undefined` cannot travel and `null` is not a StorageValue. */
const storageValue = z.custom<string | number | boolean | object>((value) => value !== undefined && value !== null, {
  error: 'value is required and cannot be null',
});

const ttl = z.strictObject({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export type Ttl = z.infer<typeof ttl>;

const getOptions = z.strictObject({ metadataFields: z.array(metadataField).optional() });

const setOptions = z.strictObject({
  ttl: ttl.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(metadataField).optional(),
});
export type SetOptions = z.infer<typeof setOptions>;

/** Batch and transaction items only carry a TTL. */
const plainSetOptions = z.strictObject({ ttl: ttl.optional() });

export const getRequest = z.strictObject({ key: z.string(), options: getOptions.optional() });
export const setRequest = z.strictObject({ key: z.string(), value: storageValue, options: setOptions.optional() });
export const deleteRequest = z.strictObject({ key: z.string() });

export const queryRequest = z.strictObject({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z
    .array(z.strictObject({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.array(z.unknown()) }))
    .optional(),
  options: getOptions.optional(),
});
export type QueryRequest = z.infer<typeof queryRequest>;

export const entityGetRequest = getRequest.extend({ entityName: z.string() });
export const entitySetRequest = setRequest.extend({ entityName: z.string() });
export const entityDeleteRequest = deleteRequest.extend({ entityName: z.string() });

export const rangeConditionName = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
export type RangeConditionName = z.infer<typeof rangeConditionName>;

export const filterConditionName = z.enum([
  ...rangeConditionName.options,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
]);
export type FilterConditionName = z.infer<typeof filterConditionName>;

const filterItem = z.strictObject({ property: z.string(), condition: filterConditionName, values: z.array(z.unknown()) });
export type FilterItem = z.infer<typeof filterItem>;

/** `{ and: [...] }` or `{ or: [...] }`: the shape of both query filters and transaction conditions. */
const filterGroup = z.strictObject({ and: z.array(filterItem).optional(), or: z.array(filterItem).optional() });
export type FilterGroup = z.infer<typeof filterGroup>;

export const entityQueryRequest = z.strictObject({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: z.strictObject({ condition: rangeConditionName, values: z.array(z.unknown()) }).optional(),
  filters: filterGroup.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: getOptions.optional(),
});
export type EntityQueryRequest = z.infer<typeof entityQueryRequest>;

export const batchSetRequest = z.array(
  z.strictObject({ entityName: z.string().optional(), key: z.string(), value: storageValue, options: plainSetOptions.optional() }),
);
export const batchGetRequest = z.array(
  z.strictObject({ entityName: z.string().optional(), key: z.string(), options: getOptions.optional() }),
);
export const batchDeleteRequest = z.array(z.strictObject({ entityName: z.string().optional(), key: z.string() }));

export const transactionRequest = z.strictObject({
  set: z
    .array(
      z.strictObject({
        key: z.string(),
        value: storageValue,
        entityName: z.string().optional(),
        conditions: filterGroup.optional(),
        options: plainSetOptions.optional(),
      }),
    )
    .optional(),
  delete: z
    .array(z.strictObject({ key: z.string(), entityName: z.string().optional(), conditions: filterGroup.optional() }))
    .optional(),
  check: z.array(z.strictObject({ key: z.string(), entityName: z.string(), conditions: filterGroup })).optional(),
});
export type TransactionRequest = z.infer<typeof transactionRequest>;
export type BatchSetRequest = z.infer<typeof batchSetRequest>;
export type BatchGetRequest = z.infer<typeof batchGetRequest>;
export type BatchDeleteRequest = z.infer<typeof batchDeleteRequest>;
