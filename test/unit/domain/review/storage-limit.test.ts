import {
  KVS_VALUE_LIMIT_BYTES,
  LIMITS,
  REVIEW_STORAGE_BUDGET_BYTES,
  assertWithinStorageLimit,
  serializedSize,
  utf8ByteLength,
  type Review,
} from '../../../../src/domain/review';
import { phishingReview } from './fixtures';

describe('storage limit', () => {
  it('keeps a budget below the KVS value limit', () => {
    expect(REVIEW_STORAGE_BUDGET_BYTES).toBeLessThan(KVS_VALUE_LIMIT_BYTES);
  });

  it('measures UTF-8 bytes like the platform does', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('Müller')).toBe(7);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('🔒')).toBe(4);
    expect(utf8ByteLength('Zoë 🔒 €')).toBe(new TextEncoder().encode('Zoë 🔒 €').length);
  });

  it('accepts a realistic full review with plenty of room', () => {
    const result = assertWithinStorageLimit(phishingReview());
    expect(result.ok && result.value.bytes).toBeLessThan(10 * 1024);
  });

  it('fails with a message naming the largest section before KVS would', () => {
    const review = phishingReview();
    const big: Review = {
      ...review,
      lessons: { ...review.lessons, whatHappened: '🔒'.repeat(LIMITS.lessonAnswer / 2) },
      timeline: Array.from({ length: LIMITS.timelineEntries }, (_, index) => ({
        id: `t${index}`,
        at: '2025-03-05T12:00:00Z',
        text: 'é'.repeat(LIMITS.timelineText),
      })),
    };
    const result = assertWithinStorageLimit(big);
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', field: 'timeline', limitBytes: REVIEW_STORAGE_BUDGET_BYTES } });
    expect(!result.ok && result.error.bytes).toBe(serializedSize(big));
    expect(!result.ok && result.error.message).toContain('The largest part is Timeline');
  });

  it('takes a custom limit', () => {
    expect(assertWithinStorageLimit(phishingReview(), 1024).ok).toBe(false);
  });
});
