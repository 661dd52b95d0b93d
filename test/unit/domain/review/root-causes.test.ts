import {
  deriveRootCauseAnswer,
  findPromotedFrom,
  lessonAnswers,
  promoteFishboneCause,
  promoteWhyChain,
  checkRootCauseCategories,
  type RootCause,
  type WhyChain,
} from '../../../../src/domain/review';
import { TAXONOMY, phishingReview } from './fixtures';

describe('root-cause promotion', () => {
  const review = phishingReview();
  const chain = review.fiveWhys[0] as WhyChain;

  it('promotes the last answer of a why-chain', () => {
    const result = promoteWhyChain([], chain, { id: 'r1', category: 'policy-process', taxonomy: TAXONOMY });
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'r1', text: 'Bank-detail changes need no call-back verification', category: 'policy-process', source: { kind: 'five-whys', chainId: 'c1' } },
      ],
    });
  });

  it('does not promote the same chain twice', () => {
    const result = promoteWhyChain(review.rootCauses, chain, { id: 'r9', category: 'policy-process', taxonomy: TAXONOMY });
    expect(result).toMatchObject({ ok: false, error: { code: 'already-promoted' } });
    expect(!result.ok && result.error.message).toContain('Bank-detail changes need no call-back verification');
  });

  it('refuses a chain whose last why is not answered yet', () => {
    const open: WhyChain = { ...chain, id: 'c2', steps: [{ why: 'Why was MFA not enforced?', because: ' ' }] };
    expect(promoteWhyChain([], open, { id: 'r3', category: 'access-control', taxonomy: TAXONOMY })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('Answer the last "why"') as unknown },
    });
  });

  it('promotes a fishbone cause once', () => {
    const promoted = promoteFishboneCause(review.rootCauses, review.fishbone, 'f2', { id: 'r3', category: 'policy-process', taxonomy: TAXONOMY });
    expect(promoted.ok && promoted.value.at(-1)).toEqual({
      id: 'r3', text: 'No call-back for bank-detail changes', category: 'policy-process', source: { kind: 'fishbone', causeId: 'f2' },
    });
    expect(promoteFishboneCause(review.rootCauses, review.fishbone, 'f1', { id: 'r4', category: 'access-control', taxonomy: TAXONOMY })).toMatchObject({
      ok: false,
      error: { code: 'already-promoted' },
    });
    expect(promoteFishboneCause([], review.fishbone, 'f404', { id: 'r4', category: 'access-control', taxonomy: TAXONOMY })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('requires a category from the taxonomy', () => {
    const result = promoteFishboneCause([], review.fishbone, 'f2', { id: 'r3', category: 'bad-luck', taxonomy: TAXONOMY });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('"bad-luck" is not in the project\'s taxonomy') as unknown } });
  });

  it('allows manual root causes without a source key, and tells which source was promoted', () => {
    expect(findPromotedFrom(review.rootCauses, { kind: 'fishbone', causeId: 'f1' })?.id).toBe('r2');
    expect(findPromotedFrom(review.rootCauses, { kind: 'fishbone', causeId: 'f2' })).toBeUndefined();
    expect(findPromotedFrom(review.rootCauses, { kind: 'manual' })).toBeUndefined();
  });

  it('keeps a retired category on an unchanged root cause but not on a new or edited one', () => {
    const retired: RootCause = { id: 'r1', text: 'Old', category: 'retired-cat', source: { kind: 'manual' } };
    expect(checkRootCauseCategories([retired], [retired], TAXONOMY).ok).toBe(true);
    expect(checkRootCauseCategories([retired], [], TAXONOMY).ok).toBe(false);
    expect(checkRootCauseCategories([retired], [{ ...retired, category: 'supplier' }], TAXONOMY)).toMatchObject({
      ok: false,
      error: { field: 'rootCauses.0.category' },
    });
  });
});

describe('lessons learned', () => {
  it('derives the root-cause answer from the root causes', () => {
    const review = phishingReview();
    expect(deriveRootCauseAnswer(review.rootCauses, TAXONOMY)).toBe(
      'Bank-detail changes need no call-back verification (Policy and process gaps); No phishing-resistant MFA on mailboxes (Access control and identity)',
    );
    const answers = lessonAnswers(review.lessons, review.rootCauses, TAXONOMY);
    expect(answers.map((answer) => answer.id)).toEqual([
      'whatWasTheIncident', 'whatHappened', 'whatWasTheImpact', 'whatWasTheRootCause',
      'howEffectiveWasTheResponse', 'whatWentWell', 'whatWouldWeDoDifferently', 'whatImprovementsAreNeeded',
    ]);
    expect(answers[3]).toMatchObject({ derived: true, answer: expect.stringContaining('call-back') as unknown });
  });

  it('is empty while there is no root cause', () => {
    expect(deriveRootCauseAnswer([])).toBe('');
  });
});
