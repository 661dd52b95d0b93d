import { expectAccessible } from './support/axe';
import { screenshot } from './support/browser';
import { sandboxAndBrowser } from './support/lifecycle';
import { lookAt } from './support/screens';
import { LAPTOP, appFrameOf, openAs } from './support/session';
import { check } from './support/settle';

/**
 * Oscar, who may browse the ISMS project but not SEC, on the seeded sandbox (a year of SEC
 * reviews, actions and risks): no module shows him any of SEC's data — not the panel, the project
 * page or the settings page as Jira serves them, not modules opened with a hand-made SEC context,
 * and not resolvers invoked directly through the bridge from a module he may open.
 */
jest.setTimeout(180_000);

const env = sandboxAndBrowser({ seeded: true });
const JOURNEY = 'outsider';

/** Every reading resolver, asked about SEC; each must answer with an error and no data. */
const READS: readonly [string, Record<string, unknown>][] = [
  ['getPanel', { issueKey: 'SEC-1' }],
  ['getDecisions', { issueKey: 'SEC-1' }],
  ['getReviewHistory', { issueKey: 'SEC-1' }],
  ['getDashboardSummary', { projectKey: 'SEC' }],
  ['listOverdueActions', { projectKey: 'SEC' }],
  ['getReviewCoverage', { projectKey: 'SEC' }],
  ['findUnreviewedIncidents', { projectKey: 'SEC' }],
  ['searchLessons', { projectKey: 'SEC', text: 'phishing' }],
  ['listRisks', { projectKey: 'SEC' }],
  ['listProjectCommunications', { projectKey: 'SEC' }],
  ['getProcessReviews', { projectKey: 'SEC' }],
  ['getSettings', { projectKey: 'SEC' }],
  ['getProcedure', { projectKey: 'SEC' }],
];

test('an outsider gets no app data of a project he cannot browse, in any module', async () => {
  // --- As Jira serves the modules: Jira itself refuses the SEC pages; the app is never loaded ---
  const oscar = await openAs(env, 'oscar', '/browse/SEC-1', { viewport: LAPTOP });
  const { page } = oscar;
  await page.getByRole('heading', { name: "You can't view this issue" }).waitFor();
  await expectAccessible(page, `${JOURNEY}-issue-refused`);
  await screenshot(page, `${JOURNEY}-issue-refused-light`);
  for (const path of ['/projects/SEC/lessons-learned', '/projects/SEC/settings/lessons-learned']) {
    await page.goto(`${env.running.url}${path}`);
    await check.text(page.locator('body'), "doesn't exist or you don't have permission");
  }
  expect(oscar.invokes).toEqual([]);

  // --- Modules opened with a hand-made SEC context: each refuses, with a plain message --------
  for (const [resource, query] of [['panel', 'issueKey=SEC-1'], ['dashboard', 'projectKey=SEC'], ['settings', 'projectKey=SEC']] as const) {
    await page.goto(`${env.running.url}/sandbox/frame/${resource}?${query}`);
    const frame = page.frameLocator(`iframe[title="Module ${resource}"]`);
    await frame.getByRole('alert').first().waitFor();
    await check.text(frame.getByRole('alert').first(), 'No access');
    await check.noText(frame.locator('body'), 'Phishing');
    await expectAccessible(page, `${JOURNEY}-forged-${resource}`);
    await screenshot(page, `${JOURNEY}-forged-${resource}-light`);
  }

  // --- Where he may look (ISMS), the app works for him ... --------------------------------------
  await page.goto(`${env.running.url}/projects/ISMS/lessons-learned`);
  await oscar.app.getByRole('heading', { name: /^Lessons learned · / }).waitFor();
  await lookAt(env, oscar, JOURNEY, { name: 'isms-project-page', reach: async (frame) => { await frame.getByRole('heading', { name: /^Lessons learned · / }).waitFor(); } });

  // --- ... but resolvers asked about SEC from that frame, through the bridge, give nothing ------
  const frame = appFrameOf(page);
  for (const [functionKey, payload] of READS) {
    const answer = await frame.evaluate<{ ok: boolean; error?: { code: string }; data?: unknown }>(
      `window.__bridge.callBridge('invoke', { functionKey: ${JSON.stringify(functionKey)}, payload: ${JSON.stringify(payload)} })`,
    );
    expect({ functionKey, ok: answer.ok, data: answer.data }).toEqual({ functionKey, ok: false, data: undefined });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(answer.error?.code);
  }
  // The calls did reach the resolvers, and the same call about ISMS answers: the refusals are about SEC.
  expect(oscar.invokes).toEqual(expect.arrayContaining(READS.map(([functionKey]) => functionKey)));
  const own = await frame.evaluate<{ ok: boolean }>(`window.__bridge.callBridge('invoke', { functionKey: 'getDashboardSummary', payload: { projectKey: 'ISMS' } })`);
  expect(own.ok).toBe(true);
  expect(oscar.errors).toEqual([]);
  await oscar.context.close();
});
