import { applySectionUpdate, type Review, type SectionUpdateContext } from '../../../../src/domain/review';
import { DANA, FOX, KNOWN_PEOPLE, TAXONOMY, WALTER, phishingReview } from './fixtures';

const AT = '2025-03-11T09:00:00Z';
const context = (review: Review, overrides: Partial<SectionUpdateContext> = {}): SectionUpdateContext => ({
  actor: FOX,
  at: AT,
  baseVersion: review.version,
  taxonomy: TAXONOMY,
  knownPeople: KNOWN_PEOPLE,
  ...overrides,
});

describe('applySectionUpdate', () => {
  it('validates, bumps the version, stamps who/when and emits a compact audit event', () => {
    const review = phishingReview();
    const result = applySectionUpdate(review, 'facts', { ...review.facts, severity: 'critical' }, context(review));
    expect(result.ok).toBe(true);
    if (!result.ok || !result.value.changed) throw new Error('expected a change');
    expect(result.value.review).toMatchObject({ version: review.version + 1, updatedBy: FOX, updatedAt: AT, facts: { severity: 'critical' } });
    expect(result.value.auditEvent).toEqual({
      incident: review.incident,
      kind: 'section-updated',
      section: 'facts',
      by: FOX,
      at: AT,
      version: review.version + 1,
      changes: [{ path: 'facts.severity', kind: 'changed', before: 'high', after: 'critical' }],
      omittedChanges: 0,
    });
  });

  it('refuses a stale base version with who changed it and when', () => {
    const review = { ...phishingReview(), version: 4, updatedBy: DANA, updatedAt: '2025-03-11T08:58:30Z' };
    const result = applySectionUpdate(review, 'lessons', review.lessons, context(review, { baseVersion: 3 }));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `This review was changed by ${DANA} at 2025-03-11 08:58 UTC — reload to see their change.`,
        changedBy: DANA,
        currentVersion: 4,
      },
    });
  });

  it('returns validation errors with the section in the field path', () => {
    const review = phishingReview();
    const timestamps = { ...review.facts.timestamps, containedAt: '2025-03-08T00:00:00Z' };
    const result = applySectionUpdate(review, 'facts', { ...review.facts, timestamps }, context(review));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', field: 'facts.timestamps.resolvedAt' } });
    expect(!result.ok && result.error.message).toContain('Resolved time must not be before contained time');
  });

  it('does not write when nothing changed', () => {
    const review = phishingReview();
    const result = applySectionUpdate(review, 'people', structuredClone(review.people), context(review));
    expect(result).toEqual({ ok: true, value: { changed: false, review, warnings: [] } });
  });

  it('strips unknown fields instead of storing them', () => {
    const review = phishingReview();
    const result = applySectionUpdate(review, 'lessons', { ...review.lessons, injected: '<script>' }, context(review));
    expect(result).toMatchObject({ ok: true, value: { changed: false } });
  });

  it('stores the timeline in time order', () => {
    const review = phishingReview();
    const result = applySectionUpdate(review, 'timeline', [...review.timeline].reverse(), context(review));
    expect(result.ok && result.value.changed).toBe(false);
    const added = [{ id: 't0', at: '2025-03-01T00:00:00Z', text: 'Look-alike domain registered' }, ...review.timeline].reverse();
    const saved = applySectionUpdate(review, 'timeline', added, context(review));
    expect(saved.ok && saved.value.review.timeline.map((entry) => entry.id)).toEqual(['t0', 't1', 't2', 't3', 't4']);
  });

  it('checks root-cause categories against the taxonomy and warns (never blocks) on blame', () => {
    const review = phishingReview();
    const blaming = [...review.rootCauses, { id: 'r3', text: 'Fox Mulder forgot to check the sender', category: 'awareness-training', source: { kind: 'manual' } }];
    const result = applySectionUpdate(review, 'rootCauses', blaming, context(review));
    expect(result.ok && result.value.changed).toBe(true);
    expect(result.ok && result.value.warnings).toMatchObject([{ code: 'names-person', match: 'Fox Mulder', field: 'rootCauses.2.text' }]);

    const unknownCategory = [...review.rootCauses, { id: 'r3', text: 'Weak supplier onboarding', category: 'fate', source: { kind: 'manual' } }];
    expect(applySectionUpdate(review, 'rootCauses', unknownCategory, context(review))).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'rootCauses.2.category' },
    });
    expect(applySectionUpdate(review, 'rootCauses', review.rootCauses, context(review, { taxonomy: undefined }))).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('warns on blame in why-answers and fishbone causes too', () => {
    const review = phishingReview();
    const fishbone = { ...review.fishbone, causes: [...review.fishbone.causes, { id: 'f3', categoryId: 'people', text: 'Human error in accounts payable' }] };
    const result = applySectionUpdate(review, 'fishbone', fishbone, context(review));
    expect(result.ok && result.value.warnings.map((warning) => warning.field)).toEqual(['fishbone.causes.2.text']);
  });

  it.each(['awaiting_approval', 'approved', 'closed'] as const)('refuses edits while the review is %s', (stage) => {
    const review = phishingReview(stage);
    const result = applySectionUpdate(review, 'facts', { ...review.facts, severity: 'low' }, context(review, { actor: WALTER }));
    expect(result).toMatchObject({ ok: false, error: { code: 'not-editable', field: 'facts' } });
  });

  it('refuses a save that would make the review too large to store', () => {
    const review = phishingReview();
    const timeline = Array.from({ length: 120 }, (_, index) => ({
      id: `bulk${index}`,
      at: '2025-03-05T12:00:00Z',
      text: 'Log line copied into the timeline '.repeat(58),
    }));
    const result = applySectionUpdate(review, 'timeline', timeline, context(review));
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large', field: 'timeline' } });
    expect(!result.ok && result.error.message).toMatch(/too large to save \(\d+ KB; the limit is 200 KB\)\. The largest part is Timeline/);
  });
});
