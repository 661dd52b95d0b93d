import type { FrameLocator } from 'playwright-core';
import { screenshot } from './support/browser';
import { check } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';
import { openAs, save, startReview, tab } from './support/session';

/**
 * The lessons-learned panel's guard rails, in Chromium against the sandbox: field errors from the
 * shared schemas, stale writes refused without losing input, viewers read only. The whole review
 * a responder runs (R1–R6, R12, R22, R23) is responder.journey.test.ts.
 */
jest.setTimeout(120_000);

const env = sandboxAndBrowser();

type Session = Awaited<ReturnType<typeof openAs>> & { panel: FrameLocator };

/** The panel of an incident, as a persona, at the narrow panel width (the issue panel is ~600px wide at 1280). */
async function open(persona: 'rita' | 'alice' | 'owen', issueKey: string): Promise<Session> {
  const session = await openAs(env, persona, `/browse/${issueKey}`, { failedResponses: true });
  return { ...session, panel: session.app };
}

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
