import type { BrowserContext, Page } from 'playwright-core';
import { jiraRequest } from '../../sandbox/jira-as';
import type { PersonaName } from '../../sandbox/jira';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { SCREENSHOT_DIR, screenshot } from './support/browser';
import { sandboxAndBrowser } from './support/lifecycle';
import { actAs } from './support/sandbox-server';
import { check } from './support/settle';

/**
 * The app in Jira's own surfaces, in Chromium on the seeded sandbox: the incident issue glance,
 * the backfill of existing incidents from the settings page, and the cross-project page.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });

interface Session {
  context: BrowserContext;
  page: Page;
  invokes: string[];
  errors: string[];
}

async function open(persona: PersonaName, path: string, colorMode: 'light' | 'dark' = 'light'): Promise<Session> {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  await actAs(context, env.running.url, persona, colorMode);
  const page = await context.newPage();
  const invokes: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/sandbox/bridge/invoke')) return;
    const body = request.postDataJSON() as { functionKey?: string } | null;
    if (body?.functionKey) invokes.push(body.functionKey);
  });
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}${path}`);
  return { context, page, invokes, errors };
}

/** A screenshot of one part of the page (a long settings page would shrink it out of sight). */
async function shoot(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Issues matching a JQL query and their lessonsLearned property, as Jira's own search returns them. */
async function search(jql: string): Promise<{ key: string; property: { stage: string; overdueActions: number } }[]> {
  const reply = await jiraRequest<{ issues: { key: string; properties?: { lessonsLearned?: { stage: string; overdueActions: number } } }[] }>(
    env.running.sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/jql', { jql, fields: ['summary'], properties: ['lessonsLearned'], maxResults: 50 },
  );
  return reply.body.issues.map((issue) => ({ key: issue.key, property: issue.properties?.lessonsLearned ?? { stage: '', overdueActions: 0 } }));
}

describe('issue glance', () => {
  test('a responder sees the review stage and overdue actions on the issue, in one invoke (light and dark)', async () => {
    // Found with the app's own JQL aliases: an incident awaiting approval, and one with overdue actions.
    const [awaiting] = await search('project = SEC AND llStage = awaiting_approval ORDER BY key ASC');
    const [late] = await search('project = SEC AND llOverdueActions > 0 ORDER BY key ASC');
    if (awaiting === undefined || late === undefined) throw new Error('the seed has no incident awaiting approval or with overdue actions');

    for (const colorMode of ['light', 'dark'] as const) {
      const { context, page, invokes, errors } = await open('rita', `/browse/${awaiting.key}`, colorMode);
      // As in Jira, the glance's content loads when the glance is opened.
      expect(invokes).not.toContain('getIssueGlance');
      await page.locator('details.glance summary').click();
      const glance = page.frameLocator('iframe[title="Issue glance: Lessons learned"]').getByTestId('glance');
      await check.text(glance, 'Review: awaiting approval · ');
      expect(invokes.filter((key) => key === 'getIssueGlance')).toHaveLength(1);
      await screenshot(page, `glance-awaiting-${colorMode}`);
      expect(errors).toEqual([]);
      await context.close();
    }

    const { context, page } = await open('rita', `/browse/${late.key}`, 'dark');
    await page.locator('details.glance summary').click();
    const count = late.property.overdueActions;
    // The live glance and the JQL mirror agree.
    await check.text(page.frameLocator('iframe[title="Issue glance: Lessons learned"]').getByTestId('glance'), `${count} action${count === 1 ? '' : 's'} overdue`);
    await screenshot(page, 'glance-overdue-dark');
    await context.close();
  });
});

describe('backfill of existing incidents', () => {
  test('a project admin registers the incidents from before the app, with progress shown page by page (light and dark)', async () => {
    const { context, page, errors } = await open('alice', '/projects/SEC/settings/lessons-learned');
    const frame = page.frameLocator('iframe[title="Lessons learned settings"]');
    const section = frame.locator('section#backfill');
    const status = section.getByTestId('backfill-status');
    // The section asks for its progress when it scrolls into view.
    await section.scrollIntoViewIfNeeded();
    await check.text(status, 'Not run yet.');
    // Jira answers slowly and rate-limits once: the walk still finishes, and the page shows where it is.
    env.running.sandbox.runtime.faults.configure({ jira: { latencyMs: 600, sequence: ['pass', 'pass', 'rate-limit'], retryAfterSeconds: 1 } });
    await section.getByRole('button', { name: 'Find existing incidents' }).click();
    await check.text(status, 'Working… page 1 done: 50 incidents checked');
    await check.visible(section.getByRole('progressbar', { name: 'Finding existing incidents' }));
    await shoot(section, 'backfill-progress-light');
    await check.text(status, 'Done ');
    env.running.sandbox.runtime.faults.configure({});
    await check.text(status, '60 incidents checked');
    const done = (await status.textContent()) ?? '';
    const registered = Number(/(\d+) registered/.exec(done)?.[1]);
    const known = Number(/(\d+) already counted/.exec(done)?.[1]);
    expect(registered + known).toBe(60);
    expect(registered).toBeGreaterThan(0);
    await shoot(section, 'backfill-done-light');
    expect(errors).toEqual([]);
    await context.close();

    // Run again (dark): nothing new is registered.
    const dark = await open('alice', '/projects/SEC/settings/lessons-learned', 'dark');
    const again = dark.page.frameLocator('iframe[title="Lessons learned settings"]').locator('section#backfill');
    await again.scrollIntoViewIfNeeded();
    await again.getByRole('button', { name: 'Run again' }).click();
    await check.text(again.getByTestId('backfill-status'), `Done `);
    await check.text(again.getByTestId('backfill-status'), '0 registered · 60 already counted');
    await shoot(again, 'backfill-again-dark');
    await dark.context.close();
  });
});

describe('all-projects page', () => {
  test('the ISMS manager sees KPIs, trends and overdue actions of every incident project, in one invoke (light and dark)', async () => {
    for (const colorMode of ['light', 'dark'] as const) {
      const { context, page, invokes, errors } = await open('mark', '/apps/lessons-learned', colorMode);
      const frame = page.frameLocator('iframe[title="Lessons learned, all projects"]');
      const projects = frame.getByRole('table', { name: 'Incident projects' });
      await check.visible(projects);
      const keys = await projects.locator('tbody th .subtlest').allTextContents();
      expect(keys.length).toBeGreaterThan(0);
      await check.visible(frame.getByRole('heading', { name: 'Key performance indicators' }));
      await check.visible(frame.getByRole('heading', { name: 'Recurrence trends' }));
      await check.visible(frame.getByRole('heading', { name: 'Overdue actions' }));
      expect(invokes.filter((key) => key === 'getGlobalSummary')).toHaveLength(1);
      await screenshot(page, `global-page-${colorMode}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('an outsider is told there is nothing for them, and sees no project', async () => {
    const { context, page } = await open('oscar', '/apps/lessons-learned');
    const frame = page.frameLocator('iframe[title="Lessons learned, all projects"]');
    await check.text(frame.getByRole('alert'), 'No project you can browse has lessons-learned data yet');
    await check.count(frame.getByRole('table'), 0);
    await screenshot(page, 'global-page-outsider');
    await context.close();
  });
});
