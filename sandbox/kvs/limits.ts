/**
 * Forge's documented key and value constraints ("KVS and Custom Entity Store limits", error-handling
 * pages), checked before anything is written so a violating app fails here exactly as in production.
 */
import { kvsErrors } from './errors';

export const MAX_KEY_LENGTH = 500;
/** "Value size 240 KiB: maximum size of a single persisted value"; measured on the JSON text. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** The secret-storage page states a smaller cap for `setSecret`. */
export const MAX_SECRET_VALUE_BYTES = 128 * 1024;
/** The error page says 32, the limits page 31; 32 levels of nesting (a flat object is 1) pass. */
export const MAX_OBJECT_DEPTH = 32;

/** `kvs.query()` pages: "up to a maximum of 20". */
export const MAX_KV_QUERY_LIMIT = 20;
/** COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: "between 1 and 100". */
export const MAX_ENTITY_QUERY_LIMIT = 100;
/** Forge does not document the default page size; 10 keeps paging visible in the sandbox. */
export const DEFAULT_QUERY_LIMIT = 10;

export const MAX_BATCH_ITEMS = 25;
export const MAX_TRANSACTION_OPERATIONS = 25;
/** Transactions and batch requests are capped at a 4 MB payload. */
export const MAX_MULTI_PAYLOAD_BYTES = 4 * 1024 * 1024;

// The documented pattern is /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/; inside a non-unicode class `\s-#`
// is `\s`, `-`, `#`, which is spelled here without the ambiguous range.
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;

/** The two stores name an empty key differently (KEY_TOO_SHORT vs EMPTY_KEY). */
export type KeyFlavour = 'kv' | 'entity';

export function assertValidKey(key: string, flavour: KeyFlavour): void {
  if (key.length === 0) throw flavour === 'kv' ? kvsErrors.keyTooShort() : kvsErrors.emptyKey();
  if (key.length > MAX_KEY_LENGTH) throw kvsErrors.keyTooLong(MAX_KEY_LENGTH);
  if (!KEY_PATTERN.test(key)) throw kvsErrors.invalidKey();
}

/** Returns the JSON text to persist, so the size check and the stored bytes are the same thing. */
export function serializeValue(value: unknown, maxBytes: number = MAX_VALUE_BYTES): string {
  if (depthOf(value) > MAX_OBJECT_DEPTH) throw kvsErrors.maxDepth(MAX_OBJECT_DEPTH);
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text, 'utf8') > maxBytes) throw kvsErrors.maxSize(maxBytes);
  return text;
}

function depthOf(value: unknown): number {
  // Iterative so a hostile, very deep value cannot overflow the emulator's own stack.
  let max = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, depth } = item;
    if (node === null || typeof node !== 'object') continue;
    const here = depth + 1;
    if (here > max) max = here;
    if (max > MAX_OBJECT_DEPTH) return max;
    for (const child of Object.values(node)) stack.push({ node: child, depth: here });
  }
  return max;
}
