import { PERSONAS } from '../../sandbox/jira';
import { approveReview, type FlowInvoke } from '../support/review-flow';
import { sandboxAndBrowser } from './support/lifecycle';
import { invokeAs } from './support/prepare';
import { openAs, openDecisions } from './support/session';
import { check } from './support/settle';

/**
 * When Jira refuses an action issue, the panel says why in the words of a person: Jira names the
 * refused assignee by account id, the panel shows their name instead.
 */
jest.setTimeout(120_000);

const env = sandboxAndBrowser();
const INCIDENT = 'SEC-3';

test('an owner Jira refuses as assignee is named, not shown as an account id', async () => {
  const invoke: FlowInvoke = (persona, key, payload) => invokeAs(env, persona, key as 'getPanel', payload as { issueKey: string }).then((data) => ({ data }));
  await approveReview(invoke, INCIDENT);
  // Actions go to SEC by default, where Owen (a viewer) cannot be assigned issues.
  await invokeAs(env, 'mark', 'addActions', { issueKey: INCIDENT, actions: [{ rootCauseId: 'r1', kind: 'corrective', summary: 'Enforce MFA for mailbox rules', ownerAccountId: PERSONAS.owen.accountId, targetDate: '2027-03-31' }] });

  const { context, app: panel } = await openAs(env, 'mark', `/browse/${INCIDENT}`);
  await openDecisions(panel);
  await panel.getByRole('button', { name: 'Create 1 issue' }).click();
  const status = panel.locator('.create-issues [role="status"]');
  await check.text(status, 'refused by Jira');
  await check.text(status, 'Owen Owner');
  expect(await status.textContent()).not.toContain(PERSONAS.owen.accountId);
  await context.close();
});
