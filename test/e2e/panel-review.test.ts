import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { check } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * The lessons-learned panel end to end, in Chromium against the sandbox: a responder runs a
 * whole post-incident review (R1–R6, R12, R22, R23), and the guard rails hold — field errors
 * from the shared schemas, stale writes refused without losing input, viewers read only.
 */
jest.setTimeout(120_000);

const env = sandboxAndBrowser();

const NARROW = { width: 1280, height: 900 }; // the issue panel is ~600px wide here
const WIDE = { width: 1920, height: 1000 }; // ~1240px wide panel

interface Session {
  context: BrowserContext;
  page: Page;
  panel: FrameLocator;
  /** Resolver calls the panel made (function keys, in order). */
  invokes: string[];
  /** Errors the panel logged or threw. */
  errors: string[];
}

async function open(persona: 'rita' | 'alice' | 'owen', issueKey: string, options: { colorMode?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Session> {
  const context = await env.browser.newContext({ viewport: options.viewport ?? NARROW, locale: 'en-GB', timezoneId: 'Europe/London' });
  await actAs(context, env.running.url, persona, options.colorMode ?? 'light');
  const page = await context.newPage();
  const invokes: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/sandbox/bridge/invoke')) return;
    const body = request.postDataJSON() as { functionKey?: string } | null;
    if (body?.functionKey) invokes.push(body.functionKey);
  });
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) errors.push(`${String(response.status())} ${response.url()}`); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}/browse/${issueKey}`);
  return { context, page, panel: page.frameLocator('iframe[title="Lessons learned"]'), invokes, errors };
}

const tab = (panel: FrameLocator, name: string) => panel.getByRole('tab', { name: new RegExp(`^${name}`) });

async function startReview(panel: FrameLocator): Promise<void> {
  await panel.getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  await panel.getByRole('button', { name: 'Start review' }).click();
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
}

async function save(panel: FrameLocator, button: string): Promise<void> {
  await panel.getByRole('button', { name: button }).click();
  await panel.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
}

async function pickPerson(panel: FrameLocator, inputLabel: string, query: string, name: string): Promise<void> {
  await panel.getByRole('combobox', { name: inputLabel }).fill(query);
  await panel.getByRole('option', { name }).click();
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/forge/'));
  if (!frame) throw new Error('no panel frame');
  const overflow = Number(await frame.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a responder runs the whole review, requests approval, and everything is kept', async () => {
  const { context, page, panel, invokes, errors } = await open('rita', 'SEC-5');
  await panel.getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  expect(invokes).toEqual(['getPanel']);
  await screenshot(page, 'panel-empty-light-narrow');
  await startReview(panel);

  // R1 facts
  await panel.getByLabel(/^Malicious/).check();
  await panel.getByLabel('Severity').selectOption('high');
  await panel.getByLabel('Confidentiality').check();
  await panel.getByLabel('Integrity').check();
  await panel.getByLabel('New asset').fill('HR system');
  await panel.getByRole('button', { name: 'Add asset' }).click();
  await panel.getByLabel('Impact').fill('Payroll data of 40 employees was readable by an external account for two hours.');
  const times = { Occurred: '2026-01-10T08:00', Detected: '2026-01-10T09:15', Reported: '2026-01-10T09:30', Contained: '2026-01-10T11:00', Resolved: '2026-01-12T17:00' };
  for (const [label, value] of Object.entries(times)) await panel.getByLabel(label, { exact: true }).fill(value);
  await panel.getByRole('button', { name: 'Add remediation step' }).click();
  await panel.getByLabel('Remediation step 1', { exact: true }).fill('Revoked the external sharing link and rotated the API key.');
  await check.visible(panel.getByRole('tab', { name: /Facts.*unsaved/ }));
  await save(panel, 'Save incident facts');
  await noHorizontalOverflow(page);
  await screenshot(page, 'panel-facts-light-narrow');

  // R2 timeline
  await tab(panel, 'Timeline').click();
  await panel.getByRole('heading', { name: 'Timeline' }).waitFor();
  await panel.getByLabel('When', { exact: true }).fill('2026-01-10T09:15');
  await panel.getByLabel('What happened', { exact: true }).fill('DLP alert on an externally shared payroll file.');
  await panel.getByRole('button', { name: 'Add event' }).click();
  await panel.getByLabel('Event 1', { exact: true }).waitFor();
  await save(panel, 'Save timeline');

  // R3 people, with the Jira user picker
  await tab(panel, 'People').click();
  await pickPerson(panel, 'Find a person for incident manager', 'Rit', 'Rita Responder');
  await panel.getByLabel('Meeting date and time').fill('2026-01-14T10:00');
  await pickPerson(panel, 'Find a person for attendees', 'Mark', 'Mark Manager');
  await save(panel, 'Save people and roles');
  await check.text(panel.getByRole('list', { name: 'Attendees: selected' }), 'Mark Manager');
  await check.noText(panel.locator('body'), '712020:');

  // R4 5 Whys: one chain of two steps, promoted to a root cause
  await tab(panel, '5 Whys').click();
  await panel.getByRole('button', { name: 'Add a why-chain' }).click();
  await panel.getByLabel('Problem statement (chain 1)').fill('Payroll data was shared with an external account');
  await panel.getByLabel('Because 1', { exact: true }).fill('The sharing setting allowed external links by default');
  await panel.getByRole('button', { name: 'Ask why again' }).click();
  await panel.getByLabel('Because 2', { exact: true }).fill('The tenant baseline was never reviewed after the migration');
  await panel.getByLabel('Root-cause category for chain 1').selectOption('change-configuration');
  await panel.getByRole('button', { name: 'Promote chain 1 to root cause' }).click();
  await check.text(panel.locator('.promoted'), 'The tenant baseline was never reviewed after the migration');
  await check.text(panel.locator('.promoted'), 'Change and configuration management');

  // R5 fishbone: a cause under Process, promoted
  await tab(panel, 'Fishbone').click();
  await panel.getByLabel('Effect (the head of the fish)').fill('Payroll data exposed externally');
  await panel.getByLabel('New cause in Process').fill('No second check before sharing sensitive files');
  await panel.getByRole('button', { name: 'Add cause to Process' }).click();
  await panel.getByLabel('New cause in Technology').fill('DLP only alerts, does not block');
  await panel.getByRole('button', { name: 'Add cause to Technology' }).click();
  await panel.locator('svg.fishbone-svg').waitFor();
  await panel.getByLabel('Root-cause category for cause “No second check before sharing sensitive files”').selectOption('policy-process');
  await panel.getByRole('button', { name: 'Promote cause “No second check before sharing sensitive files” to root cause' }).click();
  await check.text(panel.locator('.promoted'), 'Policy and process gaps');
  await check.count(panel.getByRole('tab', { name: /Fishbone.*unsaved/ }), 0);
  await noHorizontalOverflow(page);
  await screenshot(page, 'panel-fishbone-light-narrow');

  // R6 root causes: two, each with its category and origin
  await tab(panel, 'Root causes').click();
  await check.count(panel.getByRole('heading', { name: /^Root cause \d$/ }), 2);
  await check.visible(panel.getByText('From 5 Whys: why-chain 1'));
  await check.visible(panel.getByText('From fishbone: Process'));
  await check.value(panel.getByLabel('Category').first(), 'change-configuration');
  await check.value(panel.getByLabel('Category').nth(1), 'policy-process');

  // R12 lessons: seven typed answers, the root cause derived
  await tab(panel, 'Lessons').click();
  await check.text(panel.locator('.derived-answer'), 'The tenant baseline was never reviewed after the migration (Change and configuration management)');
  const answers: Record<string, string> = {
    'What was the incident?': 'Payroll file shared externally.',
    'What happened?': 'A default sharing setting allowed an external link.',
    'What was the impact?': 'Exposure of payroll data for two hours.',
    'How effective was the response?': 'Contained within two hours of detection.',
    'What went well?': 'DLP alert and quick revocation.',
    'What would we do differently?': 'Block external sharing of HR data.',
    'What improvements are needed so that it does not happen again?': 'Review the tenant baseline after each migration.',
  };
  for (const [question, answer] of Object.entries(answers)) await panel.getByLabel(question, { exact: true }).fill(answer);
  await save(panel, 'Save lessons learned');

  // R22 workflow: submit, then request approval with a complete checklist
  await tab(panel, 'Workflow').click();
  await panel.getByRole('button', { name: 'Submit for review' }).click();
  await check.exactText(panel.locator('.review-title .lozenge'), 'In review');
  const request = panel.getByRole('button', { name: 'Request approval' });
  await check.enabled(request);
  await check.count(panel.locator('.checklist li.missing'), 0);
  await screenshot(page, 'panel-workflow-light-narrow');
  await request.click();
  await check.exactText(panel.locator('.review-title .lozenge'), 'Awaiting approval');

  // After each save and move the panel used the returned review: one getPanel only.
  expect(invokes.filter((key) => key === 'getPanel')).toHaveLength(1);
  expect(invokes).not.toContain('getReviewHistory');

  // Everything was stored: a fresh load shows it, read only while awaiting approval.
  await page.reload();
  await check.exactText(panel.locator('.review-title .lozenge'), 'Awaiting approval');
  await check.visible(panel.getByText('This review is awaiting approval, so it cannot be changed.', { exact: false }));
  await check.value(panel.getByLabel('Impact'), 'Payroll data of 40 employees was readable by an external account for two hours.');
  await check.value(panel.getByLabel('Detected', { exact: true }), '2026-01-10T09:15');
  await check.value(panel.getByLabel('Severity'), 'high');
  await check.count(panel.getByRole('button', { name: 'Save incident facts' }), 0);
  await tab(panel, 'People').click();
  await check.text(panel.getByRole('list', { name: 'Incident manager: selected' }), 'Rita Responder');
  await tab(panel, 'Root causes').click();
  await check.count(panel.getByRole('heading', { name: /^Root cause \d$/ }), 2);

  // R23 history: loaded when opened, names not ids, newest first
  await tab(panel, 'History').click();
  await panel.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first().waitFor();
  const first = panel.locator('.history-event').first();
  await check.text(first, 'Rita Responder');
  await check.text(first, 'moved the review: in review → awaiting approval');
  await check.text(panel.locator('.history'), 'Mark Manager');
  await check.noText(panel.locator('.history'), '712020:');
  await screenshot(page, 'panel-history-light-narrow');
  expect(errors).toEqual([]);
  await context.close();
});

test.each([
  ['dark', 'wide', WIDE],
  ['dark', 'narrow', NARROW],
  ['light', 'wide', WIDE],
] as const)('the review reads well in the %s theme at %s width', async (colorMode, width, viewport) => {
  const { context, page, panel, errors } = await open('rita', 'SEC-5', { colorMode, viewport });
  await check.exactText(panel.locator('.review-title .lozenge'), 'Awaiting approval');
  expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(colorMode);
  await noHorizontalOverflow(page);
  await screenshot(page, `panel-facts-${colorMode}-${width}`);
  for (const name of ['Fishbone', 'Workflow', 'People'] as const) {
    await tab(panel, name).click();
    await panel.getByRole('tabpanel').getByRole('heading', { level: 2 }).first().waitFor();
    if (name === 'Fishbone') await panel.locator('svg.fishbone-svg').waitFor();
    if (name === 'People') await check.text(panel.getByRole('list', { name: 'Attendees: selected' }), 'Mark Manager');
    await noHorizontalOverflow(page);
    await screenshot(page, `panel-${name.toLowerCase()}-${colorMode}-${width}`);
  }
  expect(errors).toEqual([]);
  await context.close();
});

test('key times out of order show the domain message at the field, and nothing is saved', async () => {
  const { context, page, panel, invokes } = await open('rita', 'SEC-6');
  await startReview(panel);
  await panel.getByLabel('Occurred', { exact: true }).fill('2026-02-01T12:00');
  await panel.getByLabel('Detected', { exact: true }).fill('2026-02-01T10:00');
  await panel.getByLabel('Impact').focus();
  const detected = panel.getByLabel('Detected', { exact: true });
  await check.attribute(detected, 'aria-invalid', 'true');
  const describedBy = (await detected.getAttribute('aria-describedby')) ?? '';
  await check.text(panel.locator(`[id="${describedBy}"]`), 'Detected time must not be before occurred time');

  await panel.getByRole('button', { name: 'Save incident facts' }).click();
  await check.visible(panel.getByRole('alert').filter({ hasText: /Fix (this problem|these \d+ problems) before saving/ }));
  await check.visible(panel.getByText('Nothing was saved.'));
  expect(invokes).not.toContain('saveReviewSection');
  await screenshot(page, 'panel-timestamp-error-light-narrow');

  await page.reload();
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  await check.value(panel.getByLabel('Occurred', { exact: true }), '');
  await context.close();
});

test('a second editor saving after the first gets the conflict, keeps their input, and can reload', async () => {
  const first = await open('rita', 'SEC-7');
  await startReview(first.panel);
  const second = await open('alice', 'SEC-7');
  await second.panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();

  await first.panel.getByLabel('Impact').fill('Impact as Rita describes it.');
  await save(first.panel, 'Save incident facts');

  const mine = 'Impact as Alice describes it — must not be lost.';
  await second.panel.getByLabel('Impact').fill(mine);
  await second.panel.getByRole('button', { name: 'Save incident facts' }).click();
  const banner = second.panel.getByRole('alert').filter({ hasText: 'Someone else changed this review' });
  await check.text(banner, 'changed by Rita Responder');
  await check.text(banner, 'reload to see their change');
  await check.value(second.panel.getByLabel('Impact'), mine);
  await screenshot(second.page, 'panel-conflict-light-narrow');

  await banner.getByRole('button', { name: 'Reload' }).click();
  await check.count(banner, 0);
  await check.value(second.panel.getByLabel('Impact'), mine);
  await check.visible(second.panel.getByText(/version 2/));
  await save(second.panel, 'Save incident facts');
  await first.context.close();
  await second.context.close();
});

test('a viewer sees the review read only and cannot start one', async () => {
  const rita = await open('rita', 'SEC-8');
  await startReview(rita.panel);
  await rita.context.close();

  const owen = await open('owen', 'SEC-8');
  await owen.panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  await check.visible(owen.panel.getByText('You can read this review but not change it'));
  await check.attribute(owen.panel.getByLabel('Impact'), 'readonly', '');
  await check.count(owen.panel.getByRole('button', { name: /^Save / }), 0);
  await tab(owen.panel, 'Timeline').click();
  await check.count(owen.panel.getByRole('button', { name: 'Add event' }), 0);
  await tab(owen.panel, 'Workflow').click();
  await check.count(owen.panel.getByRole('button', { name: 'Submit for review' }), 0);
  await screenshot(owen.page, 'panel-viewer-light-narrow');
  await owen.page.goto(`${env.running.url}/browse/SEC-9`);
  await owen.panel.getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  await check.count(owen.panel.getByRole('button', { name: 'Start review' }), 0);
  await check.visible(owen.panel.getByText(/Only people who can edit SEC-9/));
  await owen.context.close();
});
