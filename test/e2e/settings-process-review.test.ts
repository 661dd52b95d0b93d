import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * R25 on the project settings page in Chromium: an approver records a review of the incident
 * process (date, participants from Jira, the period's figures pre-filled, findings, an action that
 * becomes a Jira issue, next review date), reloads and sees it; a member sees it read-only.
 */
jest.setTimeout(60_000);

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

async function open(projectKey: string): Promise<FrameLocator> {
  await page.goto(`${env.running.url}/projects/${projectKey}/settings/lessons-learned`);
  const frame = page.frameLocator('iframe[title="Lessons learned settings"]');
  await frame.getByRole('heading', { name: /Lessons learned settings · / }).waitFor();
  await frame.getByRole('heading', { name: 'Process review' }).waitFor();
  return frame;
}

async function pickPerson(frame: FrameLocator, inputLabel: string, query: string, name: string): Promise<void> {
  await frame.getByRole('combobox', { name: inputLabel }).fill(query);
  await frame.getByRole('option', { name }).click();
}

test('an approver records a process review, reloads and sees it with its action issue', async () => {
  await actAs(context, env.running.url, 'mark');
  let frame = await open('SEC');
  await frame.getByText('The incident process has not been reviewed yet').waitFor();
  await frame.getByRole('button', { name: 'Record a process review' }).click();
  const form = frame.getByRole('form', { name: 'Record a process review' });
  // The period's figures come from the app's records.
  await form.getByRole('table', { name: 'Figures of the period' }).getByText('Reviews approved or closed').waitFor();

  await form.getByLabel('Review date', { exact: true }).fill('2026-01-20');
  await form.getByLabel('Next review date', { exact: true }).fill('2027-01-20');
  await pickPerson(frame, 'Find a person for participants', 'Mark', 'Mark Manager');
  await pickPerson(frame, 'Find a person for participants', 'Rit', 'Rita Responder');
  await form.getByLabel('Other inputs').fill('Internal audit IA-2025-04; responder survey.');
  await form.getByLabel('Findings', { exact: true }).fill('Reviews of medium incidents are often skipped.\nOwners are not reminded before due dates.');
  await form.getByRole('button', { name: 'Add action' }).click();
  await form.getByLabel('Summary of action 1').fill('Make reviews mandatory for medium severity');
  await pickPerson(frame, 'Find a person for owner of action 1', 'Rit', 'Rita Responder');
  await form.getByLabel('Target date of action 1').fill('2026-04-30');
  await screenshot(page, 'settings-process-review-form');
  await form.getByRole('button', { name: 'Save process review' }).click();
  await frame.getByRole('status').getByText(/Process review of .* saved\./).waitFor();

  await page.reload();
  frame = await open('SEC');
  const table = frame.getByRole('table', { name: 'Process reviews' });
  const row = table.getByRole('row', { name: /Reviews of medium incidents are often skipped/ });
  await row.waitFor();
  await row.getByText('Mark Manager, Rita Responder').waitFor();
  await row.getByText(/^SEC-\d+$/).waitFor();
  await row.getByText('Make reviews mandatory for medium severity').waitFor();
  await frame.getByText(/Last reviewed on/).waitFor();
  await expect(frame.locator('body').textContent()).resolves.not.toContain('712020:');
  await screenshot(page, 'settings-process-review');
});

test('an overdue process review is flagged; a viewer sees the reviews read-only', async () => {
  await actAs(context, env.running.url, 'alice');
  let frame = await open('OPS');
  await frame.getByRole('button', { name: 'Record a process review' }).click();
  const form = frame.getByRole('form', { name: 'Record a process review' });
  await form.getByLabel('Review date', { exact: true }).fill('2024-01-10');
  await form.getByLabel('Next review date', { exact: true }).fill('2025-01-10');
  await pickPerson(frame, 'Find a person for participants', 'Alice', 'Alice Admin');
  await form.getByLabel('Findings', { exact: true }).fill('No change needed.');
  await form.getByRole('button', { name: 'Save process review' }).click();
  await frame.getByText('Process review overdue').waitFor();

  await actAs(context, env.running.url, 'owen', 'dark');
  frame = await open('OPS');
  await frame.getByText('Process review overdue').waitFor();
  await frame.getByRole('table', { name: 'Process reviews' }).getByText('No change needed.').waitFor();
  await expect(frame.getByRole('button', { name: 'Record a process review' }).count()).resolves.toBe(0);
  await screenshot(page, 'settings-process-review-overdue-dark');
});
