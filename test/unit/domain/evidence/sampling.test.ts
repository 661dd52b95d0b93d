import { compareIssueKeys, drawSample, isSeed, mulberry32 } from '../../../../src/domain/evidence';

const keys = Array.from({ length: 200 }, (_, index) => `SEC-${String(index + 1)}`);

describe('mulberry32', () => {
  test('is the published generator: the same seed gives the same stream, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    // Reference values of mulberry32(42) (first output 0.6011037519201636), so a change to the generator is caught.
    expect(first[0]).toBeCloseTo(0.6011037519201636, 12);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('drawSample', () => {
  test('seed + population ⇒ the same sample, whatever order the population was loaded in', () => {
    const shuffled = [...keys].reverse();
    const one = drawSample(keys, 10, 123_456_789, (key) => key, compareIssueKeys);
    const two = drawSample(shuffled, 10, 123_456_789, (key) => key, compareIssueKeys);
    expect(two.items).toEqual(one.items);
    expect(one).toMatchObject({ seed: 123_456_789, populationSize: 200 });
    expect(new Set(one.items).size).toBe(10);
  });

  test('a different seed draws a different sample', () => {
    const one = drawSample(keys, 10, 1, (key) => key, compareIssueKeys);
    const two = drawSample(keys, 10, 2, (key) => key, compareIssueKeys);
    expect(two.items).not.toEqual(one.items);
  });

  test('a population smaller than N is drawn whole; N = 0 or an empty population draws nothing', () => {
    expect(drawSample(['SEC-2', 'SEC-1'], 5, 7, (key) => key, compareIssueKeys).items.sort(compareIssueKeys)).toEqual(['SEC-1', 'SEC-2']);
    expect(drawSample(keys, 0, 7, (key) => key).items).toEqual([]);
    expect(drawSample([], 5, 7, (key: string) => key)).toEqual({ seed: 7, populationSize: 0, items: [] });
  });

  test('refuses a seed outside 32 bits', () => {
    expect(isSeed(0xffff_ffff)).toBe(true);
    expect(isSeed(-1)).toBe(false);
    expect(isSeed(2 ** 32)).toBe(false);
    expect(isSeed(1.5)).toBe(false);
    expect(() => drawSample(keys, 1, -1, (key) => key)).toThrow(/seed/);
  });

  test('is uniform: over 20,000 seeds, each of 10 items is drawn first about 1 in 10 times', () => {
    const population = keys.slice(0, 10);
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 20_000; seed += 1) {
      const [first] = drawSample(population, 1, seed, (key) => key, compareIssueKeys).items;
      if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    expect(counts.size).toBe(10);
    // Expected 2,000 each; ±10% is more than 4 standard deviations (σ ≈ 42).
    for (const count of counts.values()) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });

  test('sorts issue keys by number, not as text', () => {
    expect(['SEC-10', 'SEC-9', 'ABC-100'].sort(compareIssueKeys)).toEqual(['ABC-100', 'SEC-9', 'SEC-10']);
  });
});
