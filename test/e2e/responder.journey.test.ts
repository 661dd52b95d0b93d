import { sandboxAndBrowser } from './support/lifecycle';
import { lookAt } from './support/screens';
import { LAPTOP, openAs, openDecisions, pickPerson, rootCauseCard, decide, addAction, save, tab } from './support/session';
import { check } from './support/settle';

/**
 * Rita, incident responder, on the seeded sandbox: from the project page's coverage list she
 * finds a resolved incident nobody reviewed, runs the whole review in the issue panel — facts,
 * timeline, attendees, a 5 Whys chain and a fishbone, two promoted root causes, the lessons,
 * decisions and actions — and asks management to approve it. Every screen passes axe and the
 * keyboard check, in light and dark, and is saved as a screenshot.
 */
jest.setTimeout(240_000);

const env = sandboxAndBrowser({ seeded: true });
const JOURNEY = 'responder';

test('a responder finds an unreviewed incident and takes its review to approval', async () => {
  const rita = await openAs(env, 'rita', '/projects/SEC/lessons-learned', { viewport: LAPTOP });
  const { page, app } = rita;

  // --- The project page's coverage list -------------------------------------------------------
  await app.getByRole('heading', { name: /^Lessons learned · / }).waitFor();
  await app.getByRole('tab', { name: 'Review coverage' }).click();
  const unreviewed = app.locator('section[aria-labelledby="unreviewed-heading"]');
  // Keyboard: the search runs with Enter.
  await unreviewed.getByRole('button', { name: 'Find them' }).focus();
  await page.keyboard.press('Enter');
  await check.text(unreviewed, 'resolved incidents checked have no review');
  const firstRow = unreviewed.locator('tbody tr').first();
  const incident = /[A-Z]+-\d+/.exec((await firstRow.locator('.issue-link button').textContent()) ?? '')?.[0];
  if (incident === undefined) throw new Error('no unreviewed incident listed');
  await lookAt(env, rita, JOURNEY, {
    name: 'coverage',
    reach: async (frame) => {
      await frame.getByRole('tab', { name: 'Review coverage' }).click();
      await frame.getByRole('button', { name: 'Find them' }).click();
      await frame.locator('section[aria-labelledby="unreviewed-heading"] tbody tr').first().waitFor();
    },
  });

  // The incident opens in Jira, where the panel offers to start the review.
  const fromIncident = rita.invokes.length;
  await firstRow.locator('.issue-link button').click();
  await page.waitForURL(`**/browse/${incident}`);
  await app.getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  await lookAt(env, rita, JOURNEY, { name: 'panel-empty', reach: async (frame) => { await frame.getByRole('button', { name: 'Start review' }).waitFor(); } });
  const start = app.getByRole('button', { name: 'Start review' });
  await start.focus();
  await page.keyboard.press('Enter');
  await app.getByRole('heading', { name: 'Post-incident review' }).waitFor();

  // --- R1 facts ---------------------------------------------------------------------------------
  const malicious = app.getByLabel(/^Malicious/);
  await malicious.focus();
  await page.keyboard.press('Space');
  await check.checked(malicious);
  await app.getByLabel('Severity').selectOption('high');
  await app.getByLabel('Confidentiality').check();
  await app.getByLabel('Integrity').check();
  await app.getByLabel('New asset').fill('HR system');
  await app.getByRole('button', { name: 'Add asset' }).click();
  await app.getByLabel('Impact').fill('Payroll data of 40 employees was readable by an external account for two hours.');
  const times = { Occurred: '2026-01-10T08:00', Detected: '2026-01-10T09:15', Reported: '2026-01-10T09:30', Contained: '2026-01-10T11:00', Resolved: '2026-01-12T17:00' };
  for (const [label, value] of Object.entries(times)) await app.getByLabel(label, { exact: true }).fill(value);
  await app.getByRole('button', { name: 'Add remediation step' }).click();
  await app.getByLabel('Remediation step 1', { exact: true }).fill('Revoked the external sharing link and rotated the API key.');
  await save(app, 'Save incident facts');
  await lookAt(env, rita, JOURNEY, { name: 'facts', reach: async (frame) => { await frame.getByLabel('Impact').waitFor(); } });

  // --- R2 timeline ------------------------------------------------------------------------------
  await tab(app, 'Timeline').click();
  await app.getByLabel('When', { exact: true }).fill('2026-01-10T09:15');
  await app.getByLabel('What happened', { exact: true }).fill('DLP alert on an externally shared payroll file.');
  await app.getByRole('button', { name: 'Add event' }).click();
  await app.getByLabel('Event 1', { exact: true }).waitFor();
  await save(app, 'Save timeline');
  await lookAt(env, rita, JOURNEY, { name: 'timeline', reach: async (frame) => { await tab(frame, 'Timeline').click(); await frame.getByLabel('Event 1', { exact: true }).waitFor(); } });

  // --- R3 attendees, with the Jira user picker (Escape closes its list) ---------------------------
  await tab(app, 'People').click();
  await pickPerson(app, 'Find a person for incident manager', 'Rit', 'Rita Responder');
  await app.getByLabel('Meeting date and time').fill('2026-01-14T10:00');
  const attendees = app.getByRole('combobox', { name: 'Find a person for attendees' });
  await attendees.fill('Mark');
  await app.getByRole('option', { name: 'Mark Manager' }).waitFor();
  await page.keyboard.press('Escape');
  await check.count(app.getByRole('option', { name: 'Mark Manager' }), 0);
  await pickPerson(app, 'Find a person for attendees', 'Mark M', 'Mark Manager');
  await save(app, 'Save people and roles');
  await check.text(app.getByRole('list', { name: 'Attendees: selected' }), 'Mark Manager');
  await lookAt(env, rita, JOURNEY, { name: 'people', reach: async (frame) => { await tab(frame, 'People').click(); await check.text(frame.getByRole('list', { name: 'Attendees: selected' }), 'Mark Manager'); } });

  // --- R4 5 Whys, promoted --------------------------------------------------------------------
  await tab(app, '5 Whys').click();
  await app.getByRole('button', { name: 'Add a why-chain' }).click();
  await app.getByLabel('Problem statement (chain 1)').fill('Payroll data was shared with an external account');
  await app.getByLabel('Because 1', { exact: true }).fill('The sharing setting allowed external links by default');
  await app.getByRole('button', { name: 'Ask why again' }).click();
  await app.getByLabel('Because 2', { exact: true }).fill('The tenant baseline was never reviewed after the migration');
  await app.getByLabel('Root-cause category for chain 1').selectOption('change-configuration');
  await app.getByRole('button', { name: 'Promote chain 1 to root cause' }).click();
  await check.text(app.locator('.promoted'), 'The tenant baseline was never reviewed after the migration');
  await lookAt(env, rita, JOURNEY, { name: 'five-whys', reach: async (frame) => { await tab(frame, '5 Whys').click(); await frame.locator('.promoted').waitFor(); } });

  // --- R5 fishbone, promoted ------------------------------------------------------------------
  await tab(app, 'Fishbone').click();
  await app.getByLabel('Effect (the head of the fish)').fill('Payroll data exposed externally');
  await app.getByLabel('New cause in Process').fill('No second check before sharing sensitive files');
  // Enter in the new-cause field adds it, like the button.
  await app.getByRole('button', { name: 'Add cause to Process' }).focus();
  await page.keyboard.press('Enter');
  await app.locator('svg.fishbone-svg').waitFor();
  await app.getByLabel('Root-cause category for cause “No second check before sharing sensitive files”').selectOption('policy-process');
  await app.getByRole('button', { name: 'Promote cause “No second check before sharing sensitive files” to root cause' }).click();
  await check.text(app.locator('.promoted'), 'Policy and process gaps');
  await lookAt(env, rita, JOURNEY, { name: 'fishbone', reach: async (frame) => { await tab(frame, 'Fishbone').click(); await frame.locator('svg.fishbone-svg').waitFor(); } });

  // --- R6 the two root causes -----------------------------------------------------------------
  await tab(app, 'Root causes').click();
  await check.count(app.getByRole('heading', { name: /^Root cause \d$/ }), 2);
  await check.visible(app.getByText('From 5 Whys: why-chain 1'));
  await check.visible(app.getByText('From fishbone: Process'));
  await lookAt(env, rita, JOURNEY, { name: 'root-causes', reach: async (frame) => { await tab(frame, 'Root causes').click(); await frame.getByRole('heading', { name: 'Root cause 2' }).waitFor(); } });

  // --- R12 lessons ------------------------------------------------------------------------------
  await tab(app, 'Lessons').click();
  const answers: Record<string, string> = {
    'What was the incident?': 'Payroll file shared externally.',
    'What happened?': 'A default sharing setting allowed an external link.',
    'What was the impact?': 'Exposure of payroll data for two hours.',
    'How effective was the response?': 'Contained within two hours of detection.',
    'What went well?': 'DLP alert and quick revocation.',
    'What would we do differently?': 'Block external sharing of HR data.',
    'What improvements are needed so that it does not happen again?': 'Review the tenant baseline after each migration.',
  };
  for (const [question, answer] of Object.entries(answers)) await app.getByLabel(question, { exact: true }).fill(answer);
  await save(app, 'Save lessons learned');
  await lookAt(env, rita, JOURNEY, { name: 'lessons', reach: async (frame) => { await tab(frame, 'Lessons').click(); await frame.getByLabel('What went well?', { exact: true }).waitFor(); } });

  // --- R22 submit for review, then R7–R10 decisions and actions -------------------------------
  await tab(app, 'Workflow').click();
  await app.getByRole('button', { name: 'Submit for review' }).click();
  await check.exactText(app.locator('.review-title .lozenge'), 'In review');
  await openDecisions(app);
  await decide(rootCauseCard(app, 0), /^Corrective action/, 'A baseline review after each migration would have caught the default.', 'root cause 1');
  await decide(rootCauseCard(app, 1), /^Corrective action/, 'A second pair of eyes stops accidental external shares of HR data.', 'root cause 2');
  await addAction(rootCauseCard(app, 0), 'root cause 1', { summary: 'Review the tenant sharing baseline after migrations', description: 'Add the baseline review to the migration checklist.', ownerQuery: 'Rit', ownerName: 'Rita Responder' });
  await addAction(rootCauseCard(app, 1), 'root cause 2', { summary: 'Four-eyes check for sharing HR files externally', description: 'External shares of HR data need a second approver.', ownerQuery: 'Rit', ownerName: 'Rita Responder' });
  await check.text(app.locator('.create-issues'), '2 drafts not in Jira yet');
  await lookAt(env, rita, JOURNEY, { name: 'decisions', reach: openDecisions });

  // --- Request approval -----------------------------------------------------------------------
  await tab(app, 'Workflow').click();
  const request = app.getByRole('button', { name: 'Request approval' });
  await check.enabled(request);
  await check.count(app.locator('.checklist li.missing'), 0);
  await request.click();
  await check.exactText(app.locator('.review-title .lozenge'), 'Awaiting approval');
  await check.visible(app.getByText('An approver decides next'));
  await lookAt(env, rita, JOURNEY, { name: 'workflow', reach: async (frame) => { await tab(frame, 'Workflow').click(); await frame.getByText('An approver decides next').waitFor(); } });

  // After each save and move the panel used the review it got back: one getPanel, no history yet.
  const onIncident = rita.invokes.slice(fromIncident);
  expect(onIncident.filter((key) => key === 'getPanel')).toHaveLength(1);
  expect(onIncident).not.toContain('getReviewHistory');

  // Everything was stored: a fresh load shows it, read only while awaiting approval.
  await page.reload();
  await check.exactText(app.locator('.review-title .lozenge'), 'Awaiting approval');
  await check.value(app.getByLabel('Impact'), 'Payroll data of 40 employees was readable by an external account for two hours.');
  await tab(app, 'History').click();
  const history = app.getByRole('list', { name: 'Changes, newest first' });
  await check.text(history.getByRole('listitem').first(), 'moved the review: in review → awaiting approval');
  await check.noText(history, '712020:');
  await lookAt(env, rita, JOURNEY, { name: 'history', reach: async (frame) => { await tab(frame, 'History').click(); await frame.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first().waitFor(); } });

  // The project page now lists the review among those awaiting approval — for the approvers; she is not one.
  await page.goto(`${env.running.url}/projects/SEC/lessons-learned`);
  await app.getByRole('tab', { name: 'Review coverage' }).click();
  const awaiting = app.locator('section[aria-labelledby="approvals-heading"]');
  await check.text(awaiting, incident);
  await check.text(awaiting, 'You are not one of this project\'s approvers');
  await check.noText(awaiting, 'another approver decides');
  expect(rita.errors).toEqual([]);
  await rita.context.close();
});
