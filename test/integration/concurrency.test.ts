import { createAppHarness, type AppHarness } from '../support/app-harness';
import { foldedFromRecords, liveRollups } from '../support/rollups';

/**
 * Many people saving the same review at once: every save either lands or is refused with a
 * conflict; nothing lands silently on top of another (no lost updates). CONCURRENT_EDITS scales it.
 */
const EDITS = Number(process.env.CONCURRENT_EDITS ?? 100);
/** Retrying editors conflict quadratically (n² / 2 retries), so the fast profile keeps fewer of them. */
const RETRYING_EDITORS = Number(process.env.RETRYING_EDITORS ?? 30);
let app: AppHarness;

beforeAll(() => {
  app = createAppHarness();
});

afterAll(() => {
  app.sandbox.close();
});

const editors = ['rita', 'mark', 'alice'] as const;
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

test(`${String(EDITS)} concurrent saves on the same version: exactly one lands, the rest get CONFLICT`, async () => {
  const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-11' });
  if (review === null) throw new Error('no review');
  const results = await Promise.all(
    Array.from({ length: EDITS }, (_, i) =>
      // Each edit changes figures the dashboard counts (severity), so a lost rollup update would show.
      app.invoke(editors[i % editors.length] ?? 'rita', 'saveReviewSection', { issueKey: 'SEC-11', section: 'facts', value: { ...review.facts, impact: `edit ${String(i)}`, severity: SEVERITIES[i % SEVERITIES.length] }, baseVersion: 1 }),
    ),
  );
  const codes = results.map((r) => (r.ok ? 'saved' : r.error.code));
  expect(codes.filter((c) => c === 'saved')).toHaveLength(1);
  expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(EDITS - 1);
  const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-11' });
  expect(history.events.map((e) => e.version)).toEqual([2, 1]);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
});

test(`${String(RETRYING_EDITORS)} editors who reload and retry on conflict: every edit lands exactly once, in version order`, async () => {
  await app.data('rita', 'startReview', { issueKey: 'SEC-12' });
  let conflicts = 0;
  const editOnce = async (i: number): Promise<void> => {
    for (;;) {
      const panel = await app.data('rita', 'getPanel', { issueKey: 'SEC-12' });
      const current = panel.review;
      if (current === null) throw new Error('no review');
      const timeline = [...current.timeline, { id: `e${String(i)}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), text: `Event ${String(i)}` }];
      const result = await app.invoke(editors[i % editors.length] ?? 'rita', 'saveReviewSection', { issueKey: 'SEC-12', section: 'timeline', value: timeline, baseVersion: current.version });
      if (result.ok) return;
      expect(result.error.code).toBe('CONFLICT');
      conflicts++;
    }
  };
  const count = RETRYING_EDITORS;
  await Promise.all(Array.from({ length: count }, (_, i) => editOnce(i)));
  const final = await app.data('rita', 'getPanel', { issueKey: 'SEC-12' });
  const added = final.review?.timeline.map((entry) => entry.id) ?? [];
  expect(new Set(added).size).toBe(count);
  expect(final.review?.version).toBe(1 + count);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
  console.info(`concurrency: ${String(count)} edits, ${String(conflicts)} conflicts retried, 0 lost updates`);
});
