import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Envelope } from '../../src/api/envelope';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../src/api/resolvers';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { screenshot } from './support/browser';
import { actAs } from './support/sandbox-server';
import { until } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * R15 "Share lessons" in the issue panel, in Chromium on the seeded sandbox: Rita shares the
 * lessons of a closed review with Owen as staff; Jira's outbox holds exactly one notification to
 * Owen, the panel lists the share, and the same share again is not sent twice. Before approval the
 * panel says why sharing is unavailable.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });

async function invoke<K extends FunctionKey>(persona: PersonaName, key: K, payload: ResolverInput<K>): Promise<ResolverOutput<K>> {
  const { accountId } = PERSONAS[persona];
  const context = env.running.sandbox.app.frameContext(accountId, { type: 'jira:issuePanel' }, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
  const envelope = (await env.running.sandbox.app.invoke(accountId, context, key, payload)) as Envelope<ResolverOutput<K>>;
  if (!envelope.ok) throw new Error(`${key} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}

interface Session {
  context: BrowserContext;
  page: Page;
  panel: FrameLocator;
  errors: string[];
}

async function open(persona: PersonaName, issueKey: string): Promise<Session> {
  // The issue panel is ~600px wide at this viewport.
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  await actAs(context, env.running.url, persona, 'light');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}/browse/${issueKey}`);
  const panel = page.frameLocator('iframe[title="Lessons learned"]');
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  return { context, page, panel, errors };
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/forge/'));
  if (!frame) throw new Error('no panel frame');
  const overflow = Number(await frame.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
}

async function incidentIn(stages: readonly string[]): Promise<string> {
  let cursor: string | undefined;
  do {
    const page = await invoke('mark', 'searchLessons', { projectKey: 'SEC', ...(cursor === undefined ? {} : { cursor }) });
    const hit = page.items.find((item) => stages.includes(item.stage));
    if (hit !== undefined) return hit.issueKey;
    cursor = page.cursor;
  } while (cursor !== undefined);
  throw new Error(`no SEC review in ${stages.join(', ')}`);
}

test('Rita shares the lessons of a closed review with Owen as staff; it is sent once and listed', async () => {
  const issueKey = await incidentIn(['closed']);
  env.running.sandbox.jira.clearNotifications();
  const { context, page, panel, errors } = await open('rita', issueKey);

  const toggle = panel.getByRole('button', { name: 'Share lessons' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const share = panel.getByRole('region', { name: 'Share lessons' });
  await share.waitFor();
  expect(await panel.getByRole('button', { name: 'Hide sharing' }).getAttribute('aria-expanded')).toBe('true');
  await share.getByRole('heading', { name: 'Shared so far' }).waitFor();
  await share.getByText('Not shared yet.').waitFor();

  // Staff: what happened and what to do — shown as text, the HTML body is never rendered.
  await share.getByRole('radio', { name: /^Staff/ }).check();
  const preview = share.getByLabel('Preview of the staff summary');
  await until(async () => { expect(((await preview.textContent()) ?? '').length).toBeGreaterThan(40); });
  const previewText = (await preview.textContent()) ?? '';
  expect(previewText).not.toMatch(/<\/?(p|h\d|ul|li|strong)>/);
  expect(await preview.locator('*').count()).toBe(0);
  expect(await share.locator('.share-subject strong').textContent()).toContain(issueKey);

  // Management gets another summary; back to staff.
  await share.getByRole('radio', { name: /^Management/ }).check();
  const managementPreview = share.getByLabel('Preview of the management summary');
  await until(async () => { expect((await managementPreview.textContent()) ?? '').not.toBe(previewText); });
  await share.getByRole('radio', { name: /^Staff/ }).check();
  await until(async () => { expect(await preview.textContent()).toBe(previewText); });

  // No recipient: refused at the form, nothing sent.
  await share.getByRole('button', { name: 'Send' }).click();
  await share.getByText('Pick at least one person or project role.').waitFor();
  expect(env.running.sandbox.jira.notifications()).toHaveLength(0);

  await share.getByRole('combobox', { name: 'Find a person for people' }).fill('Owen');
  await share.getByRole('option', { name: 'Owen Owner' }).click();
  await share.getByLabel('Note (optional)').fill('Please read before Friday’s team meeting.');
  await share.getByRole('button', { name: 'Send' }).click();
  await share.getByRole('status').filter({ hasText: 'Sent — Jira accepted the notification.' }).waitFor();

  const sent = env.running.sandbox.jira.notifications();
  expect(sent).toHaveLength(1);
  expect(sent[0]?.issueKey).toBe(issueKey);
  expect(sent[0]?.recipients).toEqual([PERSONAS.owen.accountId]);
  expect(sent[0]?.senderAccountId).toBe(PERSONAS.rita.accountId);
  expect(sent[0]?.textBody).toContain('Please read before Friday');

  // The panel lists the share: who, to whom, when, which version.
  const list = share.getByRole('list', { name: 'Earlier shares' });
  const item = list.locator('> li');
  await until(async () => { expect(await item.count()).toBe(1); });
  await until(async () => {
    const text = (await item.first().textContent()) ?? '';
    expect(text).toContain('Staff summary');
    expect(text).toContain('Sent');
    expect(text).toContain('To Owen Owner');
    expect(text).toContain('By Rita Responder');
    expect(text).toMatch(/review version \d+ \(closed\)/);
  });
  await noHorizontalOverflow(page);
  await screenshot(page, 'panel-share-lessons-light');

  // The same share again (a second click) is not sent twice.
  await share.getByRole('button', { name: 'Send' }).click();
  await share.getByRole('status').filter({ hasText: /^Already sent on / }).waitFor();
  expect(env.running.sandbox.jira.notifications()).toHaveLength(1);
  await until(async () => { expect(await item.count()).toBe(1); });

  expect(errors).toEqual([]);
  await context.close();
});

test('before approval the panel says why lessons cannot be shared yet', async () => {
  const issueKey = await incidentIn(['in_review', 'draft', 'awaiting_approval']);
  const { context, page, panel, errors } = await open('rita', issueKey);
  await panel.getByRole('button', { name: 'Share lessons' }).click();
  const share = panel.getByRole('region', { name: 'Share lessons' });
  await share.getByText(/Lessons can be shared once management has approved the review/).waitFor();
  expect(await share.getByRole('button', { name: 'Send' }).count()).toBe(0);
  await noHorizontalOverflow(page);
  expect(errors).toEqual([]);
  await context.close();
});
