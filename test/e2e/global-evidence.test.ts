import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import type { PersonaName } from '../../sandbox/jira';
import { expectAccessible } from './support/axe';
import { SCREENSHOT_DIR } from './support/browser';
import { sandboxAndBrowser } from './support/lifecycle';
import { actAs } from './support/sandbox-server';
import { check } from './support/settle';

/**
 * The evidence pack across projects on the all-projects page, in Chromium on the seeded sandbox:
 * Mark (an approver of every seeded incident project) produces the pack of both, each project's
 * own ten questions below a side-by-side table of figures, and exports the combined action log —
 * recorded in each project’s audit trail. Rita (a responder) is told why she gets no project. Both screens pass axe.
 */
jest.setTimeout(300_000);

const env = sandboxAndBrowser({ seeded: true });

interface Session { context: BrowserContext; page: Page; frame: FrameLocator; errors: string[] }

async function open(persona: PersonaName, colorMode: 'light' | 'dark'): Promise<Session> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  await actAs(context, env.running.url, persona, colorMode);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}/apps/lessons-learned`);
  return { context, page, frame: page.frameLocator('iframe[title="Lessons learned, all projects"]'), errors };
}

async function shoot(part: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

function exportEvents(): { recordKey: string; accountId: string; change: { kind: string; format?: string } }[] {
  const rows = env.running.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'audit-event'`).all() as { value: string }[];
  return rows.map((row) => JSON.parse(row.value) as { recordKey: string; accountId: string; change: { kind: string; format?: string } }).filter((event) => event.change.kind === 'evidence-pack-exported');
}

test('an approver of two projects produces their pack together and exports one action log, recorded in both audit trails (light and dark)', async () => {
  for (const colorMode of ['light', 'dark'] as const) {
    const { context, page, frame, errors } = await open('mark', colorMode);
    const section = frame.locator('section[aria-labelledby="global-evidence-heading"]');
    await section.scrollIntoViewIfNeeded();
    const projects = section.getByRole('checkbox');
    await check.count(projects, 2);
    await section.getByRole('button', { name: 'Last 12 months' }).click();
    await section.getByRole('button', { name: 'Produce the pack of 2 projects' }).click();
    const figures = section.getByRole('table', { name: 'Figures per project' });
    await figures.waitFor({ timeout: 90_000 });
    expect(await figures.locator('thead th').allTextContents()).toEqual(['Figure', 'OPS', 'SEC']);
    // Each project's own pack, with its ten questions.
    for (const key of ['OPS', 'SEC']) {
      const pack = section.locator(`section[data-project="${key}"]`);
      await check.count(pack.locator('table.evidence-summary tbody tr'), 10);
    }
    await shoot(section, `global-evidence-${colorMode}`);
    await expectAccessible(page, `global-evidence-${colorMode}`);
    if (colorMode === 'light') {
      const before = exportEvents().length;
      const [file] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Corrective actions log of all (CSV)' }).click()]);
      const csv = readFileSync(await file.path(), 'utf8');
      expect(csv).toMatch(/SEC-\d+/);
      expect(csv).toMatch(/OPS-\d+/);
      expect(file.suggestedFilename()).toMatch(/^lessons-learned-OPS-SEC-corrective-actions-log-/);
      const recorded = exportEvents().slice(before);
      expect(recorded.map((event) => event.recordKey).sort()).toEqual(['evidence-pack-OPS', 'evidence-pack-SEC']);
      expect(recorded.every((event) => event.change.format === 'csv-actions')).toBe(true);
    }
    expect(errors).toEqual([]);
    await context.close();
  }
});

test('a responder who manages no project is told why, and no project is offered', async () => {
  const { context, page, frame } = await open('rita', 'light');
  const section = frame.locator('section[aria-labelledby="global-evidence-heading"]');
  await section.scrollIntoViewIfNeeded();
  await check.text(section.getByRole('note'), 'You cannot produce the evidence pack for any project');
  await check.count(section.getByRole('checkbox'), 0);
  await shoot(section, 'global-evidence-not-a-manager');
  await expectAccessible(page, 'global-evidence-not-a-manager');
  await context.close();
});
