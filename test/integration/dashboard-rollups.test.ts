import { buildAuditEvent, type Review, type RootCause } from '../../src/domain/review';
import { PERSONAS } from '../../sandbox/jira';
import { Prng } from '../../sandbox/jira/prng';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { foldedFromRecords, liveRollups } from '../support/rollups';
import { approvedReview } from './decisions-fixture';

/**
 * Rollups are kept write by write, in the same transaction as each review and action. Whatever
 * sequence of writes goes through the resolvers (and the trigger, and the daily effectiveness
 * check), they must equal a full recompute from the records — and the summary must cost the same
 * number of storage calls however many incidents the project has.
 */
jest.setTimeout(120_000);

const CATEGORIES = ['access-control', 'policy-process', 'supplier', 'awareness-training', 'change-configuration'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const TYPES = ['accidental', 'malicious', 'environmental'] as const;

async function recompute(app: AppHarness, projectKey: string, budgetMs?: number): Promise<number> {
  const { recomputeProjectRollups } = await import('../../src/services/rollups-recompute');
  let calls = 0;
  let cursor: string | undefined;
  for (;;) {
    calls += 1;
    const result = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => recomputeProjectRollups(projectKey, cursor, budgetMs === undefined ? {} : { budgetMs }));
    if (result.done) return calls;
    cursor = result.cursor;
    if (calls > 500) throw new Error('recompute does not finish');
  }
}

/** Random but reproducible work on SEC's incidents, through the resolvers as the personas. */
async function randomWork(app: AppHarness, seed: number, steps: number): Promise<void> {
  const rng = new Prng(seed);
  const reviews = new Map<string, Review>();
  const approved: string[] = [];
  for (let step = 0; step < steps; step += 1) {
    // Two incidents of their own go all the way to approval and actions, at different moments of the run.
    const dedicated = step === 10 ? 'SEC-50' : step === Math.floor(steps * 0.7) ? 'SEC-51' : undefined;
    const issueKey = dedicated ?? `SEC-${String(rng.int(1, 40))}`;
    const review = dedicated === undefined ? reviews.get(issueKey) : (await app.data('rita', 'startReview', { issueKey })).review ?? undefined;
    const move = dedicated === undefined ? rng.int(0, 9) : 6;
    if (review === undefined) {
      const started = await app.invoke('rita', 'startReview', { issueKey });
      if (started.ok && started.data.review !== null) reviews.set(issueKey, started.data.review);
      continue;
    }
    if (move <= 2 && review.workflow.stage === 'draft') {
      const occurred = Date.UTC(2026, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23));
      const detected = occurred + rng.int(0, 48) * 3_600_000;
      const timestamps = rng.chance(0.2) ? {} : { occurredAt: new Date(occurred).toISOString(), detectedAt: new Date(detected).toISOString(), ...(rng.chance(0.7) ? { containedAt: new Date(detected + rng.int(1, 10) * 3_600_000).toISOString() } : {}) };
      const saved = await app.invoke('rita', 'saveReviewSection', { issueKey, section: 'facts', value: { ...review.facts, severity: rng.pick(SEVERITIES), type: rng.pick(TYPES), timestamps }, baseVersion: review.version });
      if (saved.ok) reviews.set(issueKey, saved.data.review);
    } else if (move <= 4 && review.workflow.stage === 'draft') {
      const rootCauses: RootCause[] = Array.from({ length: rng.int(0, 3) }, (_, index) => ({ id: `x${String(index)}`, text: `Cause ${String(index)}`, category: rng.pick(CATEGORIES), source: { kind: 'manual' } }));
      const saved = await app.invoke('rita', 'saveReviewSection', { issueKey, section: 'rootCauses', value: rootCauses, baseVersion: review.version });
      if (saved.ok) reviews.set(issueKey, saved.data.review);
    } else if (move === 5 && review.workflow.stage === 'draft') {
      const saved = await app.invoke('rita', 'saveReviewSection', { issueKey, section: 'timeline', value: [{ id: 't1', at: '2026-02-01T10:00:00.000Z', text: `Step ${String(step)}` }], baseVersion: review.version });
      if (saved.ok) reviews.set(issueKey, saved.data.review);
    } else if (move === 6 && approved.length < 3 && review.workflow.stage === 'draft' && review.version === 1 && dedicated !== undefined) {
      // A whole review to approval, actions planned and created in Jira, one completed and verified.
      reviews.set(issueKey, await approvedReview(app, issueKey));
      approved.push(issueKey);
      const decisions = await app.data('rita', 'getDecisions', { issueKey });
      const rootCause = decisions.rootCauses.find((entry) => entry.actionKind !== null);
      if (rootCause === undefined) continue;
      await app.data('rita', 'addActions', { issueKey, actions: [0, 1, 2].map((n) => ({ rootCauseId: rootCause.rootCause.id, summary: `Action ${String(n)}`, ownerAccountId: PERSONAS.rita.accountId, targetDate: `2026-0${String(rng.int(1, 9))}-15` })) });
      const created = await app.data('rita', 'createActionIssues', { issueKey });
      const first = created.view.rootCauses.flatMap((entry) => entry.actions)[0];
      if (first?.jira === undefined) continue;
      const as = { kind: 'user' as const, accountId: PERSONAS.rita.accountId };
      const transitions = JSON.parse((await app.sandbox.jira.handle({ method: 'GET', path: `/rest/api/3/issue/${first.jira.issueKey}/transitions`, headers: {}, as })).body) as { transitions: { id: string; to: { statusCategory: { key: string } } }[] };
      const done = transitions.transitions.find((transition) => transition.to.statusCategory.key === 'done');
      await app.sandbox.jira.handle({ method: 'POST', path: `/rest/api/3/issue/${first.jira.issueKey}/transitions`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transition: { id: done?.id } }), as });
      await app.sandbox.settled();
      const view = await app.data('mark', 'getDecisions', { issueKey });
      const completed = view.rootCauses.flatMap((entry) => entry.actions).find((action) => action.id === first.id);
      if (completed?.status === 'done') await app.data('mark', 'verifyAction', { issueKey, actionId: completed.id, baseVersion: completed.version, evidence: 'Checked' });
      const draft = view.rootCauses.flatMap((entry) => entry.actions).find((action) => action.status === 'draft');
      if (draft !== undefined) await app.data('rita', 'removeAction', { issueKey, actionId: draft.id, baseVersion: draft.version });
    } else if (move === 7 && review.workflow.stage === 'approved') {
      const reopened = await app.invoke('mark', 'transitionReview', { issueKey, target: 'in_review', baseVersion: review.version, reason: 'New facts' });
      if (reopened.ok) reviews.set(issueKey, reopened.data.review);
    }
  }
  // The daily effectiveness check, a year on: completed actions are judged (through writeActions, like every action write).
  const { judgeProjectEffectiveness } = await import('../../src/services/actions-effectiveness');
  await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => judgeProjectEffectiveness('SEC', new Date(Date.now() + 400 * 86_400_000)));
}

test.each([1, 2, 3])('random writes through the resolvers keep the rollups equal to a full recompute (seed %i)', async (seed) => {
  const app = createAppHarness();
  await randomWork(app, seed, 60);
  await app.sandbox.settled();
  const maintained = liveRollups(app, 'SEC');
  expect(Object.keys(maintained).length).toBeGreaterThan(1);
  // The work reached open actions, completed ones and approvals, not only drafts.
  expect(JSON.stringify(maintained)).toMatch(/openDue\|/);
  expect(JSON.stringify(maintained)).toMatch(/actions\|closed/);
  expect(JSON.stringify(maintained)).toMatch(/actions\|(effective|notEffective)/);
  expect(maintained).toEqual(foldedFromRecords(app, 'SEC'));
  await recompute(app, 'SEC');
  expect(liveRollups(app, 'SEC')).toEqual(maintained);
  app.sandbox.close();
});

describe('recompute', () => {
  let app: AppHarness;
  beforeAll(async () => {
    app = createAppHarness();
    await randomWork(app, 7, 50);
    await app.sandbox.settled();
  });
  afterAll(() => {
    app.sandbox.close();
  });

  test('repairs rollups that drifted, one page per call when the budget is tiny (resumable)', async () => {
    const expected = liveRollups(app, 'SEC');
    // Drift (someone's bug, or a change of what is counted): wrong counters, and a month that should not exist.
    const { transact, ENTITY } = await import('../../src/platform/store');
    const { rollupKey, rollupRecord } = await import('../../src/services/rollups');
    await app.sandbox.runtime.invoke({ moduleKey: 'test' }, () =>
      transact([
        { entity: ENTITY.rollup, key: rollupKey('SEC', '2026-03'), value: rollupRecord('SEC', '2026-03', { incidents: 999 }, 99) },
        { entity: ENTITY.rollup, key: rollupKey('SEC', '2001-01'), value: rollupRecord('SEC', '2001-01', { incidents: 1 }, 1) },
      ]),
    );
    expect(liveRollups(app, 'SEC')).not.toEqual(expected);
    const calls = await recompute(app, 'SEC', 0);
    expect(calls).toBeGreaterThan(2);
    expect(liveRollups(app, 'SEC')).toEqual(expected);
  });

  test('firing twice at once still ends consistent', async () => {
    const expected = liveRollups(app, 'SEC');
    await Promise.all([recompute(app, 'SEC'), recompute(app, 'SEC')]);
    expect(liveRollups(app, 'SEC')).toEqual(expected);
  });

  test('a write during the recompute makes it start over rather than lose that write', async () => {
    const { recomputeProjectRollups } = await import('../../src/services/rollups-recompute');
    const first = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => recomputeProjectRollups('SEC', undefined, { budgetMs: 0 }));
    expect(first.done).toBe(false);
    const started = await app.data('rita', 'startReview', { issueKey: 'SEC-45' });
    expect(started.review).not.toBeNull();
    let cursor = first.cursor;
    for (let call = 0; call < 200; call += 1) {
      const result = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => recomputeProjectRollups('SEC', cursor));
      if (result.done) break;
      cursor = result.cursor;
    }
    expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
  });
});

test('saves of different reviews at the same moment all land: rollup contention is retried, never a conflict', async () => {
  const app = createAppHarness();
  const keys = Array.from({ length: 8 }, (_, index) => `SEC-${String(index + 1)}`);
  const started = await Promise.all(keys.map((issueKey) => app.data('rita', 'startReview', { issueKey })));
  const saves = await Promise.all(
    started.map((view, index) =>
      app.invoke('rita', 'saveReviewSection', {
        issueKey: keys[index] ?? '',
        section: 'facts',
        value: { ...view.review?.facts, severity: 'high', type: 'malicious', timestamps: { occurredAt: '2026-03-01T10:00:00.000Z', detectedAt: '2026-03-01T12:00:00.000Z' } },
        baseVersion: view.review?.version ?? 1,
      }),
    ),
  );
  expect(saves.map((save) => (save.ok ? 'ok' : save.error.code))).toEqual(keys.map(() => 'ok'));
  expect(liveRollups(app, 'SEC')['2026-03']).toMatchObject({ incidents: 8, 'severity|high': 8, 'detect|n': 8 });
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
  // A real conflict is still the caller's: a second save on the same stale version is refused.
  const stale = await app.invoke('rita', 'saveReviewSection', { issueKey: 'SEC-1', section: 'facts', value: { ...started[0]?.review?.facts, severity: 'low' }, baseVersion: started[0]?.review?.version ?? 1 });
  expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
  app.sandbox.close();
});

test('the summary costs the same storage calls with 12 or 212 reviews', async () => {
  const app = createAppHarness();
  const { writeReview } = await import('../../src/services/review-records');
  const { createReview } = await import('../../src/domain/review');
  const addReviews = async (from: number, count: number) => {
    await app.sandbox.runtime.invoke({ moduleKey: 'test-seed' }, async () => {
      for (let n = from; n < from + count; n += 1) {
        const created = createReview({ incident: { issueId: String(90_000 + n), issueKey: `SEC-${String(1000 + n)}`, projectKey: 'SEC' }, actor: PERSONAS.rita.accountId, at: new Date(Date.UTC(2026, n % 12, 1 + (n % 27))).toISOString() });
        if (!created.ok) throw new Error(created.error.message);
        const review = { ...created.value, facts: { ...created.value.facts, severity: SEVERITIES[n % 4], type: TYPES[n % 3] }, rootCauses: [{ id: 'r1', text: 'Cause', category: CATEGORIES[n % CATEGORIES.length] ?? 'supplier', source: { kind: 'manual' as const } }] };
        await writeReview(review, null, buildAuditEvent({ incident: review.incident, kind: 'review-created', by: review.createdBy, at: review.createdAt, version: 1, changes: [] }));
      }
    });
  };
  const summaryCost = async () => {
    app.sandbox.runtime.calls.reset();
    const summary = await app.data('mark', 'getDashboardSummary', { projectKey: 'SEC' });
    return { kvs: app.sandbox.runtime.calls.count('kvs'), incidents: summary.kpis.year.find((kpi) => kpi.id === 'incidents')?.current.value };
  };
  await addReviews(0, 12);
  const small = await summaryCost();
  await addReviews(12, 200);
  const large = await summaryCost();
  expect(small.kvs).toBe(2);
  expect(large.kvs).toBe(small.kvs);
  expect(Number(large.incidents) - Number(small.incidents)).toBeGreaterThan(150);
  expect(liveRollups(app, 'SEC')).toEqual(foldedFromRecords(app, 'SEC'));
  app.sandbox.close();
});
