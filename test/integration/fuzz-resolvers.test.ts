import fc from 'fast-check';
import { resolverInputs, type FunctionKey } from '../../src/api/resolvers';
import { SECTION_NAMES } from '../../src/domain/review';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * Hostile and malformed payloads against every resolver (new ones join automatically): each is
 * answered with a well-formed envelope, never a crash or an INTERNAL error, and a refused call
 * changes nothing in storage. FUZZ_RUNS scales the run count (npm run soak sets it high).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const KEYS = Object.keys(resolverInputs) as FunctionKey[];

let app: AppHarness;
const figures = { payloads: 0, accepted: 0, refused: 0, internal: 0, changedOnRefusal: 0 };

beforeAll(async () => {
  app = createAppHarness();
  // A review to aim at, so section payloads get past the middleware into the domain's validation.
  await app.data('rita', 'startReview', { issueKey: 'SEC-1' });
});

afterAll(() => {
  console.info(`fuzz: ${String(figures.payloads)} payloads, ${String(figures.accepted)} accepted, ${String(figures.refused)} refused, ${String(figures.internal)} internal errors, ${String(figures.changedOnRefusal)} refusals that changed storage`);
  app.sandbox.close();
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom('', ' ', 'SEC-1', 'sec-1', 'SEC-0', 'SEC-1 OR 1=1', '"; DROP TABLE', '<img src=x onerror=alert(1)>', '\u202eSEC-1', 'e\u0301', '🔥'.repeat(100), 'A'.repeat(300_000)),
);
const deep = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.constant(null), text, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })) })).node;
const hostileValue = fc.oneof(fc.anything(), deep, text, fc.double(), fc.integer(), fc.constantFrom(null, undefined, true, [], {}, Number.NaN, -1, 0, 2 ** 53));

/** Plausible-or-hostile values per field name, so payloads also get past the middleware into the services. */
const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  issueKey: fc.oneof(fc.constant('SEC-1'), fc.constant('OPS-2'), text, hostileValue),
  projectKey: fc.oneof(fc.constant('SEC'), text, hostileValue),
  section: fc.oneof(fc.constantFrom(...SECTION_NAMES), text),
  value: hostileValue,
  baseVersion: fc.oneof(fc.constant(1), fc.integer(), hostileValue),
  target: fc.oneof(fc.constantFrom('draft', 'in_review', 'approved'), text),
};

/** For one resolver: its own fields (each possibly missing or hostile), sometimes an unexpected one, or plain garbage. */
function payloadFor(key: FunctionKey): fc.Arbitrary<unknown> {
  const fields = Object.keys((resolverInputs[key] as unknown as { shape: Record<string, unknown> }).shape);
  const shaped = fc.record(Object.fromEntries(fields.map((field) => [field, FIELDS[field] ?? hostileValue])), { requiredKeys: [] });
  const withExtra = fc.tuple(shaped, text, hostileValue).map(([body, extraKey, extraValue]) => ({ ...body, [extraKey]: extraValue }));
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: withExtra, weight: 1 }, { arbitrary: hostileValue, weight: 1 });
}

test.each(KEYS)('%s answers hostile payloads with an envelope, never a crash, and refusals change nothing', async (key) => {
  await fc.assert(
    fc.asyncProperty(payloadFor(key), fc.constantFrom<'rita' | 'oscar' | 'owen'>('rita', 'oscar', 'owen'), async (body, persona) => {
      const before = app.storageSnapshot();
      const result = await app.invoke(persona, key, body as Record<string, unknown>);
      figures.payloads++;
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) {
        figures.accepted++;
        return;
      }
      figures.refused++;
      if (result.error.code === 'INTERNAL') figures.internal++;
      expect(result.error.code).not.toBe('INTERNAL');
      expect(result.error.message.length).toBeGreaterThan(0);
      if (app.storageSnapshot() !== before) figures.changedOnRefusal++;
      expect(app.storageSnapshot()).toBe(before);
    }),
    { numRuns: RUNS, seed: 20261204 },
  );
});
