import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { PERSONAS } from '../../sandbox/jira';
import { SCREENSHOT_DIR, screenshot } from './support/browser';
import { sandboxAndBrowser } from './support/lifecycle';
import { actAs } from './support/sandbox-server';

/**
 * R24 the audit evidence pack in Chromium on the seeded sandbox: Mark (an approver) produces the
 * year's pack, draws a sample with a seed and draws it again from the seed, exports it (each export
 * recorded in the audit trail) and prints the HTML to an A4 PDF; light and dark screenshots at
 * 1280×800. Rita (a responder) is told why she cannot produce it.
 */
jest.setTimeout(300_000);

const env = sandboxAndBrowser({ seeded: true });

async function download(page: Page, trigger: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return readFileSync(await file.path(), 'utf8');
}

async function openTab(page: Page): Promise<FrameLocator> {
  await page.goto(`${env.running.url}/projects/SEC/lessons-learned`);
  const frame = page.frameLocator('iframe[title="Lessons learned"]');
  await frame.getByRole('tab', { name: 'Evidence pack' }).click();
  return frame;
}

function packEvents(): { accountId: string; change: { kind: string; format?: string; sample?: { seed: number } } }[] {
  const rows = env.running.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'audit-event'`).all() as { value: string }[];
  return rows.map((row) => JSON.parse(row.value) as { recordKey: string; accountId: string; change: { kind: string } }).filter((event) => event.recordKey === 'evidence-pack-SEC');
}

test('an approver produces the year’s pack, samples it from a seed, exports it and prints it to PDF', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: true });
  await actAs(context, env.running.url, 'mark', 'light');
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  const frame = await openTab(page);
  const pack = frame.locator('section[aria-labelledby="evidence-heading"]');

  await pack.getByRole('button', { name: 'Last 12 months' }).click();
  await pack.getByRole('button', { name: 'Produce evidence pack' }).click();
  // Paging shows its progress, then the ten questions.
  await pack.getByRole('button', { name: 'Produce again' }).waitFor({ timeout: 60_000 });
  const summary = pack.locator('table.evidence-summary tbody tr');
  expect(await summary.count()).toBe(10);
  await pack.getByRole('heading', { name: /^1\. Does a documented process/ }).waitFor();
  await pack.getByRole('heading', { name: /^10\. Is the incident process itself reviewed/ }).waitFor();
  // R26 in the header; statuses carry words, not only colour.
  const attributes = pack.getByLabel('Control attributes (ISO/IEC 27002:2022)');
  for (const value of ['Preventive', 'Confidentiality', 'Integrity', 'Availability', 'Identify', 'Protect', 'Information security event management', 'Defence']) await attributes.getByText(value, { exact: true }).waitFor();
  expect(await pack.locator('.evidence-status').first().textContent()).toMatch(/(Evidenced|Gaps found|No evidence)$/);
  // The walkthrough of one incident sits beside the pack, on the same tab.
  await frame.getByRole('heading', { name: 'Walk through one incident' }).waitFor();

  // A sample from a seed, and the same sample again from the same seed.
  const sampleSection = pack.locator('#evidence-sample');
  await sampleSection.getByLabel(/^Seed/).fill('20261204');
  await sampleSection.getByRole('button', { name: 'Draw sample' }).click();
  await sampleSection.locator('.sample-seed', { hasText: '20261204' }).waitFor();
  const sampled = async () => sampleSection.getByRole('table', { name: 'Sampled incidents' }).locator('tbody tr td:first-child').allInnerTexts();
  const first = await sampled();
  expect(first.length).toBe(5);
  await sampleSection.getByLabel(/^Seed/).fill('7');
  await sampleSection.getByRole('button', { name: 'Draw sample' }).click();
  await sampleSection.locator('.sample-seed', { hasText: /^7$/ }).waitFor();
  expect(await sampled()).not.toEqual(first);
  await sampleSection.getByLabel(/^Seed/).fill('20261204');
  await sampleSection.getByRole('button', { name: 'Draw sample' }).click();
  await sampleSection.locator('.sample-seed', { hasText: '20261204' }).waitFor();
  expect(await sampled()).toEqual(first);

  await screenshot(page, 'dashboard-evidence-pack-light');
  await pack.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-evidence-pack-detail-light.png') });

  // Exports: each recorded in the audit trail before the file is handed over.
  const before = packEvents().length;
  const html = await download(page, pack.getByRole('button', { name: 'Print-ready HTML' }));
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).toContain('<dt>Seed</dt><dd>20261204</dd>');
  expect(html).not.toMatch(/<script/i);
  const json = JSON.parse(await download(page, pack.getByRole('button', { name: 'JSON (raw records)' }))) as { format: string; records: { incidents: unknown[] }; sample: { seed: number } };
  expect(json.format).toBe('lessons-learned-evidence-pack');
  expect(json.sample.seed).toBe(20261204);
  expect(json.records.incidents.length).toBeGreaterThan(10);
  const log = await download(page, pack.getByRole('button', { name: 'Corrective actions log (CSV)' }));
  expect(log.replace(/^\ufeff/, '').split('\r\n')[0]).toMatch(/^"Jira issue","Action id","Incident"/);
  const risks = await download(page, pack.getByRole('button', { name: 'Risk register (CSV)' }));
  expect(risks.split('\r\n').length).toBeGreaterThan(2);
  const exported = packEvents().slice(before);
  expect(exported.map((event) => [event.accountId, event.change.kind, event.change.format])).toEqual(
    expect.arrayContaining(['html', 'json', 'csv-actions', 'csv-risks'].map((format) => [PERSONAS.mark.accountId, 'evidence-pack-exported', format])),
  );
  expect(exported.find((event) => event.change.format === 'html')?.change.sample?.seed).toBe(20261204);

  // Print → PDF: the exported HTML on A4 in Chromium.
  const print = await context.newPage();
  await print.setContent(html);
  await print.emulateMedia({ media: 'print' });
  const pdf = await print.pdf({ format: 'A4', printBackground: true });
  writeFileSync(path.join(SCREENSHOT_DIR, 'evidence-pack.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  await print.setViewportSize({ width: 794, height: 1123 });
  await print.screenshot({ path: path.join(SCREENSHOT_DIR, 'evidence-pack-print-page1.png') });
  await print.close();

  expect(errors).toEqual([]);
  await context.close();
});

test('a custom period in the dark theme, with its progress while paging', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' });
  await actAs(context, env.running.url, 'mark', 'dark');
  const page = await context.newPage();
  const frame = await openTab(page);
  const pack = frame.locator('section[aria-labelledby="evidence-heading"]');
  // Custom months, with Jira slowed down so the paging's progress can be seen.
  await pack.getByRole('button', { name: 'Custom months' }).click();
  await pack.getByLabel('From month').fill('2026-01');
  await pack.getByLabel('To month').fill('2026-06');
  env.running.sandbox.runtime.faults.configure({ jira: { latencyMs: 250 } });
  await pack.getByRole('button', { name: 'Produce evidence pack' }).click();
  const progress = pack.getByRole('progressbar', { name: 'Producing the evidence pack' });
  await progress.waitFor();
  await pack.getByRole('status').filter({ hasText: /% · Loading / }).waitFor();
  await screenshot(page, 'dashboard-evidence-pack-progress-dark');
  await pack.getByRole('button', { name: 'Produce again' }).waitFor({ timeout: 60_000 });
  env.running.sandbox.runtime.faults.configure({});
  await pack.getByRole('heading', { name: /^SEC · Jan 2026 – Jun 2026$/ }).waitFor();
  await pack.locator('#evidence-sample').getByRole('button', { name: 'Draw sample' }).click();
  await pack.locator('#evidence-sample .sample-seed').waitFor();
  await screenshot(page, 'dashboard-evidence-pack-dark');
  await pack.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-evidence-pack-detail-dark.png') });
  await context.close();
});

test('a responder is told why the pack is not theirs to produce', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await actAs(context, env.running.url, 'rita', 'light');
  const page = await context.newPage();
  const frame = await openTab(page);
  const pack = frame.locator('section[aria-labelledby="evidence-heading"]');
  const before = packEvents().length;
  await pack.getByRole('button', { name: 'Produce evidence pack' }).click();
  const refusal = pack.getByRole('alert');
  await refusal.getByText('You cannot produce the evidence pack').waitFor();
  expect(await refusal.innerText()).toMatch(/Only members of the group "isms-approvers" or project admins/);
  expect(await pack.locator('.evidence-result').count()).toBe(0);
  expect(packEvents().length).toBe(before);
  await screenshot(page, 'dashboard-evidence-pack-refused-light');
  await context.close();
});
