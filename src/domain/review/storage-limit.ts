/**
 * Keeps a review storable as one Forge KVS value. Field bounds keep single fields sane, but the
 * sum of all maxima is larger than the KVS limit, so the serialized total is measured on every
 * write and refused early, with a message that says what to shorten, before KVS would refuse it.
 */
import { fail, ok, type Result, type TooLargeError } from './result';
import { REVIEW_STORAGE_BUDGET_BYTES } from './limits';
import { SECTION_LABELS, SECTION_NAMES, type Review } from './review';

/** UTF-8 size without TextEncoder/Buffer, so the same code runs in the resolver and the browser. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

export const serializedSize = (value: object): number => utf8ByteLength(JSON.stringify(value));

const kib = (bytes: number): string => `${Math.ceil(bytes / 1024)} KB`;

export function assertWithinStorageLimit(
  review: Review,
  limitBytes: number = REVIEW_STORAGE_BUDGET_BYTES,
): Result<{ bytes: number }, TooLargeError> {
  const bytes = serializedSize(review);
  if (bytes <= limitBytes) return ok({ bytes });
  const largest = SECTION_NAMES.map((section) => ({ section, bytes: serializedSize(review[section]) })).reduce((a, b) =>
    b.bytes > a.bytes ? b : a,
  );
  return fail({
    code: 'too-large',
    message: `This review is too large to save (${kib(bytes)}; the limit is ${kib(limitBytes)}). The largest part is ${SECTION_LABELS[largest.section]} (${kib(largest.bytes)}): shorten or remove some of it.`,
    field: largest.section,
    bytes,
    limitBytes,
  });
}
