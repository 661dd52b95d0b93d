import { readFileSync } from 'node:fs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { until } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';
import { openAs } from './support/session';

/**
 * The project page end to end, in Chromium on the seeded sandbox (a year of reviews, actions
 * done on time, late and overdue, risks): a manager sees overdue actions, KPIs with their
 * definitions and the trend chart, filters, searches the lessons library and downloads CSVs.
 */
jest.setTimeout(180_000);

const env = sandboxAndBrowser({ seeded: true });

type Session = Awaited<ReturnType<typeof openAs>> & { frame: FrameLocator };

async function open(persona: 'mark'): Promise<Session> {
  const session = await openAs(env, persona, '/projects/SEC/lessons-learned', { viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  return { ...session, frame: session.app };
}

const rowsOf = (table: Locator) => table.locator('tbody tr');

async function download(page: Page, trigger: Locator): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  return readFileSync(path, 'utf8');
}

test('a manager sees overdue actions, KPIs and trends, filters and downloads the list', async () => {
  const { context, page, frame, invokes, errors } = await open('mark');
  const overdue = frame.locator('section[aria-labelledby="overdue-heading"]');
  await overdue.locator('tbody tr').first().waitFor();

  // The page loads with exactly two invokes: the summary and the first page of overdue actions.
  expect([...invokes].sort()).toEqual(['getDashboardSummary', 'listOverdueActions']);

  const counts = frame.getByRole('list', { name: 'At a glance' });
  const overdueCount = Number(await counts.locator('.count-card').first().locator('.count-value').textContent());
  expect(overdueCount).toBeGreaterThan(0);
  expect(await rowsOf(overdue).count()).toBe(Math.min(overdueCount, 20));
  // Each row: a linked action issue, owner, days overdue > 0, the incident and its category.
  const firstRow = rowsOf(overdue).first();
  expect(await firstRow.locator('.issue-link button').first().textContent()).toMatch(/^SEC-\d+/);
  expect(Number(await firstRow.locator('td.numeric').textContent())).toBeGreaterThan(0);

  // Filter by owner: every row left belongs to that owner.
  const owner = overdue.getByLabel('Owner');
  const ownerName = (await owner.locator('option').nth(1).textContent())?.replace(/ \(\d+ open\)$/, '') ?? '';
  await owner.selectOption({ index: 1 });
  await until(async () => {
    const names = await rowsOf(overdue).locator('.person').allTextContents();
    expect(names.length === 0 || names.every((name) => name.includes(ownerName))).toBe(true);
  });
  await owner.selectOption({ value: '' });
  await until(async () => { expect(await rowsOf(overdue).count()).toBe(Math.min(overdueCount, 20)); });

  // "Due in the next 14 days" is the same list for the near future.
  await overdue.getByRole('radio', { name: /Due in 14 days/ }).click();
  await until(async () => { expect(await overdue.getByRole('heading', { name: 'Actions due in the next 14 days' }).count()).toBe(1); });
  await overdue.getByRole('radio', { name: /Overdue/ }).click();
  await until(async () => { expect(await rowsOf(overdue).count()).toBe(Math.min(overdueCount, 20)); });

  // CSV of what is shown, safe for spreadsheets.
  const csv = await download(page, overdue.getByRole('button', { name: 'Download CSV' }));
  const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toBe('"Action","Summary","Status","Owner","Target date","Days overdue","Incident","Root-cause category"');
  expect(lines).toHaveLength(Math.min(overdueCount, 20) + 1);

  // KPIs: this period and the previous one, each with a definition reachable by keyboard.
  const kpis = frame.locator('section[aria-labelledby="kpi-heading"]');
  expect(await kpis.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
  const info = kpis.getByRole('button', { name: 'Definition of Actions closed on time' });
  await info.focus();
  await page.keyboard.press('Enter');
  await until(async () => { expect(await kpis.getByText(/on or before their target date/).isVisible()).toBe(true); });
  await kpis.getByRole('radio', { name: 'Last 12 months' }).click();
  const onTime = kpis.locator('tr', { hasText: 'Actions closed on time' }).locator('td.numeric').first();
  expect(await onTime.textContent()).toMatch(/^\d+%\d+ of \d+ actions$/);
  const kpiCsv = await download(page, kpis.getByRole('button', { name: 'Download CSV' }));
  expect(kpiCsv).toContain('"Mean time to detect"');

  // The trend chart, and the same figures as a table.
  const trends = frame.locator('section[aria-labelledby="trends-heading"]');
  await trends.locator('svg.chart-svg rect').first().waitFor();
  expect(await trends.locator('.legend li').count()).toBeGreaterThan(1);
  await trends.getByRole('radio', { name: 'Quarters' }).click();
  await trends.getByRole('button', { name: 'Show as table' }).click();
  expect(await trends.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
  await trends.getByRole('button', { name: 'Show chart' }).click();
  await trends.getByRole('radio', { name: 'Months' }).click();

  // Repeat root causes open to their incidents and the actions meant to prevent them.
  const repeats = frame.locator('section[aria-labelledby="repeats-heading"]');
  await repeats.locator('.repeat-toggle').first().click();
  await repeats.locator('.repeat-detail').getByRole('heading', { name: 'Actions meant to prevent it' }).waitFor();
  expect(await repeats.locator('.repeat-detail .plain-list li').count()).toBeGreaterThanOrEqual(2);

  await screenshot(page, 'dashboard-overview-light');
  expect(errors).toEqual([]);
  await context.close();
});

test('the lessons library finds reviews by words and filters, and exports them', async () => {
  const { context, page, frame, errors } = await open('mark');
  await frame.getByRole('tab', { name: 'Lessons library' }).click();
  const library = frame.locator('section[aria-labelledby="library-heading"]');
  await library.getByLabel('Words in lessons, root causes and facts').fill('phishing');
  await library.getByRole('button', { name: 'Search' }).click();
  const hits = library.getByRole('list', { name: 'Search results' }).locator('> li');
  await hits.first().waitFor();
  const found = await hits.count();
  expect(found).toBeGreaterThan(0);
  for (const text of await hits.allTextContents()) expect(text.toLowerCase()).toContain('phishing');

  // A category filter narrows the same search.
  await library.getByLabel('Type').selectOption('accidental');
  await library.getByRole('button', { name: 'Search' }).click();
  await until(async () => { expect(await hits.count() < found || (await library.getByText('No review matches').count()) === 1).toBe(true); });
  await library.getByLabel('Type').selectOption('');
  await library.getByRole('button', { name: 'Search' }).click();
  await until(async () => { expect(await hits.count()).toBe(found); });

  const csv = await download(page, library.getByRole('button', { name: 'Download CSV' }));
  expect(csv.replace(/^\ufeff/, '').split('\r\n')[0]).toContain('"Key lessons"');
  expect(csv.trim().split('\r\n')).toHaveLength(found + 1);
  await screenshot(page, 'dashboard-library-light');

  await frame.getByRole('tab', { name: 'Review coverage' }).click();
  const approvals = frame.locator('section[aria-labelledby="approvals-heading"]');
  await approvals.getByRole('heading', { name: 'Approvals waiting for you' }).waitFor();
  expect(await approvals.locator('tbody tr').count()).toBeGreaterThan(0);
  await frame.getByRole('button', { name: 'Find them' }).click();
  await frame.getByText(/resolved incidents checked have no review/).waitFor();
  await screenshot(page, 'dashboard-coverage-light');
  expect(errors).toEqual([]);
  await context.close();
});
