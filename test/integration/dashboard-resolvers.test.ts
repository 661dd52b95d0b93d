import type { OverdueActionView } from '../../src/api/dashboard';
import { PERSONAS } from '../../sandbox/jira';
import { seedReviews } from '../../sandbox/seed/reviews';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * The project page's resolvers through getDefinitions(), on the seeded sandbox (a year of
 * reviews, actions done on time, late and overdue, risks): summary, overdue paging and filters,
 * coverage, the lessons library, repeat root causes, and what each costs in storage calls.
 */
jest.setTimeout(60_000);

let app: AppHarness;
const PAGE = { type: 'jira:projectPage' as const };
const project = { projectKey: 'SEC' };

beforeAll(async () => {
  app = createAppHarness();
  await seedReviews(app.sandbox);
  await app.sandbox.settled();
});

afterAll(() => {
  app.sandbox.close();
});

async function allOverdue(query: Record<string, unknown> = {}): Promise<OverdueActionView[]> {
  const items: OverdueActionView[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.data('mark', 'listOverdueActions', { ...project, ...query, ...(cursor === undefined ? {} : { cursor }) });
    expect(page.items.length).toBeLessThanOrEqual(20);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return items;
}

/** Storage and Jira calls one invoke makes. */
async function cost(run: () => Promise<unknown>): Promise<{ kvs: number; jira: number; operations: Record<string, number> }> {
  app.sandbox.runtime.calls.reset();
  await run();
  return { kvs: app.sandbox.runtime.calls.count('kvs'), jira: app.sandbox.runtime.calls.count('jira'), operations: app.sandbox.runtime.calls.byOperation() };
}

describe('summary', () => {
  test('KPIs, trends, repeats and counts from the rollups', async () => {
    const summary = await app.data('mark', 'getDashboardSummary', project);
    expect(summary.kpis.quarter.map((kpi) => kpi.id)).toContain('reviews-on-time');
    expect(summary.kpis.year.find((kpi) => kpi.id === 'incidents')?.current.value).toBeGreaterThan(10);
    expect(summary.kpis.year.find((kpi) => kpi.id === 'actions-on-time')?.current.value).toEqual(expect.any(Number));
    expect(summary.trends.month.buckets).toHaveLength(12);
    expect(summary.trends.quarter.buckets.length).toBeGreaterThanOrEqual(4);
    expect(summary.repeats.length).toBeGreaterThan(0);
    expect(summary.repeats.every((repeat) => repeat.incidents >= 2)).toBe(true);
    const stages = summary.counts.reviewsByStage;
    expect(stages.closed + stages.approved + stages.awaiting_approval + stages.in_review + stages.draft).toBeGreaterThan(20);
    expect(summary.counts.overdue).toBeGreaterThan(0);
    expect(summary.owners.reduce((sum, owner) => sum + owner.openActions, 0)).toBe(summary.counts.openActions);
  });

  test('costs one settings read and one batch read of rollups, plus the permission check', async () => {
    const spent = await cost(() => app.invoke('mark', 'getDashboardSummary', project, PAGE));
    expect(spent.operations).toEqual({ 'kvs /api/v1/entity/get': 1, 'kvs /api/v1/batch/get': 1, 'GET /rest/api/3/mypermissions': 1 });
  });
});

describe('overdue actions (R17)', () => {
  test('the list pages through the index and agrees with the counts', async () => {
    const summary = await app.data('mark', 'getDashboardSummary', project);
    const overdue = await allOverdue();
    expect(overdue).toHaveLength(summary.counts.overdue);
    expect(overdue.every((item) => item.targetDate < summary.today && item.daysOverdue > 0 && item.status !== 'done')).toBe(true);
    // Oldest target date first, by default.
    expect(overdue.map((item) => item.targetDate)).toEqual([...overdue.map((item) => item.targetDate)].sort());
    const dueSoon = await allOverdue({ scope: 'due-soon' });
    expect(dueSoon).toHaveLength(summary.counts.dueSoon);
    expect(dueSoon.every((item) => item.targetDate >= summary.today && item.daysOverdue === 0)).toBe(true);
  });

  test('more than a page: 25 planned actions past their target date', async () => {
    const summary = await app.data('mark', 'getDashboardSummary', project);
    const approved = (await app.data('mark', 'searchLessons', { ...project })).items.find((hit) => hit.stage === 'approved');
    if (approved === undefined) throw new Error('no approved review in the seed');
    const decisions = await app.data('rita', 'getDecisions', { issueKey: approved.issueKey });
    const rootCause = decisions.rootCauses.find((entry) => entry.actionKind === 'corrective');
    if (rootCause === undefined) throw new Error('no corrective decision');
    const actions = Array.from({ length: 25 }, (_, index) => ({ rootCauseId: rootCause.rootCause.id, summary: `Backlog item ${String(index + 1)}`, ownerAccountId: PERSONAS.owen.accountId, targetDate: `2026-01-${String(index + 1).padStart(2, '0')}` }));
    await app.data('rita', 'addActions', { issueKey: approved.issueKey, actions });

    const after = await app.data('mark', 'getDashboardSummary', project);
    expect(after.counts.overdue).toBe(summary.counts.overdue + 25);
    const first = await app.data('mark', 'listOverdueActions', { ...project, ownerAccountId: PERSONAS.owen.accountId });
    expect(first.items).toHaveLength(20);
    expect(first.cursor).toBeDefined();
    expect(first.items[0]).toMatchObject({ summary: 'Backlog item 1', status: 'draft', incidentKey: approved.issueKey });
    expect(first.items[0]?.jiraIssueKey).toBeUndefined();
    const owens = await allOverdue({ ownerAccountId: PERSONAS.owen.accountId });
    expect(owens).toHaveLength(25);
    expect(owens.every((item) => item.ownerAccountId === PERSONAS.owen.accountId)).toBe(true);
    const newestFirst = await app.data('mark', 'listOverdueActions', { ...project, ownerAccountId: PERSONAS.owen.accountId, order: 'newest-first' });
    expect(newestFirst.items[0]?.summary).toBe('Backlog item 25');
    const byCategory = await allOverdue({ category: rootCause.rootCause.category });
    expect(byCategory.every((item) => item.category === rootCause.rootCause.category)).toBe(true);
    expect(byCategory.length).toBeGreaterThanOrEqual(25);

    // A page costs one indexed query.
    const spent = await cost(() => app.invoke('mark', 'listOverdueActions', { ...project, cursor: first.cursor }, PAGE));
    expect(spent.operations['kvs /api/v1/entity/query']).toBe(1);
    expect(spent.kvs).toBe(1);

    // Removing a draft takes it out of the counts in the same transaction.
    const planned = (await app.data('rita', 'getDecisions', { issueKey: approved.issueKey })).rootCauses.flatMap((entry) => entry.actions).filter((action) => action.status === 'draft');
    for (const draft of planned) await app.data('rita', 'removeAction', { issueKey: approved.issueKey, actionId: draft.id, baseVersion: draft.version });
    expect((await app.data('mark', 'getDashboardSummary', project)).counts.overdue).toBe(summary.counts.overdue);
  });

  test('a stale or forged cursor is the caller\'s mistake', async () => {
    const result = await app.invoke('mark', 'listOverdueActions', { ...project, cursor: 'not-a-cursor' }, PAGE);
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_INPUT');
  });
});

describe('review coverage (R22)', () => {
  test('an approver sees the approvals waiting and the stuck reviews', async () => {
    const coverage = await app.data('mark', 'getReviewCoverage', project);
    expect(coverage.isApprover).toBe(true);
    expect(coverage.awaitingApproval.length).toBeGreaterThan(0);
    expect(coverage.awaitingApproval.every((item) => item.stage === 'awaiting_approval' && item.requestedBy === PERSONAS.rita.accountId)).toBe(true);
    expect(coverage.stuck.every((item) => item.daysInStage >= coverage.targetDays && item.stage !== 'closed' && item.stage !== 'approved')).toBe(true);
    expect(coverage.stuck.length).toBeGreaterThan(0);
  });

  test('someone else sees them as waiting for the approvers, and who requested them', async () => {
    const coverage = await app.data('rita', 'getReviewCoverage', project);
    expect(coverage.isApprover).toBe(false);
    expect(coverage.awaitingApproval.length).toBeGreaterThan(0);
  });

  test('resolved incidents without a review: one Jira search page as the user', async () => {
    const spent = await cost(async () => {
      const page = await app.data('mark', 'findUnreviewedIncidents', project);
      expect(page.checked).toBeGreaterThan(0);
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThan(page.checked);
      for (const item of page.items) expect((await app.data('mark', 'getPanel', { issueKey: item.issueKey })).review).toBeNull();
    });
    expect(spent.operations['POST /rest/api/3/search/jql']).toBe(1);
  });
});

describe('lessons library (R14)', () => {
  test('words, filters and date range narrow the results; every hit links to its incident', async () => {
    const everything = await app.data('mark', 'searchLessons', project);
    expect(everything.items).toHaveLength(20);
    expect(everything.cursor).toBeDefined();
    const next = await app.data('mark', 'searchLessons', { ...project, cursor: everything.cursor });
    expect(next.items.map((hit) => hit.issueKey)).not.toContain(everything.items[0]?.issueKey);
    // Newest incidents first.
    expect(everything.items.map((hit) => hit.occurredAt)).toEqual([...everything.items.map((hit) => hit.occurredAt)].sort().reverse());

    const phishing = await app.data('mark', 'searchLessons', { ...project, text: 'Phishing' });
    expect(phishing.items.length).toBeGreaterThan(0);
    for (const hit of phishing.items) expect(JSON.stringify(hit).toLowerCase()).toContain('phishing');

    const words = await app.data('mark', 'searchLessons', { ...project, text: 'sender tagging' });
    expect(words.items.every((hit) => JSON.stringify(hit).toLowerCase().includes('sender') && JSON.stringify(hit).toLowerCase().includes('tagging'))).toBe(true);

    const category = await app.data('mark', 'searchLessons', { ...project, category: 'supplier' });
    expect(category.items.length).toBeGreaterThan(0);
    expect(category.items.every((hit) => hit.categories.includes('supplier'))).toBe(true);

    const malicious = await app.data('mark', 'searchLessons', { ...project, type: 'malicious', severity: 'high' });
    expect(malicious.items.every((hit) => hit.type === 'malicious' && hit.severity === 'high')).toBe(true);

    const anyHit = everything.items[5];
    if (anyHit === undefined) throw new Error('too few reviews');
    const day = anyHit.occurredAt.slice(0, 10);
    const onThatDay = await app.data('mark', 'searchLessons', { ...project, from: day, to: day });
    expect(onThatDay.items.map((hit) => hit.issueKey)).toContain(anyHit.issueKey);
    expect(onThatDay.items.every((hit) => hit.occurredAt.startsWith(day))).toBe(true);

    const nothing = await app.data('mark', 'searchLessons', { ...project, text: 'zebra-crossing-unicorn' });
    expect(nothing).toEqual({ items: [] });
  });

  test('key lessons come with each hit', async () => {
    const hits = await app.data('mark', 'searchLessons', { ...project, text: 'phishing' });
    const withLessons = hits.items.find((hit) => hit.lessons.length > 0);
    expect(withLessons?.lessons[0]?.question).toMatch(/improvements/);
  });
});

describe('repeat root causes (R18)', () => {
  test('a repeated category lists its incidents and the actions meant to prevent it, with effectiveness', async () => {
    const summary = await app.data('mark', 'getDashboardSummary', project);
    const repeat = summary.repeats[0];
    if (repeat === undefined) throw new Error('no repeat in the seed');
    const detail = await app.data('mark', 'getRepeatRootCause', { ...project, category: repeat.category });
    expect(detail.incidents.length).toBe(Math.min(repeat.incidents, 20));
    expect(detail.incidents.every((incident) => incident.rootCauses.length > 0)).toBe(true);
    expect(detail.actions.length).toBeGreaterThan(0);
    expect(new Set(detail.actions.map((action) => action.effectiveness)).size).toBeGreaterThan(1);
  });
});

describe('access', () => {
  test.each(['getDashboardSummary', 'listOverdueActions', 'getReviewCoverage', 'findUnreviewedIncidents', 'searchLessons'] as const)('the outsider gets nothing from %s', async (key) => {
    const result = await app.invoke('oscar', key, project, PAGE);
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('SEC-');
  });

  test('a viewer of the project (the action owner) may read the page', async () => {
    const summary = await app.data('owen', 'getDashboardSummary', project);
    expect(summary.projectKey).toBe('SEC');
  });

  test('inputs are validated and name the field', async () => {
    const result = await app.invoke('mark', 'searchLessons', { ...project, from: '14/03/2026' }, PAGE);
    expect(result.ok ? 'ok' : result.error).toMatchObject({ code: 'INVALID_INPUT', field: 'from' });
    const category = await app.invoke('mark', 'getRepeatRootCause', { ...project, category: '|injected|' }, PAGE);
    expect(category.ok ? 'ok' : category.error.code).toBe('INVALID_INPUT');
  });
});
