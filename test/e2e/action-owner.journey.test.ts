import type { FrameLocator } from 'playwright-core';
import { PERSONAS } from '../../sandbox/jira';
import { approvedReview } from '../integration/decisions-fixture';
import { sandboxAndBrowser } from './support/lifecycle';
import { actionsInIsms, invokeAs, resolverCaller } from './support/prepare';
import { lookAt } from './support/screens';
import { LAPTOP, openAs, openDecisions } from './support/session';
import { check } from './support/settle';

/**
 * Owen, who owns a corrective action, on the seeded sandbox: the action was approved and created
 * as a Jira issue (set up through the resolvers). He finds the issue in Jira — linked to the
 * incident, its description tracing back to the root cause — works it to In Progress and Done;
 * the incident's panel and the project page reflect it; he cannot verify his own action, and Mark
 * verifies it with evidence. Every app screen passes axe and the keyboard check, light and dark.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });
const JOURNEY = 'action-owner';
const SUMMARY = 'Introduce call-back verification for bank-detail changes';

let incident: string;
let actionKey: string;

beforeAll(async () => {
  await actionsInIsms(env);
  const unreviewed = await invokeAs(env, 'rita', 'findUnreviewedIncidents', { projectKey: 'SEC' });
  const first = unreviewed.items[0];
  if (first === undefined) throw new Error('the seed left no incident without a review');
  incident = first.issueKey;
  await approvedReview(resolverCaller(env), incident);
  await invokeAs(env, 'rita', 'addActions', {
    issueKey: incident,
    actions: [{ rootCauseId: 'r1', summary: SUMMARY, description: 'Finance calls the supplier on a known number before any change.', ownerAccountId: PERSONAS.owen.accountId, targetDate: '2027-03-31' }],
  });
  const created = await invokeAs(env, 'mark', 'createActionIssues', { issueKey: incident });
  const key = created.view.rootCauses.flatMap((entry) => entry.actions).find((action) => action.summary === SUMMARY)?.jira?.issueKey;
  if (key === undefined) throw new Error('the action issue was not created');
  actionKey = key;
});

const openActions = async (app: FrameLocator): Promise<number> => {
  const card = app.getByRole('list', { name: 'At a glance' }).locator('.count-card').filter({ hasText: 'Open actions' });
  await card.waitFor();
  return Number(await card.locator('.count-value').textContent());
};

test('an action owner completes the action in Jira, the app reflects it, and someone else verifies it', async () => {
  const before = await openAs(env, 'mark', '/projects/SEC/lessons-learned', { viewport: LAPTOP });
  const openBefore = await openActions(before.app);
  await before.context.close();

  // --- Owen finds the issue in Jira, traced back to the incident --------------------------------
  const owen = await openAs(env, 'owen', `/browse/${actionKey}`, { viewport: LAPTOP });
  const { page } = owen;
  await check.text(page.locator('h1'), SUMMARY);
  await check.text(page.locator('ul.links'), incident);
  await check.text(page.locator('.description'), 'Bank-detail changes need no call-back verification');
  // The app's panel sits on the action issue too (it is not an incident, so it offers no review).
  await lookAt(env, owen, JOURNEY, { name: 'jira-issue', reach: async (frame) => { await frame.locator('body').waitFor(); } });

  // In Progress, then Done — with the keyboard.
  await page.getByRole('button', { name: 'In Progress', exact: true }).focus();
  await page.keyboard.press('Enter');
  await check.exactText(page.locator('.issue-side .status'), 'In Progress');
  await page.getByRole('button', { name: 'Done', exact: true }).focus();
  await page.keyboard.press('Space');
  await check.exactText(page.locator('.issue-side .status'), 'Done');
  await env.running.sandbox.settled();

  // --- The incident's panel shows it done; the owner may not verify his own work ---------------
  await page.goto(`${env.running.url}/browse/${incident}`);
  await openDecisions(owen.app);
  const mine = owen.app.getByRole('listitem', { name: `Action: ${SUMMARY}` });
  await check.text(mine, 'Done');
  await check.text(mine, 'someone other than you, the owner, verifies it');
  await check.count(owen.app.getByRole('button', { name: /^Verify/ }), 0);
  await lookAt(env, owen, JOURNEY, { name: 'panel-done', reach: openDecisions });
  expect(owen.errors).toEqual([]);
  await owen.context.close();

  // --- The project page counts one open action fewer ---------------------------------------------
  const mark = await openAs(env, 'mark', '/projects/SEC/lessons-learned', { viewport: LAPTOP });
  expect(await openActions(mark.app)).toBe(openBefore - 1);

  // --- Mark verifies it, with evidence -----------------------------------------------------------
  await mark.page.goto(`${env.running.url}/browse/${incident}`);
  await openDecisions(mark.app);
  const done = mark.app.getByRole('listitem', { name: `Action: ${SUMMARY}` });
  await check.text(done, 'Completed');
  await done.getByRole('button', { name: `Verify action ${SUMMARY}` }).click();
  await done.getByLabel('Evidence', { exact: true }).fill('Tested with two suppliers: both change requests were held until the call-back.');
  await done.getByRole('button', { name: 'Confirm verification' }).click();
  await check.text(done, 'Verified by Mark Manager');
  await lookAt(env, mark, JOURNEY, { name: 'verified', reach: async (frame) => { await openDecisions(frame); await check.text(frame.getByRole('listitem', { name: `Action: ${SUMMARY}` }), 'Verified by'); } });
  expect(mark.errors).toEqual([]);
  await mark.context.close();
});
