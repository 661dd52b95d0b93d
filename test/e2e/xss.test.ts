import type { Frame, Page } from 'playwright-core';
import { PERSONAS } from '../../sandbox/jira';
import { actAs } from './support/sandbox-server';
import { sandboxAndBrowser } from './support/lifecycle';

/**
 * Stored XSS: people's text is rendered as text everywhere, never as HTML. Markup typed into
 * every kind of review field must show literally in the panel, the project page and the
 * history, and must never execute or create elements.
 */
jest.setTimeout(120_000);

const PAYLOADS = ['<img src=x onerror="window.__xss=1">', '<script>window.__xss=2</script>', '"><svg onload="window.__xss=3">', 'javascript:window.__xss=4'];
const MARK = PAYLOADS.join(' ');

const env = sandboxAndBrowser();

async function call(persona: 'rita' | 'mark', key: string, payload: unknown): Promise<{ data: { review: { version: number } } }> {
  const accountId = PERSONAS[persona].accountId;
  const result = (await env.running.sandbox.app.invoke(accountId, env.running.sandbox.app.frameContext(accountId, { type: 'jira:issuePanel' }, { siteUrl: env.running.url, colorMode: 'light' }), key, payload)) as { ok: boolean; data: { review: { version: number } }; error?: { message: string } };
  if (!result.ok) throw new Error(`${key}: ${result.error?.message ?? ''}`);
  return result;
}

beforeAll(async () => {
  const issueKey = 'SEC-20';
  const started = (await call('rita', 'startReview', { issueKey })) as unknown as { data: { review: { version: number; facts: Record<string, unknown> } } };
  let version = started.data.review.version;
  const save = async (section: string, value: unknown) => {
    version = (await call('rita', 'saveReviewSection', { issueKey, section, value, baseVersion: version })).data.review.version;
  };
  await save('facts', { ...started.data.review.facts, summary: MARK, impact: MARK, affectedAssets: [PAYLOADS[0]], remediationSteps: [PAYLOADS[1]], tags: ['xss'] });
  await save('timeline', [{ id: 'x1', at: '2026-01-01T10:00:00.000Z', text: MARK }]);
  await save('fiveWhys', [{ id: 'c1', problem: MARK, steps: [{ why: PAYLOADS[2], because: PAYLOADS[0] }] }]);
  await save('rootCauses', [{ id: 'r1', text: MARK, category: 'policy-process', source: { kind: 'manual' } }]);
});

/** Nothing ran, and no element came from the payloads, in this frame. */
async function assertInert(frame: Frame): Promise<void> {
  expect(await frame.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await frame.locator('img[src="x"], svg[onload], script:not([src])').count()).toBe(0);
}

async function panelFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Lessons learned"]');
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error('no panel frame');
  return frame;
}

test('markup in review fields shows as text in every panel tab and never runs', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await actAs(context, env.running.url, 'rita');
  const page = await context.newPage();
  await page.goto(`${env.running.url}/browse/SEC-20`);
  const frame = await panelFrame(page);
  await frame.getByRole('tab', { name: /Facts/ }).waitFor();
  for (const tab of ['Facts', 'Timeline', '5 Whys', 'Root causes', 'History']) {
    await frame.getByRole('tab', { name: new RegExp(tab) }).first().click();
    await page.waitForTimeout(150);
    await assertInert(frame);
  }
  await frame.getByRole('tab', { name: /Timeline/ }).first().click();
  await frame.getByText(PAYLOADS[0] ?? '', { exact: false }).first().waitFor();
  await assertInert(page.mainFrame());
  await context.close();
});

test('markup stays text in the lessons library on the project page', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await actAs(context, env.running.url, 'mark');
  const page = await context.newPage();
  await page.goto(`${env.running.url}/projects/SEC/lessons-learned`);
  const handle = await page.waitForSelector('iframe[title="Lessons learned"]');
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error('no dashboard frame');
  await frame.getByRole('tab', { name: /Lessons library/ }).click();
  await page.waitForTimeout(1000);
  await assertInert(frame);
  await assertInert(page.mainFrame());
  await context.close();
});
