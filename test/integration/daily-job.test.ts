import { PERSONAS, jiraSpec, type NotificationRecord } from '../../sandbox/jira';
import { addCalendarDays, dayOf } from '../../src/domain/actions';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/settings';
import { ENTITY } from '../../src/platform/store';
import { JOB_KEY, readJob, registerRollupRepair, runDailyJob, type DailyJobOutcome } from '../../src/services/daily-job';
import { readRegistry } from '../../src/services/daily-job-registry';
import { remindActionsPage } from '../../src/services/reminders';
import { runDaily } from '../../src/scheduled/daily-job';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview, reviewWithDecisions } from './decisions-fixture';

/**
 * R17 the daily job: reminders for actions due soon and overdue, late reviews of significant
 * incidents, at most one reminder per subject per day (twice in a row, two at once, lost answers),
 * and chunked resumption under a tiny time budget — every notification valid per the OpenAPI spec.
 */
let app: AppHarness;
const owen = PERSONAS.owen.accountId;
const rita = PERSONAS.rita.accountId;
const NOW = new Date();
const TODAY = dayOf(NOW);
const DAY = 86_400_000;

const job = (options: { now?: Date; budgetMs?: number; runId?: string } = {}): Promise<DailyJobOutcome> =>
  app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () =>
    runDailyJob({ now: options.now ?? NOW, runId: options.runId ?? `run-${Math.random().toString(36).slice(2)}`, budgetMs: options.budgetMs ?? 60_000 }),
  );

const notifications = (): NotificationRecord[] => app.sandbox.jira.notifications();
const subjects = (): string[] => notifications().map((n) => n.subject).sort();

/** Forgets the job's progress (as if it was lost): only the per-subject claims then stand between a rerun and a second reminder. */
function forgetProgress(): void {
  app.sandbox.db.prepare('DELETE FROM kvs_entities WHERE entity_name = ? AND key = ?').run(ENTITY.jobState, JOB_KEY);
}

/** An approved incident whose actions are Jira issues owned by Owen with the given target dates. */
async function incidentWithActions(issueKey: string, targets: Record<string, string>): Promise<void> {
  await approvedReview(app, issueKey);
  const actions = Object.entries(targets).map(([summary, targetDate]) => ({ rootCauseId: 'r1', summary, description: '', ownerAccountId: owen, targetDate }));
  await app.data('rita', 'addActions', { issueKey, actions });
  const { report } = await app.data('rita', 'createActionIssues', { issueKey });
  expect(report.failed).toEqual([]);
}

function expectValidNotify(record: NotificationRecord): void {
  const spec = jiraSpec();
  const path = `/rest/api/3/issue/${record.issueKey}/notify`;
  const operation = spec.match('POST', path);
  if (operation === undefined) throw new Error('notify is not in the spec');
  expect(spec.validateRequest(operation, { method: 'POST', path, query: new URLSearchParams(), body: record.request })).toMatchObject({ valid: true });
}

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
  await incidentWithActions('SEC-21', {
    'Due in two days': addCalendarDays(TODAY, 2),
    'Five days late': addCalendarDays(TODAY, -5),
    'Due next month': addCalendarDays(TODAY, 30),
  });
});

afterAll(() => {
  app.sandbox.close();
});

afterEach(() => {
  app.sandbox.runtime.faults.configure({});
});

describe('reminders', () => {
  test('due-soon and overdue actions are reminded once, to the owner, on their issue, valid per the spec; not-yet-due ones are not', async () => {
    app.sandbox.jira.clearNotifications();
    const outcome = await job();
    expect(outcome).toMatchObject({ status: 'finished', progress: { phase: 'done', totals: { actionReminders: 2 } } });
    expect(subjects()).toEqual([expect.stringMatching(/^Corrective action due soon: ISMS-\d+ Due in two days$/), expect.stringMatching(/^Overdue corrective action: ISMS-\d+ Five days late$/)]);
    for (const sent of notifications()) {
      expectValidNotify(sent);
      expect(sent.recipients).toEqual([owen]);
      expect(sent.senderAccountId).toBe(app.sandbox.jira.appAccountId);
      expect(sent.request).toMatchObject({ to: { assignee: true, users: [{ accountId: owen }], watchers: false }, restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] } });
    }
    const late = notifications().find((n) => n.subject.includes('Five days late'));
    expect(late?.textBody).toContain(`was due on ${addCalendarDays(TODAY, -5)} (5 days overdue)`);
    expect(late?.textBody).toContain('incident SEC-21');
    // The project was registered when its first review was created.
    expect((await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, readRegistry))?.document.projects).toContain('SEC');
  });

  test('the trigger firing twice the same day sends nothing more; even with the progress lost, the claims hold', async () => {
    const before = notifications().length;
    expect((await job()).status).toBe('already-done');
    forgetProgress();
    const rerun = await job();
    expect(rerun).toMatchObject({ status: 'finished', progress: { totals: { actionReminders: 0, skipped: 2 } } });
    expect(notifications()).toHaveLength(before);
  });

  test('two runs at once: one works, the other leaves; no reminder twice', async () => {
    const tomorrow = new Date(NOW.getTime() + DAY);
    app.sandbox.jira.clearNotifications();
    const outcomes = await Promise.all([job({ now: tomorrow }), job({ now: tomorrow })]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'finished']);
    expect(notifications()).toHaveLength(2);
  });

  test('claims hold even when two runs race past the lease (same page, same moment)', async () => {
    const later = new Date(NOW.getTime() + 2 * DAY);
    app.sandbox.jira.clearNotifications();
    const page = (runId: string) => app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => remindActionsPage('SEC', DEFAULT_PROJECT_SETTINGS, later, runId, undefined));
    const results = await Promise.all([page('a'), page('b'), page('c')]);
    expect(results.reduce((sum, r) => sum + (r.totals.actionReminders ?? 0), 0)).toBe(2);
    expect(results.reduce((sum, r) => sum + (r.totals.skipped ?? 0), 0)).toBe(4);
    expect(notifications()).toHaveLength(2);
  });

  test('a send whose answer was lost (or that failed with a 5xx) is not repeated that day — it may have gone out', async () => {
    const day = new Date(NOW.getTime() + 3 * DAY);
    app.sandbox.jira.clearNotifications();
    app.sandbox.runtime.faults.configure({ jira: { sequence: ['drop-response', 'server-error'] } });
    const first = await job({ now: day });
    expect(first.progress?.totals).toMatchObject({ actionReminders: 0, unconfirmed: 2 });
    // The dropped one did reach Jira (that is what a lost answer means); the 503 one did not.
    expect(notifications()).toHaveLength(1);
    forgetProgress();
    const again = await job({ now: day });
    expect(again.progress?.totals).toMatchObject({ actionReminders: 0, skipped: 2 });
    expect(notifications()).toHaveLength(1);
  });

  test('a send Jira definitely refused (429 after every retry) gives its claim back and a later run sends it', async () => {
    const day = new Date(NOW.getTime() + 4 * DAY);
    app.sandbox.jira.clearNotifications();
    // Four attempts per send (the transport honours Retry-After), two sends: eight 429s refuse both.
    app.sandbox.runtime.faults.configure({ jira: { retryAfterSeconds: 0, sequence: Array.from({ length: 8 }, () => 'rate-limit' as const) } });
    const first = await job({ now: day });
    expect(first.progress?.totals).toMatchObject({ actionReminders: 0, refused: 2 });
    expect(notifications()).toHaveLength(0);
    forgetProgress();
    const again = await job({ now: day });
    expect(again.progress?.totals).toMatchObject({ actionReminders: 2, skipped: 0 });
    expect(notifications()).toHaveLength(2);
    expect(new Set(notifications().map((n) => n.subject)).size).toBe(2);
  });

  test('reminders switched off in the settings: nothing is sent', async () => {
    const loaded = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    await app.data('alice', 'saveSettings', { projectKey: 'SEC', settings: { ...loaded.settings, reminders: { ...loaded.settings.reminders, enabled: false } }, baseVersion: loaded.version });
    app.sandbox.jira.clearNotifications();
    const outcome = await job({ now: new Date(NOW.getTime() + 5 * DAY) });
    expect(outcome.status).toBe('finished');
    expect(notifications()).toEqual([]);
    const after = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    await app.data('alice', 'saveSettings', { projectKey: 'SEC', settings: { ...after.settings, reminders: { ...after.settings.reminders, enabled: true, notifyWatchers: true } }, baseVersion: after.version });
  });

  test('watchers are included when the project asks for it', async () => {
    app.sandbox.jira.clearNotifications();
    await job({ now: new Date(NOW.getTime() + 6 * DAY) });
    expect(notifications().length).toBeGreaterThan(0);
    for (const sent of notifications()) expect(sent.request).toMatchObject({ to: { watchers: true } });
  });
});

describe('late reviews', () => {
  test('a significant incident not approved within the target gets one reminder a day, to its incident manager', async () => {
    // The phishing facts: severity high, resolved 2025-03-07 — long past the 14-day target.
    const review = await reviewWithDecisions(app, 'SEC-24');
    await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-24', section: 'people', value: { ...review.people, incidentManager: rita }, baseVersion: review.version });
    const day = new Date(NOW.getTime() + 7 * DAY);
    app.sandbox.jira.clearNotifications();
    const outcome = await job({ now: day });
    expect(outcome.progress?.totals.reviewReminders).toBe(1);
    const reminder = notifications().find((n) => n.issueKey === 'SEC-24');
    expect(reminder).toMatchObject({ subject: 'Post-incident review overdue: SEC-24 Phishing e-mail led to a compromised finance mailbox', recipients: [rita] });
    expect(reminder?.textBody).toContain('should have been approved by 2025-03-21');
    if (reminder) expectValidNotify(reminder);
    forgetProgress();
    await job({ now: day });
    expect(notifications().filter((n) => n.issueKey === 'SEC-24')).toHaveLength(1);
  });
});

describe('chunked and resumable', () => {
  test('with a tiny budget every run does one unit and stops; the runs together remind every action exactly once', async () => {
    // 45 more overdue actions: three storage pages in SEC alone.
    const targets = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`Bulk action ${String(i + 1).padStart(2, '0')}`, addCalendarDays(TODAY, -1 - (i % 7))]));
    await incidentWithActions('SEC-25', targets);
    const day = new Date(NOW.getTime() + 10 * DAY);
    app.sandbox.jira.clearNotifications();
    const statuses: string[] = [];
    for (let run = 0; run < 100; run++) {
      const outcome = await job({ now: day, budgetMs: 0 });
      statuses.push(outcome.status);
      expect(outcome.units).toBe(1);
      if (outcome.status === 'finished') break;
    }
    expect(statuses.at(-1)).toBe('finished');
    expect(statuses.length).toBeGreaterThan(6);
    expect(statuses.slice(0, -1).every((status) => status === 'paused')).toBe(true);
    const sent = notifications().filter((n) => n.subject.includes('Bulk action'));
    expect(sent).toHaveLength(45);
    expect(new Set(sent.map((n) => n.subject)).size).toBe(45);
    const stored = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, readJob);
    expect(stored?.document).toMatchObject({ phase: 'done', day: dayOf(day), runs: statuses.length, errors: [] });
    expect(stored?.document.lease).toBeUndefined();
    expect((await job({ now: day })).status).toBe('already-done');
  });

  test('the rollup repair step is resumed with its own cursor until it says done', async () => {
    const calls: (string | undefined)[] = [];
    registerRollupRepair((projectKey, cursor) => {
      calls.push(`${projectKey}:${cursor ?? '-'}`);
      return Promise.resolve(cursor === undefined ? { done: false, cursor: 'half' } : { done: true });
    });
    try {
      const day = new Date(NOW.getTime() + 11 * DAY);
      for (let run = 0; run < 100 && (await job({ now: day, budgetMs: 0 })).status !== 'finished'; run++);
      expect(calls).toEqual(['SEC:-', 'SEC:half']);
    } finally {
      registerRollupRepair(undefined);
    }
  });

  test('the scheduled handler runs the job as the app and answers 200', async () => {
    const result = await app.sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => runDaily(new Date(NOW.getTime() + 11 * DAY)));
    expect(result).toMatchObject({ statusCode: 200, outcome: { status: 'already-done' } });
  });
});
