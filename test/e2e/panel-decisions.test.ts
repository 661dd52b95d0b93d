import type { FrameLocator } from 'playwright-core';
import type { FunctionKey, ResolverInput, ResolverOutput } from '../../src/api/resolvers';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { phishingReview } from '../unit/domain/review/fixtures';
import { screenshot } from './support/browser';
import { check } from './support/settle';
import { sandboxAndBrowser } from './support/lifecycle';
import { actionsInIsms as actionsInIsmsProject, invokeAs } from './support/prepare';
import { NARROW, WIDE, addAction, decide, issueKeysIn, noHorizontalOverflow, openAs, openDecisions, pickPerson, rootCauseCard, tab, type OpenOptions } from './support/session';

/**
 * The panel's "Decisions & actions" tab end to end, in Chromium against the sandbox (R7–R11, R21):
 * a responder decides per root cause and records a risk, the approver approves, the actions
 * become linked Jira issues, the owner completes one in Jira, and someone else verifies it.
 */
jest.setTimeout(180_000);

const INCIDENT = 'SEC-25';
/** A second review, for the conflict. */
const CONFLICTED = 'SEC-26';

const env = sandboxAndBrowser();

beforeAll(async () => {
  await prepareReviewInReview(INCIDENT, true);
  await prepareReviewInReview(CONFLICTED, false);
});

const invoke = <K extends FunctionKey>(persona: PersonaName, key: K, payload: ResolverInput<K>): Promise<ResolverOutput<K>> => invokeAs(env, persona, key, payload);

/**
 * A complete analysis (facts to lessons, two root causes) in review, without decisions; SEC's
 * actions go to the ISMS improvement project, where Owen may work them.
 */
async function prepareReviewInReview(issueKey: string, actionsInIsms: boolean): Promise<void> {
  if (actionsInIsms) await actionsInIsmsProject(env);
  const started = await invoke('rita', 'startReview', { issueKey });
  if (started.review === null) throw new Error('no review');
  let review = started.review;
  const content = phishingReview('draft');
  const rita = PERSONAS.rita.accountId;
  const mark = PERSONAS.mark.accountId;
  const values = {
    facts: content.facts,
    timeline: content.timeline.map(({ id, at, text }) => ({ id, at, text })),
    people: { incidentManager: rita, responseTeam: [rita], legal: [], informationSecurity: [mark], communications: [], meeting: { heldAt: content.people.meeting.heldAt, attendees: [rita, mark] } },
    fiveWhys: content.fiveWhys,
    fishbone: content.fishbone,
    rootCauses: content.rootCauses,
    lessons: content.lessons,
  };
  for (const [section, value] of Object.entries(values)) {
    review = (await invoke('rita', 'saveReviewSection', { issueKey, section: section as keyof typeof values, value, baseVersion: review.version })).review;
  }
  await invoke('rita', 'transitionReview', { issueKey, target: 'in_review', baseVersion: review.version });
}

type Session = Awaited<ReturnType<typeof openAs>> & { panel: FrameLocator };

async function open(persona: PersonaName, path: string, options: OpenOptions = {}): Promise<Session> {
  const session = await openAs(env, persona, path, options);
  return { ...session, panel: session.app };
}

const rootCause = rootCauseCard;
const OWEN = { ownerQuery: 'Owen', ownerName: 'Owen Owner' };

test('decisions are approved, actions become Jira issues, the owner completes one and someone else verifies it', async () => {
  // --- Rita decides per root cause and records the risk ------------------------------------
  const rita = await open('rita', `/browse/${INCIDENT}`);
  await openDecisions(rita.panel);
  expect(rita.invokes).toEqual(['getPanel', 'getDecisions']);
  await check.text(rita.panel.locator('.approval-card'), 'Not requested yet');
  const first = rootCause(rita.panel, 0);
  const second = rootCause(rita.panel, 1);
  await check.text(first, 'Bank-detail changes need no call-back verification');

  // A decision without a rationale is refused at the field, nothing is sent.
  await first.getByRole('radio', { name: /^Corrective action/ }).check();
  await check.visible(rita.panel.getByRole('tab', { name: /Decisions & actions.*unsaved/ }));
  await first.getByRole('button', { name: 'Save the decision for root cause 1' }).click();
  await check.text(first.locator('.field-error'), 'Rationale must not be empty');
  expect(rita.invokes).not.toContain('saveReviewSection');

  await decide(first, /^Corrective action/, 'Call-back verification on a known number stops forged bank-detail changes.', 'root cause 1');
  await check.text(first, 'Decided by Rita Responder');
  await decide(second, /^Manage as a risk/, 'MFA roll-out is a programme; track the residual phishing risk in the register.', 'root cause 2');
  await check.count(rita.panel.getByRole('tab', { name: /Decisions & actions.*unsaved/ }), 0);

  // R9: a risk to be mitigated, rated 4 × 3.
  await check.text(second, 'No risk linked yet');
  await second.getByRole('button', { name: 'Add a risk for root cause 2' }).click();
  const riskForm = second.locator('.inline-form');
  await riskForm.getByLabel('Risk title').fill('Mailbox takeover through phishing');
  await riskForm.getByLabel('Description').fill('Phished credentials give full mailbox access without a second factor.');
  await riskForm.getByRole('radio', { name: /^Mitigate/ }).check();
  await riskForm.getByLabel('Likelihood').selectOption('4');
  await riskForm.getByLabel('Impact').selectOption('3');
  await check.text(riskForm.locator('.rating-score'), '12 · High');
  await pickPerson(riskForm, 'Find a person for risk owner', 'Mark', 'Mark Manager');
  await riskForm.getByRole('button', { name: 'Add risk' }).click();
  const risk = second.locator('.risk-record');
  await check.text(risk, 'Mailbox takeover through phishing');
  await check.text(risk, 'High risk · 12');
  await check.text(risk, 'Mark Manager');
  await check.text(rita.panel.locator('.approval-checklist'), 'has a risk-register entry');
  await check.count(rita.panel.locator('.approval-checklist li.missing'), 0);

  // R10: two draft actions owned by Owen.
  await addAction(first, 'root cause 1', { summary: 'Introduce call-back verification for bank-detail changes', description: 'Finance calls the supplier on a known number before any change.', ...OWEN });
  await addAction(second, 'root cause 2', { summary: 'Roll out FIDO2 keys to finance', description: 'Phishing-resistant MFA for every finance mailbox.', ...OWEN });
  await check.text(rita.panel.locator('.create-issues'), '2 drafts not in Jira yet');
  await check.text(rita.panel.locator('.create-issues'), 'once management has approved');
  await noHorizontalOverflow(rita.page);
  await screenshot(rita.page, 'decisions-drafts-light-narrow');

  // Request approval; Rita is not an approver: she is offered neither Approve nor Reject, anywhere.
  await tab(rita.panel, 'Workflow').click();
  await rita.panel.getByRole('button', { name: 'Request approval' }).click();
  await check.exactText(rita.panel.locator('.review-title .lozenge'), 'Awaiting approval');
  await check.count(rita.panel.getByRole('button', { name: /^(Approve|Reject)/ }), 0);
  await check.visible(rita.panel.getByText('An approver decides next'));
  await check.text(rita.panel.locator('.next-step'), 'management approval');
  await tab(rita.panel, 'Decisions & actions').click();
  await check.text(rita.panel.locator('.approval-card'), 'Waiting for members of the group');
  await check.count(rita.panel.getByRole('button', { name: /^(Approve|Reject)/ }), 0);
  await check.count(rita.panel.getByRole('button', { name: 'Save the decision for root cause 1' }), 0);
  expect(rita.errors).toEqual([]);
  await rita.context.close();

  // --- Mark approves with a comment and creates the issues ---------------------------------
  const mark = await open('mark', `/browse/${INCIDENT}`);
  await openDecisions(mark.panel);
  const approval = mark.panel.locator('.approval-card');
  await check.text(approval, 'Requested by Rita Responder');
  await approval.getByLabel('Comment').fill('Agreed. Fund the FIDO2 keys from the security budget.');
  await screenshot(mark.page, 'decisions-approve-light-narrow');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await check.text(approval, 'Approved by Mark Manager');
  await check.text(approval, 'Fund the FIDO2 keys');
  await check.exactText(mark.panel.locator('.review-title .lozenge'), 'Approved');

  const createIssues = mark.panel.locator('.create-issues');
  await createIssues.getByRole('button', { name: 'Create 2 issues' }).click();
  await check.text(createIssues, '2 issues created and linked to the incident.');
  await check.text(createIssues, 'All in Jira');
  const links = mark.panel.locator('.action-record .issue-link button');
  await check.count(links, 2);
  const [correctiveKey, treatmentKey] = await issueKeysIn(links);
  if (correctiveKey === undefined || treatmentKey === undefined) throw new Error('no action issue keys');
  expect(correctiveKey).toMatch(/^ISMS-\d+$/);
  const corrective = mark.panel.getByRole('listitem', { name: 'Action: Introduce call-back verification for bank-detail changes' });
  await check.text(corrective, 'To do');
  await check.text(corrective, 'Owen Owner');
  await check.count(mark.panel.getByRole('button', { name: /^Verify/ }), 0);
  await noHorizontalOverflow(mark.page);
  await screenshot(mark.page, 'decisions-approved-light-narrow');
  expect(mark.errors).toEqual([]);

  // --- Owen completes his action in Jira ----------------------------------------------------
  const owen = await open('owen', `/browse/${correctiveKey}`);
  await check.text(owen.page.locator('h1'), 'Introduce call-back verification for bank-detail changes');
  await check.text(owen.page.locator('ul.links'), INCIDENT);
  await check.text(owen.page.locator('.description'), 'Bank-detail changes need no call-back verification');
  await owen.page.getByRole('button', { name: 'Done', exact: true }).click();
  await check.exactText(owen.page.locator('.issue-side .status'), 'Done');
  await env.running.sandbox.settled();

  // On the incident, Owen sees his action done but cannot verify it himself.
  await owen.page.goto(`${env.running.url}/browse/${INCIDENT}`);
  await openDecisions(owen.panel);
  const owensView = owen.panel.getByRole('listitem', { name: 'Action: Introduce call-back verification for bank-detail changes' });
  await check.text(owensView, 'Done');
  await check.text(owensView, 'someone other than you, the owner, verifies it');
  await check.count(owen.panel.getByRole('button', { name: /^Verify/ }), 0);
  await screenshot(owen.page, 'decisions-owner-light-narrow');
  expect(owen.errors).toEqual([]);
  await owen.context.close();

  // --- Back as Mark: the action is done; he verifies it with evidence -----------------------
  await mark.page.reload();
  await openDecisions(mark.panel);
  const done = mark.panel.getByRole('listitem', { name: 'Action: Introduce call-back verification for bank-detail changes' });
  await check.text(done, 'Done');
  await check.text(done, 'Completed');
  await done.getByRole('button', { name: 'Verify action Introduce call-back verification for bank-detail changes' }).click();
  await done.getByRole('button', { name: 'Confirm verification' }).click();
  await check.text(done.locator('.field-error'), 'Describe the evidence');
  await done.getByLabel('Evidence', { exact: true }).fill('Tested with two suppliers: both change requests were held until the call-back.');
  await done.getByLabel('Evidence link (optional)').fill('https://wiki.example.com/finance/call-back-test');
  await done.getByRole('button', { name: 'Confirm verification' }).click();
  await check.text(done, 'Verified by Mark Manager');
  await check.text(done, 'Tested with two suppliers');
  await screenshot(mark.page, 'decisions-verified-light-narrow');

  // --- Everything is kept ---------------------------------------------------------------------
  await mark.page.reload();
  await openDecisions(mark.panel);
  await check.text(mark.panel.locator('.approval-card'), 'Approved by Mark Manager');
  await check.text(rootCause(mark.panel, 0), 'Corrective action');
  await check.text(rootCause(mark.panel, 0), 'Call-back verification on a known number');
  await check.text(rootCause(mark.panel, 1), 'Manage as a risk');
  await check.text(rootCause(mark.panel, 1).locator('.risk-record'), 'Mailbox takeover through phishing');
  const kept = mark.panel.getByRole('listitem', { name: 'Action: Introduce call-back verification for bank-detail changes' });
  await check.text(kept, 'Verified by Mark Manager');
  await check.text(kept, correctiveKey);
  await check.text(mark.panel.getByRole('listitem', { name: 'Action: Roll out FIDO2 keys to finance' }), 'To do');

  // Changing an approved decision is a deliberate step that says it reopens approval.
  await rootCause(mark.panel, 1).getByRole('button', { name: 'Change the decision for root cause 2' }).click();
  await check.text(rootCause(mark.panel, 1), 'Saving a change sends the review back to “in review”');
  await rootCause(mark.panel, 1).getByRole('button', { name: 'Cancel', exact: true }).click();
  await check.count(rootCause(mark.panel, 1).getByLabel('Rationale for root cause 2'), 0);

  // R23: the decisions and the approval are in the review's history, with names, not account ids.
  await tab(mark.panel, 'History').click();
  const history = mark.panel.getByRole('list', { name: 'Changes, newest first' });
  await check.text(history, 'updated decisions');
  await check.text(history, 'awaiting approval → approved');
  await check.noText(history, '712020:');
  await tab(mark.panel, 'Decisions & actions').click();

  // The issue key opens the issue in Jira (router.navigate through the bridge).
  await kept.getByRole('button', { name: new RegExp(`^${correctiveKey}`) }).click();
  await mark.page.waitForURL(`**/browse/${correctiveKey}`);
  expect(mark.errors).toEqual([]);
  await mark.context.close();
});

test('a decision saved after someone else changed the review is refused; the input stays, through a reload and tab switches', async () => {
  const { context, page, panel, errors } = await open('rita', `/browse/${CONFLICTED}`);
  await openDecisions(panel);
  const first = rootCause(panel, 0);
  await first.getByRole('radio', { name: /^Continual improvement/ }).check();
  const mine = 'Mine: a quarterly review of payment-change controls — must not be lost.';
  await first.getByLabel('Rationale for root cause 1').fill(mine);

  // Meanwhile Alice decides the second root cause.
  const current = await invoke('alice', 'getDecisions', { issueKey: CONFLICTED });
  await invoke('alice', 'saveReviewSection', {
    issueKey: CONFLICTED,
    section: 'decisions',
    value: [{ rootCauseId: 'r2', option: 'no-further-action', rationale: 'Covered by the MFA programme.' }],
    baseVersion: current.reviewVersion,
  });

  await first.getByRole('button', { name: 'Save the decision for root cause 1' }).click();
  const banner = panel.getByRole('alert').filter({ hasText: 'Someone else changed this review' });
  await check.text(banner, 'changed by Alice Admin');
  await check.text(first.getByRole('alert'), 'Decision not saved');
  await check.value(first.getByLabel('Rationale for root cause 1'), mine);
  await screenshot(page, 'decisions-conflict-light-narrow');

  // The unsaved decision survives switching tabs and loading the other's change.
  await tab(panel, 'Facts').click();
  await check.visible(panel.getByRole('tab', { name: /Decisions & actions.*\(not saved\)/ }));
  await banner.getByRole('button', { name: 'Reload' }).click();
  await check.count(banner, 0);
  await openDecisions(panel);
  await check.value(first.getByLabel('Rationale for root cause 1'), mine);
  await check.checked(first.getByRole('radio', { name: /^Continual improvement/ }));
  await check.text(rootCause(panel, 1), 'Decided by Alice Admin');
  await first.getByRole('button', { name: 'Save the decision for root cause 1' }).click();
  await first.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
  // Both decisions are stored: Alice's was not overwritten by the stale form.
  const stored = await invoke('rita', 'getDecisions', { issueKey: CONFLICTED });
  expect(stored.rootCauses.map((entry) => entry.decision?.option)).toEqual(['continual-improvement', 'no-further-action']);
  expect(errors).toEqual([]);
  await context.close();
});

test('the procedure help loads on request and shows the signed-off version, or says there is none', async () => {
  const { context, page, panel, invokes, errors } = await open('rita', `/browse/${INCIDENT}`);
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  expect(invokes).not.toContain('getProcedure');
  await panel.getByRole('button', { name: 'Procedure' }).click();
  const help = panel.getByRole('region', { name: 'Review procedure' });
  await check.text(help, 'No signed-off procedure yet — ask your ISMS manager');
  expect(invokes.filter((key) => key === 'getProcedure')).toHaveLength(1);

  // Alice writes the procedure, Mark signs it off, Alice starts a new draft.
  const initial = await invoke('alice', 'getProcedure', { projectKey: 'SEC' });
  const text = '# Post-incident review\n\nEvery significant incident gets a review within 10 working days.\n\n- Find the root causes\n- <b>Decide</b> per root cause';
  const saved = await invoke('alice', 'saveProcedureDraft', { projectKey: 'SEC', text, changeSummary: 'First version', baseVersion: initial.revision });
  const signed = await invoke('mark', 'signOffProcedure', { projectKey: 'SEC', version: saved.versions[0]?.version ?? 1 });
  await invoke('alice', 'saveProcedureDraft', { projectKey: 'SEC', text: `${text}\n- Verify the actions`, changeSummary: 'Add verification', baseVersion: signed.revision });

  await page.reload();
  await panel.getByRole('button', { name: 'Procedure' }).click();
  await check.text(help, 'signed off by Mark Manager');
  await check.text(help, 'Every significant incident gets a review within 10 working days.');
  // User text is text: the markup shows as typed and creates no element.
  await check.text(help, '<b>Decide</b> per root cause');
  await check.count(help.locator('b'), 0);
  await check.text(help, 'Unsigned draft — not in force');
  await check.text(help, 'Add verification');
  await noHorizontalOverflow(page);
  await screenshot(page, 'panel-procedure-light-narrow');
  await panel.getByRole('button', { name: 'Hide the procedure' }).click();
  await check.count(help, 0);
  expect(errors).toEqual([]);
  await context.close();
});

test.each([
  ['light', 'wide', WIDE],
  ['dark', 'wide', WIDE],
  ['dark', 'narrow', NARROW],
] as const)('the decisions tab reads well in the %s theme at %s width', async (colorMode, width, viewport) => {
  const { context, page, panel, errors } = await open('mark', `/browse/${INCIDENT}`, { colorMode, viewport });
  await openDecisions(panel);
  expect(await panel.locator('html').getAttribute('data-color-mode')).toBe(colorMode);
  await check.text(panel.locator('.approval-card'), 'Approved by Mark Manager');
  await check.count(panel.locator('.action-record'), 2);
  await panel.getByRole('button', { name: 'Add a risk for root cause 2' }).click();
  await panel.getByLabel('Risk title').waitFor();
  await noHorizontalOverflow(page);
  await screenshot(page, `decisions-${colorMode}-${width}`);
  expect(errors).toEqual([]);
  await context.close();
});
