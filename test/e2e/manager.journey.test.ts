import type { FrameLocator } from 'playwright-core';
import { expectAccessible } from './support/axe';
import { sandboxAndBrowser } from './support/lifecycle';
import { lookAt } from './support/screens';
import { LAPTOP, addAction, issueKeysIn, openAs, openDecisions, rootCauseCard, tab } from './support/session';
import { check, until } from './support/settle';

/**
 * Mark, ISMS manager and approver, on the seeded sandbox: he finds a review waiting for his
 * approval on the project page, sends it back with a comment, and — once the responder has added
 * the missing action — approves it and creates the action issues in Jira. Then he reviews the
 * overdue actions, the KPIs and the recurrence chart (with its table), produces the evidence pack
 * with a random sample, and reads the settings. Every screen passes axe and the keyboard check, in
 * light and dark, and is saved as a screenshot.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });
const JOURNEY = 'manager';
const PROJECT_PAGE = '/projects/SEC/lessons-learned';

const openCoverage = async (app: FrameLocator): Promise<void> => {
  await app.getByRole('tab', { name: 'Review coverage' }).click();
  await app.locator('section[aria-labelledby="approvals-heading"] tbody tr').first().waitFor();
};

test('a manager sends a review back, approves it once fixed, creates the actions and reviews the project', async () => {
  const mark = await openAs(env, 'mark', PROJECT_PAGE, { viewport: LAPTOP });
  const { page, app } = mark;

  // --- The pending approval on the project page ------------------------------------------------
  await app.getByRole('heading', { name: /^Lessons learned · / }).waitFor();
  await openCoverage(app);
  const approvals = app.locator('section[aria-labelledby="approvals-heading"]');
  await approvals.getByRole('heading', { name: 'Approvals waiting for you' }).waitFor();
  // One that someone else requested: an approver does not decide on his own request.
  const row = approvals.locator('tbody tr').filter({ hasNotText: 'You requested this approval' }).first();
  const [incident] = await issueKeysIn(row.locator('.issue-link button'));
  if (incident === undefined) throw new Error('no review awaits approval');
  await lookAt(env, mark, JOURNEY, { name: 'approvals', reach: openCoverage });

  await row.locator('.issue-link button').click();
  await page.waitForURL(`**/browse/${incident}`);
  await openDecisions(app);
  const approval = app.locator('.approval-card');
  await check.text(approval, 'Requested by');
  await lookAt(env, mark, JOURNEY, { name: 'approval', reach: openDecisions });

  // --- Reject: a comment is required, and says what to change ----------------------------------
  await approval.getByRole('button', { name: 'Reject' }).click();
  await check.text(approval.locator('.field-error'), 'Say why the decisions go back');
  const comment = approval.getByLabel('Comment');
  await check.attribute(comment, 'aria-invalid', 'true');
  await comment.fill('Root cause 1 needs a corrective action with an owner before we approve.');
  await approval.getByRole('button', { name: 'Reject' }).click();
  await check.text(approval, 'Sent back by Mark Manager');
  await check.exactText(app.locator('.review-title .lozenge'), 'In review');
  await lookAt(env, mark, JOURNEY, { name: 'rejected', reach: async (frame) => { await openDecisions(frame); await check.text(frame.locator('.approval-card'), 'Sent back by'); }, keyboard: false });
  expect(mark.errors).toEqual([]);

  // --- The responder reads why, adds the action and asks again --------------------------------
  const rita = await openAs(env, 'rita', `/browse/${incident}`, { viewport: LAPTOP });
  await openDecisions(rita.app);
  await check.text(rita.app.locator('.approval-card'), 'needs a corrective action with an owner');
  const first = rootCauseCard(rita.app, 0);
  const label = 'root cause 1';
  await addAction(first, label, { summary: 'Add a named owner for supplier breach notifications', description: 'The contract owner confirms each notification within a day.', ownerQuery: 'Rit', ownerName: 'Rita Responder' });
  await tab(rita.app, 'Workflow').click();
  await rita.app.getByRole('button', { name: 'Request approval' }).click();
  await check.exactText(rita.app.locator('.review-title .lozenge'), 'Awaiting approval');
  expect(rita.errors).toEqual([]);
  await rita.context.close();

  // --- Approve and create the action issues ---------------------------------------------------
  await page.reload();
  await openDecisions(app);
  await check.text(approval, 'Requested by Rita Responder');
  await approval.getByLabel('Comment').fill('Agreed.');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await check.text(approval, 'Approved by Mark Manager');
  await check.exactText(app.locator('.review-title .lozenge'), 'Approved');
  const createIssues = app.locator('.create-issues');
  const create = createIssues.getByRole('button', { name: /^Create \d+ issues?$/ });
  await create.focus();
  await page.keyboard.press('Enter');
  await check.text(createIssues, 'All in Jira');
  const created = app.getByRole('listitem', { name: 'Action: Add a named owner for supplier breach notifications' });
  await check.text(created, 'To do');
  await check.text(created, 'Rita Responder');
  const [actionKey] = await issueKeysIn(created.locator('.issue-link button'));
  expect(actionKey).toMatch(/^[A-Z]+-\d+$/);
  await lookAt(env, mark, JOURNEY, { name: 'approved', reach: async (frame) => { await openDecisions(frame); await check.text(frame.locator('.create-issues'), 'All in Jira'); } });

  // The lessons-learned report of the approved review, previewed in the panel.
  const openReport = async (frame: FrameLocator): Promise<void> => {
    await frame.getByRole('heading', { name: 'Post-incident review' }).waitFor();
    await frame.getByRole('button', { name: 'Report', exact: true }).click();
    await frame.frameLocator(`iframe[title="Lessons-learned report of ${incident}"]`).getByRole('heading', { level: 1 }).waitFor();
  };
  await openReport(app);
  await lookAt(env, mark, JOURNEY, { name: 'report', reach: openReport });
  // The preview runs no scripts, so its document is checked on a page of its own.
  const reportHtml = await app.locator('iframe.report-preview').getAttribute('srcdoc');
  expect(reportHtml).toContain(incident);
  const reportPage = await mark.context.newPage();
  await reportPage.setContent(reportHtml ?? '', { waitUntil: 'load' });
  await expectAccessible(reportPage, `${JOURNEY}-report-document`);
  await reportPage.close();

  // --- Later: overdue actions, KPIs, the recurrence chart and its table ------------------------
  await page.goto(`${env.running.url}${PROJECT_PAGE}`);
  const overdue = app.locator('section[aria-labelledby="overdue-heading"]');
  await overdue.locator('tbody tr').first().waitFor();
  expect(Number(await overdue.locator('tbody tr').first().locator('td.numeric').textContent())).toBeGreaterThan(0);
  const kpis = app.locator('section[aria-labelledby="kpi-heading"]');
  expect(await kpis.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
  // A definition opens with Enter and closes with Escape.
  const info = kpis.getByRole('button', { name: 'Definition of Actions closed on time' });
  await info.focus();
  await page.keyboard.press('Enter');
  const definition = kpis.getByText(/on or before their target date/);
  await until(async () => { expect(await definition.isVisible()).toBe(true); });
  await page.keyboard.press('Escape');
  await until(async () => { expect(await definition.isVisible()).toBe(false); });
  const trends = app.locator('section[aria-labelledby="trends-heading"]');
  await trends.locator('svg.chart-svg rect').first().waitFor();
  // Colour is not the only signal: every bar segment names its series, and the legend has words.
  const segmentTitles = await trends.locator('svg.chart-svg rect title').allTextContents();
  expect(segmentTitles.length).toBeGreaterThan(0);
  for (const title of segmentTitles) expect(title).toMatch(/^.+, .+: \d+$/);
  expect((await trends.locator('.legend li').allTextContents()).every((text) => /\w/.test(text))).toBe(true);
  await lookAt(env, mark, JOURNEY, { name: 'overview', reach: async (frame) => { await frame.locator('svg.chart-svg rect').first().waitFor(); } });

  // The chart's table alternative holds the same figures.
  await trends.getByRole('button', { name: 'Show as table' }).click();
  const table = trends.locator('table');
  await table.locator('tbody tr').first().waitFor();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(4);
  await lookAt(env, mark, JOURNEY, {
    name: 'trends-table',
    reach: async (frame) => {
      const section = frame.locator('section[aria-labelledby="trends-heading"]');
      await section.getByRole('button', { name: 'Show as table' }).click();
      await section.locator('table tbody tr').first().waitFor();
    },
    keyboard: false,
  });

  // Repeat root causes open to their incidents and the actions meant to prevent them.
  const repeats = app.locator('section[aria-labelledby="repeats-heading"]');
  await repeats.locator('.repeat-toggle').first().click();
  await repeats.locator('.repeat-detail').getByRole('heading', { name: 'Actions meant to prevent it' }).waitFor();

  // --- The evidence pack of the last 12 months, and a random sample an auditor can redraw -------
  const producePack = async (frame: FrameLocator): Promise<void> => {
    await frame.getByRole('tab', { name: 'Evidence pack' }).click();
    const section = frame.locator('section[aria-labelledby="evidence-heading"]');
    await section.getByRole('button', { name: 'Last 12 months' }).click();
    await section.getByRole('button', { name: 'Produce evidence pack' }).click();
    await section.getByRole('button', { name: 'Produce again' }).waitFor({ timeout: 60_000 });
    const sample = section.locator('#evidence-sample');
    await sample.getByLabel(/^Seed/).fill('20261204');
    await sample.getByRole('button', { name: 'Draw sample' }).click();
    await sample.locator('.sample-seed', { hasText: '20261204' }).waitFor();
  };
  await producePack(app);
  const pack = app.locator('section[aria-labelledby="evidence-heading"]');
  expect(await pack.locator('table.evidence-summary tbody tr').count()).toBe(10);
  // Each question's status is a word, not only a colour.
  for (const status of await pack.locator('.evidence-status').allTextContents()) expect(status).toMatch(/(Evidenced|Gaps found|No evidence)$/);
  const sampled = await pack.getByRole('table', { name: 'Sampled incidents' }).locator('tbody tr td:first-child').allInnerTexts();
  expect(sampled.length).toBeGreaterThan(0);
  await lookAt(env, mark, JOURNEY, { name: 'evidence-pack', reach: producePack });

  // The project's settings, where he may sign off the review procedure but change nothing else.
  await page.goto(`${env.running.url}/projects/SEC/settings/lessons-learned`);
  await check.visible(app.getByText('Only project admins can change these settings.'));
  await lookAt(env, mark, JOURNEY, { name: 'settings', reach: async (frame) => { await frame.getByText('Only project admins can change these settings.').waitFor(); } });
  expect(mark.errors).toEqual([]);
  await mark.context.close();
});
