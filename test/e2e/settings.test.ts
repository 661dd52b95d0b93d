import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * The project settings page in Chromium: an admin edits the taxonomy and the corrective-action
 * target, saves, reloads and sees it stored; writes and signs off the procedure; a member sees
 * everything read-only. Screenshots in light and dark theme.
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

const settings = (): FrameLocator => page.frameLocator('iframe[title="Lessons learned settings"]');

async function open(projectKey: string): Promise<FrameLocator> {
  await page.goto(`${env.running.url}/projects/${projectKey}/settings/lessons-learned`);
  const frame = settings();
  await frame.getByRole('heading', { name: /Lessons learned settings · / }).waitFor();
  return frame;
}

test('an admin edits the taxonomy and the action target, saves, reloads and sees it stored', async () => {
  await actAs(context, env.running.url, 'alice');
  let frame = await open('SEC');

  await frame.getByRole('textbox', { name: 'Name of category Awareness and training' }).fill('Security awareness');
  await frame.getByRole('button', { name: 'Retire category Supplier and third-party' }).click();
  await frame.getByRole('textbox', { name: 'New category' }).fill('Cloud configuration');
  await frame.getByRole('textbox', { name: 'New category' }).press('Enter');
  await frame.getByRole('combobox', { name: 'Project' }).selectOption('ISMS');
  await frame.getByRole('combobox', { name: 'Issue type' }).locator('option', { hasText: 'Corrective action' }).waitFor({ state: 'attached' });
  await frame.getByRole('combobox', { name: 'Issue type' }).selectOption('Corrective action');
  await frame.getByRole('combobox', { name: 'Link type' }).selectOption('Problem/Incident');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await frame.getByRole('status').getByText(/Saved \(version 1/).waitFor();

  await page.reload();
  frame = await open('SEC');
  await expect(frame.getByRole('textbox', { name: 'Name of category Security awareness' }).inputValue()).resolves.toBe('Security awareness');
  await expect(frame.getByRole('row', { name: /Supplier and third-party/ }).getByText('Retired').isVisible()).resolves.toBe(true);
  await expect(frame.getByRole('row', { name: /cloud-configuration/ }).getByText('Active').isVisible()).resolves.toBe(true);
  await expect(frame.getByRole('combobox', { name: 'Project' }).inputValue()).resolves.toBe('ISMS');
  await expect(frame.getByRole('combobox', { name: 'Issue type' }).inputValue()).resolves.toBe('Corrective action');
  await expect(frame.getByRole('combobox', { name: 'Link type' }).inputValue()).resolves.toBe('Problem/Incident');
  await frame.getByText(/Last changed by Alice Admin/).waitFor();
});

test('an invalid change shows the error next to the field and stores nothing', async () => {
  await actAs(context, env.running.url, 'alice');
  const frame = await open('OPS');
  await frame.getByRole('textbox', { name: 'Name of category Backup and continuity' }).fill(' ');
  await frame.getByRole('button', { name: 'Save settings' }).click();
  await frame.getByRole('alert').getByText('The settings were not saved').waitFor();
  const field = frame.getByRole('textbox', { name: 'Name of category' }).and(frame.locator('[aria-invalid="true"]'));
  await expect(field.count()).resolves.toBe(1);
  await frame.getByText('Category name must not be empty').first().waitFor();
  const stored = env.running.sandbox.db.prepare(`SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = 'project-settings' AND key = 'settings-OPS'`).get() as { n: number };
  expect(stored.n).toBe(0);
});

test.each(['light', 'dark'] as const)('an admin writes the procedure from the default and signs it off (%s theme)', async (colorMode) => {
  const projectKey = colorMode === 'light' ? 'SEC' : 'ISMS';
  await actAs(context, env.running.url, 'alice', colorMode);
  const frame = await open(projectKey);
  await frame.getByText('No signed-off procedure yet').waitFor();
  await expect(frame.getByRole('textbox', { name: 'Procedure text' }).inputValue()).resolves.toContain('## Roles and responsibilities');
  await frame.getByRole('button', { name: 'Save as draft' }).click();
  await frame.getByText('Draft awaiting sign-off').waitFor();
  await frame.getByText('Draft · not signed off').first().waitFor();
  await screenshot(page, `settings-procedure-draft-${colorMode}`);
  await frame.getByRole('button', { name: 'Sign off version 1' }).click();
  await frame.getByText('Version 1 is signed off and now the current procedure.').waitFor();
  await frame.getByRole('heading', { name: /Current procedure/ }).waitFor();
  await frame.getByText(/signed off by Alice Admin/).waitFor();
  await expect(frame.getByRole('button', { name: /Sign off/ }).count()).resolves.toBe(0);
  const theme = await frame.locator('html').getAttribute('data-color-mode');
  expect(theme).toBe(colorMode);
  await screenshot(page, `settings-page-${colorMode}`);
});

test('a member sees the settings read-only', async () => {
  await actAs(context, env.running.url, 'rita');
  const frame = await open('SEC');
  await frame.getByRole('note').getByText('Read only').waitFor();
  await expect(frame.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0);
  await expect(frame.getByRole('button', { name: /Retire/ }).count()).resolves.toBe(0);
  await expect(frame.getByRole('combobox', { name: 'Link type' }).isDisabled()).resolves.toBe(true);
  await expect(frame.getByText(/not found in Jira/).count()).resolves.toBe(0);
  await expect(frame.getByRole('spinbutton', { name: 'Review target' }).isDisabled()).resolves.toBe(true);
  await expect(frame.getByRole('button', { name: /Edit the procedure|Save as draft/ }).count()).resolves.toBe(0);
  await screenshot(page, 'settings-read-only');
});
