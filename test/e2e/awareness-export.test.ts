import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { PERSONAS, STAFF } from '../../sandbox/jira';
import path from 'node:path';
import { SCREENSHOT_DIR, screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * R16 the anonymised awareness export from the lessons library, in Chromium on the seeded
 * sandbox: a manager ticks two approved or closed incidents, exports them, and gets Markdown
 * (shown read-only, downloadable as .md and .html) that names no one, has no e-mail addresses and
 * no issue keys.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });

async function download(page: Page, trigger: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return readFileSync(await file.path(), 'utf8');
}

const NAMES = [...Object.values(PERSONAS), ...Object.values(STAFF)].flatMap((person) => [person.displayName, ...person.displayName.split(' ')]);

function expectAnonymous(text: string): void {
  for (const name of NAMES) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
  expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  expect(text).not.toMatch(/\b[A-Z][A-Z0-9_]+-\d+\b/);
  expect(text).not.toMatch(/712020:/);
}

test('a manager exports two incidents from the library, anonymised, as Markdown and HTML', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  await actAs(context, env.running.url, 'mark', 'light');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}/projects/SEC/lessons-learned`);
  const frame = page.frameLocator('iframe[title="Lessons learned"]');

  await frame.getByRole('tab', { name: 'Lessons library' }).click();
  const library = frame.locator('section[aria-labelledby="library-heading"]');
  await library.getByRole('button', { name: 'Search' }).click();
  const hits = library.getByRole('list', { name: 'Search results' }).locator('> li');
  await hits.first().waitFor();
  const awareness = library.getByRole('region', { name: 'Awareness training' });
  const exportButton = awareness.getByRole('button', { name: 'Export for awareness training' });
  expect(await exportButton.isDisabled()).toBe(true);

  // Tick the first two approved or closed incidents, by keyboard.
  const shareable = hits.filter({ has: frame.locator('.lozenge', { hasText: /^(Approved|Closed)$/ }) });
  await shareable.first().waitFor();
  const picked: string[] = [];
  for (const index of [0, 1]) {
    const box = shareable.nth(index).getByRole('checkbox');
    picked.push(((await box.getAttribute('aria-label')) ?? '').replace(/^Include (\S+) .*$/, '$1'));
    await box.focus();
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
  }
  expect(picked.every((key) => /^SEC-\d+$/.test(key))).toBe(true);
  await awareness.getByText('2 of at most 20 incidents ticked.').waitFor();

  await exportButton.click();
  await awareness.getByRole('status').filter({ hasText: /^2 incidents included, anonymised/ }).waitFor();
  const textarea = awareness.getByLabel(/^Markdown for the training material/);
  expect(await textarea.getAttribute('readonly')).not.toBeNull();
  const markdown = await textarea.inputValue();
  expect(markdown.length).toBeGreaterThan(200);
  expectAnonymous(markdown);
  for (const key of picked) expect(markdown).not.toContain(key);

  // The same text as files; the HTML is only ever a download, never part of the page.
  const md = await download(page, awareness.getByRole('link', { name: 'Download .md' }));
  expect(md).toBe(markdown);
  const html = await download(page, awareness.getByRole('link', { name: 'Download .html' }));
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<script/i);
  expectAnonymous(html.replace(/<[^>]*>/g, ' '));
  expect(await library.locator('.awareness-result h1, .awareness-result h2').count()).toBe(0);

  await screenshot(page, 'dashboard-awareness-export-light');
  await awareness.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-awareness-export-detail-light.png') });
  expect(errors).toEqual([]);
  await context.close();
});
