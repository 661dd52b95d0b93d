/**
 * Errors as Forge KVS puts them on the wire: a non-2xx status and a JSON body `{ code, message }`.
 * `@forge/kvs` turns that body into a `ForgeKvsAPIError` whose `code` apps branch on
 * (`KEY_NOT_FOUND` even becomes `undefined` for get/delete), so codes must match the platform's.
 *
 * Codes marked "documented" appear in Forge's error-handling pages; the others are cases the docs
 * leave open, so the emulator picks a stable, descriptive code and the report lists them.
 */
export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsError';
  }
}

const badRequest = (code: string, message: string): KvsError => new KvsError(400, code, message);

export const kvsErrors = {
  // documented; the message is the one @forge/kvs's own tests use for this response
  keyNotFound: (): KvsError => new KvsError(404, 'KEY_NOT_FOUND', 'Provided key does not exist'),
  // documented (the lib's tests show this exact body for schema violations)
  badRequestBody: (detail?: string): KvsError =>
    badRequest('BAD_REQUEST', detail === undefined ? 'Provided request body is invalid' : `Provided request body is invalid: ${detail}`),
  // documented (KVS page): empty key
  keyTooShort: (): KvsError => badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.'),
  // documented (Custom Entity page): the entity store names the empty key differently
  emptyKey: (): KvsError => badRequest('EMPTY_KEY', 'Key cannot be empty.'),
  keyTooLong: (max: number): KvsError => badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${max} characters.`),
  invalidKey: (): KvsError =>
    badRequest('INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/'),
  maxSize: (limitBytes: number): KvsError =>
    badRequest('MAX_SIZE', `The provided value has exceeded the maximum size limit (${limitBytes} bytes).`),
  maxDepth: (limit: number): KvsError =>
    badRequest('MAX_DEPTH', `The provided value has exceeded the maximum object depth (${limit}) limit.`),
  invalidEntityType: (entityName: string): KvsError =>
    badRequest('INVALID_ENTITY_TYPE', `Entity '${entityName}' is not defined in the app manifest (app.storage.entities).`),
  invalidEntityValue: (detail: string): KvsError => badRequest('INVALID_ENTITY_VALUE', `Entity value is invalid: ${detail}`),
  invalidEntityIndex: (entityName: string, indexName: string): KvsError =>
    badRequest('INVALID_ENTITY_INDEX', `Index '${indexName}' is not declared for entity '${entityName}'.`),
  pageLimitNotInRange: (min: number, max: number): KvsError =>
    badRequest('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', `The page limit must be set between ${min} and ${max}.`),
  emptyFilterOperator: (): KvsError => badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.'),
  invalidFilterOperatorsCombination: (): KvsError =>
    badRequest('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be present at the same level.'),
  insufficientFilterValues: (condition: string): KvsError =>
    badRequest('INSUFFICIENT_FILTER_VALUES', `The specified condition ${condition} needs at least two values.`),

  // Not documented by Forge: chosen by the emulator.
  queryLimitNotInRange: (min: number, max: number): KvsError =>
    badRequest('QUERY_LIMIT_NOT_IN_RANGE', `The query limit must be set between ${min} and ${max}.`),
  invalidCursor: (): KvsError => badRequest('INVALID_CURSOR', 'The provided cursor is invalid for this query.'),
  invalidPartition: (indexName: string, expected: number, got: number): KvsError =>
    badRequest('INVALID_PARTITION', `Index '${indexName}' needs ${expected} partition value(s), got ${got}.`),
  invalidQueryCondition: (detail: string): KvsError => badRequest('INVALID_QUERY_CONDITION', detail),
  keyAlreadyExists: (): KvsError => new KvsError(409, 'KEY_ALREADY_EXISTS', 'The key already exists and keyPolicy is FAIL_IF_EXISTS.'),
  batchEmpty: (): KvsError => badRequest('BATCH_EMPTY', 'A batch operation must contain at least one item.'),
  batchTooLarge: (max: number): KvsError => badRequest('BATCH_TOO_LARGE', `A batch operation can contain a maximum of ${max} keys.`),
  batchDuplicateKey: (key: string): KvsError =>
    badRequest('BATCH_DUPLICATE_KEY', `The batch contains more than one request for key '${key}'.`),
  transactionEmpty: (): KvsError => badRequest('TRANSACTION_EMPTY', 'A transaction must contain at least one operation.'),
  transactionTooLarge: (max: number): KvsError =>
    badRequest('TRANSACTION_TOO_LARGE', `Each transaction can contain a maximum of ${max} operations.`),
  transactionDuplicateKey: (key: string): KvsError =>
    badRequest('TRANSACTION_DUPLICATE_KEY', `Each key can only be used once in a transaction: '${key}'.`),
  payloadTooLarge: (limitBytes: number): KvsError =>
    new KvsError(413, 'PAYLOAD_TOO_LARGE', `The request payload exceeds ${limitBytes} bytes.`),
  conditionsNeedEntity: (): KvsError =>
    badRequest('INVALID_TRANSACTION_CONDITION', 'Conditions can only be used with custom entity operations (entityName).'),
  conditionFailed: (key: string): KvsError =>
    new KvsError(409, 'CONDITIONAL_CHECK_FAILED', `Transaction cancelled: the condition for key '${key}' was not met.`),
  unknownOperation: (path: string): KvsError => new KvsError(404, 'NOT_FOUND', `No KVS operation at '${path}'.`),
} as const;
