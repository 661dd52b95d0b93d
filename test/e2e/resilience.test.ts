import type { FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { check } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * How the panel behaves when the platform misbehaves, as a user sees it: progress while Jira is
 * slow, a clear retryable error when calls fail, and unsaved input kept in the form when a save
 * fails — then everything works once the platform recovers.
 */
jest.setTimeout(120_000);

const env = sandboxAndBrowser();
let page: Page;

beforeAll(async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await actAs(context, env.running.url, 'rita');
  page = await context.newPage();
});

afterEach(() => {
  env.running.sandbox.runtime.faults.configure({});
});

const panel = (): FrameLocator => page.frameLocator('iframe[title="Lessons learned"]');
/** More failures in a row than the Jira transport retries, so the call really fails. */
const jiraDown = (): void => {
  env.running.sandbox.runtime.faults.configure({ jira: { sequence: Array.from({ length: 8 }, () => 'server-error' as const) } });
};

test('slow Jira shows progress, then the panel', async () => {
  env.running.sandbox.runtime.faults.configure({ jira: { latencyMs: 700 } });
  await page.goto(`${env.running.url}/browse/SEC-30`);
  await check.visible(panel().getByRole('status', { name: /Loading/ }));
  await screenshot(page, 'resilience-panel-loading-light');
  await check.visible(panel().getByRole('heading', { name: 'No post-incident review yet' }));
});

test('a failed load shows a clear error with Try again, which recovers', async () => {
  jiraDown();
  await page.goto(`${env.running.url}/browse/SEC-31`);
  const alert = panel().getByRole('alert');
  await check.text(alert, 'Something went wrong');
  await check.text(alert, 'try again');
  await screenshot(page, 'resilience-load-error-light');
  env.running.sandbox.runtime.faults.configure({});
  await alert.getByRole('button', { name: 'Try again' }).click();
  await check.visible(panel().getByRole('heading', { name: 'No post-incident review yet' }));
});

test('a failed save keeps the typed input; saving again after recovery works', async () => {
  await page.goto(`${env.running.url}/browse/SEC-32`);
  await panel().getByRole('button', { name: 'Start review' }).click();
  const impact = panel().getByLabel('Impact');
  await check.visible(impact);
  const text = 'Customer records were exposed for two hours before the link was revoked.';
  await impact.fill(text);
  jiraDown();
  await panel().getByRole('button', { name: /^Save incident facts/ }).click();
  await check.text(panel().getByRole('alert').filter({ hasText: 'Not saved' }), 'Your input is kept');
  await check.value(impact, text);
  await screenshot(page, 'resilience-save-error-light');
  env.running.sandbox.runtime.faults.configure({});
  await panel().getByRole('button', { name: /^Save incident facts/ }).click();
  await check.text(panel().locator('.save-bar, [role="status"]').filter({ hasText: /Saved/ }).first(), 'Saved');
  await page.reload();
  await check.value(panel().getByLabel('Impact'), text);
});

test.each([
  ['project page', '/projects/SEC/lessons-learned', /^Lessons learned · /],
  ['settings page', '/projects/SEC/settings/lessons-learned', /^Lessons learned settings · /],
] as const)('the %s shows progress while Jira is slow, and a Try again that recovers when it fails', async (name, path, heading) => {
  await actAs(page.context(), env.running.url, 'alice');
  const app = page.frameLocator('iframe[title^="Lessons learned"]');
  env.running.sandbox.runtime.faults.configure({ jira: { latencyMs: 700 } });
  await page.goto(`${env.running.url}${path}`);
  await check.visible(app.getByRole('status', { name: /Loading/ }));
  await screenshot(page, `resilience-${name.replace(' ', '-')}-loading-light`);
  await check.visible(app.getByRole('heading', { name: heading }));

  jiraDown();
  await page.reload();
  const alert = app.getByRole('alert');
  await check.text(alert, 'Something went wrong');
  await screenshot(page, `resilience-${name.replace(' ', '-')}-error-light`);
  env.running.sandbox.runtime.faults.configure({});
  await alert.getByRole('button', { name: 'Try again' }).click();
  await check.visible(app.getByRole('heading', { name: heading }));
  await actAs(page.context(), env.running.url, 'rita');
});
