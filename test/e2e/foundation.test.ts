import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * The foundation end to end: the fake Jira serves an incident, the panel iframe renders with the
 * unmodified @forge/bridge, and its data travels invoke → resolver → KVS and back — in light and
 * dark theme. What an outsider sees is outsider.journey.test.ts.
 */
const env = sandboxAndBrowser();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

const panel = (): FrameLocator => page.frameLocator('iframe[title="Lessons learned"]');

test.each(['light', 'dark'] as const)('a responder starts a review from the panel and it is stored (%s theme)', async (colorMode) => {
  const issueKey = colorMode === 'light' ? 'SEC-2' : 'SEC-3';
  await actAs(context, env.running.url, 'rita', colorMode);
  await page.goto(`${env.running.url}/browse/${issueKey}`);
  await panel().getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  await panel().getByRole('button', { name: 'Start review' }).click();
  await panel().getByRole('heading', { name: /Post-incident review/ }).waitFor();

  // The review came back from storage through a fresh page load, not from the browser's memory.
  await page.reload();
  await panel().getByText('Draft', { exact: true }).waitFor();
  const theme = await panel().locator('html').getAttribute('data-color-mode');
  expect(theme).toBe(colorMode);
  await screenshot(page, `foundation-panel-${colorMode}`);

  const stored = env.running.sandbox.db.prepare(`SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = 'review'`).get() as { n: number } | undefined;
  expect(stored?.n ?? 0).toBeGreaterThan(0);
});

test('the project page and settings page render their resolver data', async () => {
  await actAs(context, env.running.url, 'mark');
  await page.goto(`${env.running.url}/projects/SEC/lessons-learned`);
  await page.frameLocator('iframe[title="Lessons learned"]').getByRole('heading', { name: 'Lessons learned · Security Incidents' }).waitFor();
  await page.goto(`${env.running.url}/projects/SEC/settings/lessons-learned`);
  await page.frameLocator('iframe[title="Lessons learned settings"]').getByRole('heading', { name: /settings · Security Incidents/ }).waitFor();
});
