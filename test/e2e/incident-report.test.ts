import { readFileSync } from 'node:fs';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Envelope } from '../../src/api/envelope';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../src/api/resolvers';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { screenshot } from './support/browser';
import { sandboxAndBrowser } from './support/lifecycle';
import { actAs } from './support/sandbox-server';

/**
 * R13 the lessons-learned report in Chromium against the seeded sandbox: open it from the panel
 * of a fully filled incident, download the HTML, print it to PDF (several pages, the content), look
 * at it in print media, light and dark panels, then attach it and find it in the Jira issue view.
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

/** A closed seeded incident whose actions were completed, verified and judged: the fullest record there is. */
async function fullyFilledIncident(): Promise<string> {
  for (let number = 1; number <= 80; number++) {
    const issueKey = `SEC-${String(number)}`;
    if (env.running.sandbox.jira.state.issues.byIdOrKey(issueKey) === undefined) break;
    const view = await invoke('mark', 'getIncidentReport', { issueKey, paper: 'A4' });
    const { report } = view;
    const complete = report.incident.reviewStage === 'Closed' && report.actions.length > 0 && report.actions.every((action) => action.verification !== null) && report.timeline.length > 0;
    if (complete) return issueKey;
  }
  throw new Error('the seed has no closed incident with verified actions');
}

interface Session {
  context: BrowserContext;
  page: Page;
  panel: FrameLocator;
  errors: string[];
}

async function open(persona: PersonaName, issueKey: string, colorMode: 'light' | 'dark'): Promise<Session> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  await actAs(context, env.running.url, persona, colorMode);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}/browse/${issueKey}`);
  const panel = page.frameLocator('iframe[title="Lessons learned"]');
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  return { context, page, panel, errors };
}

async function openReport(panel: FrameLocator, issueKey: string): Promise<void> {
  await panel.getByRole('button', { name: 'Report', exact: true }).click();
  await panel.getByRole('heading', { name: 'Lessons-learned report' }).waitFor();
  await panel.frameLocator(`iframe[title="Lessons-learned report of ${issueKey}"]`).getByRole('heading', { level: 1 }).waitFor();
}

let issueKey = '';

beforeAll(async () => {
  issueKey = await fullyFilledIncident();
});

test('open the report from the panel, download the HTML, print it to a multi-page PDF and look at it in print media', async () => {
  const { context, page, panel, errors } = await open('rita', issueKey, 'light');
  await openReport(panel, issueKey);
  const preview = panel.frameLocator(`iframe[title="Lessons-learned report of ${issueKey}"]`);
  await expect(preview.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(issueKey);
  await screenshot(page, 'report-panel-light');

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download HTML' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^lessons-learned-${issueKey}-[0-9a-f]{12}\\.html$`));
  const html = readFileSync(await download.path(), 'utf8');
  await panel.getByText(/^Downloaded and recorded in the history/).waitFor();
  const history = await invoke('rita', 'getReviewHistory', { issueKey });
  expect(history.events[0]).toMatchObject({ kind: 'report-exported', by: PERSONAS.rita.accountId });

  await panel.getByRole('button', { name: 'Print' }).click();
  await panel.getByText(/^Printed and recorded in the history/).waitFor();

  const printed = await context.newPage();
  await printed.setContent(html, { waitUntil: 'load' });
  const text = await printed.locator('body').innerText();
  for (const heading of ['1. Incident', '2. Facts', '3. Timeline', '4. People and attendance', '5. Root cause analysis', '6. Root causes', '7. Decisions and approval', '8. Risks', '9. Corrective and improvement actions', '11. Lessons learned', '12. Communication', '13. Audit trail']) {
    expect(text).toContain(heading);
  }
  expect(text).toMatch(/Control type\s+Preventive/);
  expect(text).toContain('Verified by');
  expect(await printed.locator('figure.fishbone svg').count()).toBe(1);
  await printed.emulateMedia({ media: 'print' });
  await printed.setViewportSize({ width: 794, height: 1123 });
  await screenshot(printed, 'report-print-a4');
  const pdf = await printed.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pdf.length).toBeGreaterThan(30_000);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  // The report's @page size: A4 is 595 × 842 points.
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  expect(errors).toEqual([]);
  await context.close();
});

test('Letter paper, the dark panel, and attaching: the hash and time, then "already attached" and the file in the Jira issue view', async () => {
  const { context, page, panel, errors } = await open('rita', issueKey, 'dark');
  await openReport(panel, issueKey);
  await panel.getByLabel('Letter').check();
  await panel.frameLocator(`iframe[title="Lessons-learned report of ${issueKey}"]`).getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, 'report-panel-dark');

  await panel.getByRole('button', { name: 'Attach to issue' }).click();
  const attached = panel.getByText(/^Attached to the issue\./);
  await attached.waitFor();
  const status = await panel.getByRole('status').filter({ hasText: 'SHA-256' }).textContent();
  const hash = /SHA-256 ([0-9a-f]{64})/.exec(status ?? '')?.[1];
  expect(hash).toBeDefined();
  await screenshot(page, 'report-attached-dark');

  await panel.getByRole('button', { name: 'Attach to issue' }).click();
  await panel.getByText(/^Already attached — this exact report is on the issue; nothing was added\./).waitFor();
  const issue = env.running.sandbox.jira.state.issues.byIdOrKey(issueKey);
  const files = issue === undefined ? [] : env.running.sandbox.jira.state.issues.attachmentsOf(issue.id);
  expect(files).toHaveLength(1);

  await page.goto(`${env.running.url}/browse/${issueKey}`);
  const listed = page.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: `lessons-learned-${issueKey}-${(hash ?? '').slice(0, 12)}.html` });
  await listed.waitFor();
  await screenshot(page, 'report-issue-attachments-dark');
  expect(errors).toEqual([]);
  await context.close();
});
