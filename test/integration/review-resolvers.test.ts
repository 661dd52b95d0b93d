import { phishingReview } from '../unit/domain/review/fixtures';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/** The panel's resolvers end to end: middleware, permissions as the caller, versioned storage, audit trail. */
let app: AppHarness;

beforeAll(() => {
  app = createAppHarness();
});

afterAll(() => {
  app.sandbox.close();
});

describe('middleware', () => {
  test('an invalid payload is refused naming the field, and changes nothing', async () => {
    const before = app.storageSnapshot();
    const result = await app.invoke('rita', 'startReview', { issueKey: 'not a key' });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'issueKey', message: 'issueKey: issueKey must be a Jira issue key such as SEC-12' } });
    const extra = await app.invoke('rita', 'startReview', { issueKey: 'SEC-1', projectKey: 'OPS' });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.error.code).toBe('INVALID_INPUT');
    expect(app.storageSnapshot()).toBe(before);
  });

  test('a call without a user is refused before anything is read', async () => {
    const context = app.sandbox.app.frameContext('', { type: 'jira:issuePanel' }, { siteUrl: 'http://x', colorMode: 'light' });
    const result = (await app.sandbox.app.invoke('', context, 'getPanel', { issueKey: 'SEC-1' })) as { ok: boolean; error?: { code: string } };
    expect(result.error?.code).toBe('FORBIDDEN');
  });

  test('a forged issue key from a user without access gets FORBIDDEN and changes nothing', async () => {
    const before = app.storageSnapshot();
    for (const key of ['getPanel', 'startReview', 'getReviewHistory'] as const) {
      const result = await app.invoke('oscar', key, { issueKey: 'SEC-1' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('FORBIDDEN');
        expect(result.error.message).toContain('SEC-1');
      }
    }
    const nonexistent = await app.invoke('rita', 'getPanel', { issueKey: 'SEC-9999' });
    expect(nonexistent.ok ? 'ok' : nonexistent.error.code).toBe('FORBIDDEN');
    expect(app.storageSnapshot()).toBe(before);
  });

  test('a viewer may read the panel but not start a review', async () => {
    const view = await app.data('owen', 'getPanel', { issueKey: 'SEC-4' });
    expect(view.canEdit).toBe(false);
    expect(view.transitions).toEqual([]);
    const start = await app.invoke('owen', 'startReview', { issueKey: 'SEC-4' });
    expect(start.ok ? 'ok' : start.error.code).toBe('FORBIDDEN');
  });
});

describe('review lifecycle', () => {
  test('opening creates nothing; starting pre-fills facts from Jira; starting twice is harmless', async () => {
    const opened = await app.data('rita', 'getPanel', { issueKey: 'SEC-5' });
    expect(opened.review).toBeNull();
    expect(opened.canEdit).toBe(true);

    const started = await app.data('rita', 'startReview', { issueKey: 'SEC-5' });
    const review = started.review;
    if (review === null) throw new Error('no review');
    expect(review.version).toBe(1);
    expect(review.workflow.stage).toBe('draft');
    expect(review.incident).toEqual({ issueId: opened.issue.id, issueKey: 'SEC-5', projectKey: 'SEC' });
    expect(review.facts.summary).toBe(opened.issue.summary);
    expect(review.facts.timestamps.reportedAt).toBeDefined();

    const again = await app.data('mark', 'startReview', { issueKey: 'SEC-5' });
    expect(again.review?.createdBy).toBe(review.createdBy);
    expect(again.review?.version).toBe(1);

    // Reads start alongside the permission check; a refused caller still gets only the refusal.
    const forged = await app.invoke('oscar', 'getPanel', { issueKey: 'SEC-5' });
    expect(forged).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) as unknown });
    expect(JSON.stringify(forged)).not.toContain(review.facts.summary);
  });

  test('every change is versioned and recorded in the history', async () => {
    const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-6' });
    if (review === null) throw new Error('no review');
    const facts = { ...review.facts, type: 'malicious', severity: 'high', ciaAffected: ['confidentiality'], impact: 'Mailbox read by an attacker.' };
    const saved = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-6', section: 'facts', value: facts, baseVersion: 1 });
    expect(saved.saved).toBe(true);
    expect(saved.review.version).toBe(2);

    const unchanged = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-6', section: 'facts', value: facts, baseVersion: 2 });
    expect(unchanged.saved).toBe(false);

    const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-6' });
    expect(history.events.map((e) => [e.kind, e.version])).toEqual([
      ['section-updated', 2],
      ['review-created', 1],
    ]);
    const severity = history.events[0]?.changes.find((c) => c.path === 'facts.severity');
    expect(severity?.after).toBe('high');
  });

  test('a stale write is refused with who changed it, and the newer data is kept', async () => {
    const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-7' });
    if (review === null) throw new Error('no review');
    await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-7', section: 'facts', value: { ...review.facts, impact: 'First editor.' }, baseVersion: 1 });
    const stale = await app.invoke('mark', 'saveReviewSection', { issueKey: 'SEC-7', section: 'facts', value: { ...review.facts, impact: 'Second editor.' }, baseVersion: 1 });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('CONFLICT');
      expect(stale.error.message).toMatch(/^This review was changed by Rita Responder at \d{4}-\d\d-\d\d \d\d:\d\d UTC — reload to see their change\.$/);
    }
    const panel = await app.data('mark', 'getPanel', { issueKey: 'SEC-7' });
    expect(panel.review?.facts.impact).toBe('First editor.');
  });

  test('two users saving at once: exactly one write lands, the other gets a conflict', async () => {
    const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-8' });
    if (review === null) throw new Error('no review');
    const [a, b] = await Promise.all([
      app.invoke('rita', 'saveReviewSection', { issueKey: 'SEC-8', section: 'facts', value: { ...review.facts, impact: 'A' }, baseVersion: 1 }),
      app.invoke('mark', 'saveReviewSection', { issueKey: 'SEC-8', section: 'facts', value: { ...review.facts, impact: 'B' }, baseVersion: 1 }),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? 'saved' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'saved']);
    const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-8' });
    expect(history.events).toHaveLength(2);
  });

  test('invalid section content names the field and changes nothing', async () => {
    const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-9' });
    if (review === null) throw new Error('no review');
    const before = app.storageSnapshot();
    const timestamps = { occurredAt: '2026-03-05T10:00:00Z', detectedAt: '2026-03-04T10:00:00Z' };
    const result = await app.invoke('rita', 'saveReviewSection', { issueKey: 'SEC-9', section: 'facts', value: { ...review.facts, timestamps }, baseVersion: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.field).toBe('facts.timestamps.detectedAt');
      expect(result.error.message).toMatch(/Detected/);
    }
    expect(app.storageSnapshot()).toBe(before);
  });

  test('workflow guards list what is missing; a complete review reaches awaiting approval and is then locked', async () => {
    const { review } = await app.data('rita', 'startReview', { issueKey: 'SEC-10' });
    if (review === null) throw new Error('no review');
    const early = await app.invoke('rita', 'transitionReview', { issueKey: 'SEC-10', target: 'in_review', baseVersion: 1 });
    expect(early.ok ? 'ok' : early.error.code).toBe('NOT_READY');
    if (!early.ok) expect(early.error.message).toMatch(/Still missing: .*/);

    const complete = phishingReview('draft');
    let version = 1;
    for (const section of ['facts', 'timeline', 'people', 'fiveWhys', 'fishbone', 'rootCauses', 'lessons'] as const) {
      const saved = await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-10', section, value: complete[section], baseVersion: version });
      version = saved.review.version;
    }
    const inReview = await app.data('rita', 'transitionReview', { issueKey: 'SEC-10', target: 'in_review', baseVersion: version });
    expect(inReview.transitions.find((t) => t.to === 'awaiting_approval')?.ready).toBe(true);
    const awaiting = await app.data('rita', 'transitionReview', { issueKey: 'SEC-10', target: 'awaiting_approval', baseVersion: inReview.review.version });
    expect(awaiting.review.workflow.stage).toBe('awaiting_approval');

    const locked = await app.invoke('rita', 'saveReviewSection', { issueKey: 'SEC-10', section: 'lessons', value: complete.lessons, baseVersion: awaiting.review.version });
    expect(locked.ok ? 'ok' : locked.error.code).toBe('NOT_ALLOWED');

    const dashboard = await app.data('mark', 'getDashboardSummary', { projectKey: 'SEC' });
    expect(dashboard.counts.reviewsByStage.awaiting_approval).toBeGreaterThanOrEqual(1);
  });
});

describe('project modules', () => {
  test('the outsider gets nothing from a project they cannot browse', async () => {
    const extension = { type: 'jira:projectPage' as const };
    for (const key of ['getDashboardSummary', 'getSettings'] as const) {
      const result = await app.invoke('oscar', key, { projectKey: 'SEC' }, extension);
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
  });

  test('settings say whether the caller administers the project', async () => {
    expect((await app.data('alice', 'getSettings', { projectKey: 'SEC' })).canAdminister).toBe(true);
    expect((await app.data('rita', 'getSettings', { projectKey: 'SEC' })).canAdminister).toBe(false);
  });
});

describe('incident types', () => {
  test('a review can only be started on an incident-type issue; others are told why', async () => {
    const task = await app.data('mark', 'getPanel', { issueKey: 'ISMS-1' });
    expect(task.isIncident).toBe(false);
    const refused = await app.invoke('mark', 'startReview', { issueKey: 'ISMS-1' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_ALLOWED');
    if (!refused.ok) expect(refused.error.message).toMatch(/not an incident type/);
    expect((await app.data('rita', 'getPanel', { issueKey: 'SEC-13' })).isIncident).toBe(true);
  });
});
