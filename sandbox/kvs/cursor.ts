/**
 * Opaque page cursors. Forge's cursors are opaque strings apps must only echo back; these encode
 * the keyset position (last key, and for index queries the last range value) plus enough of the
 * query to refuse a cursor replayed against a different query.
 */
import { z } from 'zod';
import { kvsErrors } from './errors';

const keyValueCursor = z.strictObject({ t: z.literal('kv'), prefix: z.string(), key: z.string() });
const entityCursor = z.strictObject({
  t: z.literal('entity'),
  scope: z.string(),
  range: z.union([z.string(), z.number()]),
  key: z.string(),
});

export type KeyValueCursor = z.infer<typeof keyValueCursor>;
export type EntityCursor = z.infer<typeof entityCursor>;

export function encodeCursor(cursor: KeyValueCursor | EntityCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeKeyValueCursor(text: string): KeyValueCursor {
  return decode(text, keyValueCursor);
}

export function decodeEntityCursor(text: string): EntityCursor {
  return decode(text, entityCursor);
}

function decode<T>(text: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw kvsErrors.invalidCursor();
  }
}
