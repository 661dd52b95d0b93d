/**
 * Reproducible random sampling for auditors (R24). The sample is a function of the recorded seed
 * and the population only: the population is sorted by a stable key (the issue key of the incident or of the action), and a
 * partial Fisher–Yates shuffle driven by mulberry32 — a small, well-known 32-bit PRNG — picks the
 * first N. Anyone with the seed, the population and this description gets the same sample back.
 */

import { mulberry32 } from '../random';

/** Seeds are unsigned 32-bit integers (0 … 4294967295), shown and entered in decimal. */
export const MAX_SEED = 0xffff_ffff;

export const isSeed = (value: number): boolean => Number.isInteger(value) && value >= 0 && value <= MAX_SEED;

export { mulberry32 };

/** "SEC-9" before "SEC-10": issue keys by project, then by number. */
export function compareIssueKeys(a: string, b: string): number {
  const [projectA = '', numberA = '0'] = a.split('-');
  const [projectB = '', numberB = '0'] = b.split('-');
  return projectA < projectB ? -1 : projectA > projectB ? 1 : Number(numberA) - Number(numberB);
}

export const SAMPLING_METHOD =
  'mulberry32 pseudo-random generator seeded with the recorded 32-bit seed; partial Fisher–Yates shuffle of the population sorted by issue key (incidents, and actions by their Jira issue key); the first N drawn form the sample.';

export interface Sample<T> {
  seed: number;
  populationSize: number;
  /** The items drawn, in the order drawn. */
  items: T[];
}

/**
 * Draws `size` items (all of them when the population is smaller). `key` orders the population
 * first, so the order in which records were loaded does not change the sample.
 */
export function drawSample<T>(population: readonly T[], size: number, seed: number, key: (item: T) => string, compare: (a: string, b: string) => number = defaultCompare): Sample<T> {
  if (!isSeed(seed)) throw new Error(`seed must be an integer from 0 to ${String(MAX_SEED)}`);
  const sorted = [...population].sort((a, b) => compare(key(a), key(b)));
  const random = mulberry32(seed);
  const count = Math.max(0, Math.min(Math.floor(size), sorted.length));
  for (let index = 0; index < count; index += 1) {
    const pick = index + Math.floor(random() * (sorted.length - index));
    const chosen = sorted[pick] as T;
    sorted[pick] = sorted[index] as T;
    sorted[index] = chosen;
  }
  return { seed, populationSize: population.length, items: sorted.slice(0, count) };
}

const defaultCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
