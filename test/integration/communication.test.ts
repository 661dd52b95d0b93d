import { GROUPS, PERSONAS, STAFF, jiraSpec, type NotificationRecord } from '../../sandbox/jira';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview, reviewWithDecisions } from './decisions-fixture';

/**
 * R15 "share lessons": refused before approval; a tailored summary sent as the user to the chosen
 * people, groups and project roles (only those who may see the incident), valid per the spec;
 * every send recorded and queryable per incident and per project; a double click sends once.
 */
let app: AppHarness;
const outbox = (): NotificationRecord[] => app.sandbox.jira.notifications();

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
  await approvedReview(app, 'SEC-21');
  await app.data('rita', 'addActions', { issueKey: 'SEC-21', actions: [{ rootCauseId: 'r1', summary: 'Call-back procedure for bank changes', description: '', ownerAccountId: PERSONAS.owen.accountId, targetDate: '2026-09-30' }] });
  await app.data('rita', 'createActionIssues', { issueKey: 'SEC-21' });
  await reviewWithDecisions(app, 'SEC-24');
});

afterAll(() => {
  app.sandbox.close();
});

afterEach(() => {
  app.sandbox.jira.clearNotifications();
  app.sandbox.runtime.faults.configure({});
});

test('before approval a preview says why and sharing is refused, sending nothing', async () => {
  const preview = await app.data('rita', 'previewLessonsShare', { issueKey: 'SEC-24', audience: 'staff' });
  expect(preview).toMatchObject({ canShare: false, reason: expect.stringContaining('approved') as unknown });
  const before = app.storageSnapshot();
  const refused = await app.invoke('rita', 'shareLessons', { issueKey: 'SEC-24', audience: 'staff', recipients: { users: [PERSONAS.mark.accountId] } });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_ALLOWED');
  expect(outbox()).toEqual([]);
  expect(app.storageSnapshot()).toBe(before);
});

test('the management summary speaks of impact, decisions and risks; the staff one of what happened and what to do — no names', async () => {
  const management = await app.data('rita', 'previewLessonsShare', { issueKey: 'SEC-21', audience: 'management' });
  const staff = await app.data('rita', 'previewLessonsShare', { issueKey: 'SEC-21', audience: 'staff', note: 'Please read <before> Monday & share.' });
  expect(management).toMatchObject({ canShare: true, reviewStage: 'approved', subject: 'Management summary: SEC-21 Phishing e-mail led to a compromised finance mailbox' });
  expect(management.textBody).toMatch(/IMPACT[\s\S]*EUR 18,400[\s\S]*DECISIONS[\s\S]*Corrective action — Bank-detail changes need no call-back verification: Introduce call-back/);
  expect(management.textBody).toContain('Decisions approved by management on');
  expect(management.textBody).toContain('Call-back procedure for bank changes — due 2026-09-30');
  expect(staff.textBody).toMatch(/WHAT HAPPENED[\s\S]*Credentials were phished[\s\S]*WHAT WE WILL DO DIFFERENTLY[\s\S]*Alert on new inbox forwarding rules/);
  expect(staff.textBody).not.toContain('DECISIONS');
  expect(staff.htmlBody).toContain('Please read &lt;before&gt; Monday &amp; share.');
  expect(staff.htmlBody).not.toContain('<before>');
  for (const body of [management.textBody, staff.textBody]) expect(body).not.toMatch(/Rita|Mark Manager|712020:/);
  expect(management.projectRoles).toEqual(expect.arrayContaining(['Administrators', 'Members']));
});

test('shared as the user to people, a group and a project role; Jira narrows to who may see the incident; recorded for the evidence pack', async () => {
  const result = await app.data('rita', 'shareLessons', {
    issueKey: 'SEC-21',
    audience: 'staff',
    recipients: { users: [PERSONAS.oscar.accountId, PERSONAS.owen.accountId], groups: [GROUPS.approvers.name], projectRoles: ['Administrators'] },
  });
  expect(result).toMatchObject({ alreadySent: false, share: { status: 'sent', audience: 'staff', issueKey: 'SEC-21', sentBy: PERSONAS.rita.accountId, reviewStage: 'approved', roleMembers: [PERSONAS.alice.accountId] } });
  const [sent, ...more] = outbox();
  expect(more).toEqual([]);
  if (sent === undefined) throw new Error('nothing sent');
  expect(sent.senderAccountId).toBe(PERSONAS.rita.accountId);
  // Oscar cannot browse SEC: Jira leaves him out. Owen (viewer), Mark (approvers group), Alice (Administrators role) get it.
  expect(sent.recipients).toEqual([PERSONAS.alice.accountId, PERSONAS.mark.accountId, PERSONAS.owen.accountId].sort());
  expect(sent.request).toMatchObject({ restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] }, to: { groups: [{ name: 'isms-approvers' }] } });
  const spec = jiraSpec();
  const path = '/rest/api/3/issue/SEC-21/notify';
  const operation = spec.match('POST', path);
  if (operation === undefined) throw new Error('no spec operation');
  expect(spec.validateRequest(operation, { method: 'POST', path, query: new URLSearchParams(), body: sent.request }).valid).toBe(true);

  const perIncident = await app.data('mark', 'listLessonsShares', { issueKey: 'SEC-21' });
  expect(perIncident.shares).toEqual([expect.objectContaining({ shareId: result.share.shareId, status: 'sent', recipients: { users: [PERSONAS.oscar.accountId, PERSONAS.owen.accountId].sort(), groups: ['isms-approvers'], projectRoles: ['Administrators'] } })]);
  const perProject = await app.data('mark', 'listProjectCommunications', { projectKey: 'SEC' });
  expect(perProject.shares.map((share) => share.shareId)).toContain(result.share.shareId);
});

test('a double click (same share twice, even at once) mails everyone once; another audience is another share', async () => {
  const share = { issueKey: 'SEC-21', audience: 'management' as const, recipients: { users: [PERSONAS.mark.accountId, STAFF.grace.accountId] } };
  const [a, b] = await Promise.all([app.data('rita', 'shareLessons', share), app.data('rita', 'shareLessons', share)]);
  expect([a.alreadySent, b.alreadySent].sort()).toEqual([false, true]);
  const again = await app.data('rita', 'shareLessons', share);
  expect(again.alreadySent).toBe(true);
  expect(outbox()).toHaveLength(1);
  await app.data('rita', 'shareLessons', { ...share, audience: 'staff' });
  expect(outbox()).toHaveLength(2);
});

test('a lost answer is recorded as unconfirmed and not sent again; people who may only view cannot share', async () => {
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'drop-response'] } });
  const share = { issueKey: 'SEC-21', audience: 'staff' as const, recipients: { users: [PERSONAS.mark.accountId] } };
  const first = await app.data('rita', 'shareLessons', share);
  expect(first.share.status).toBe('unconfirmed');
  app.sandbox.runtime.faults.configure({});
  expect((await app.data('rita', 'shareLessons', share)).alreadySent).toBe(true);
  expect(outbox()).toHaveLength(1);

  const viewer = await app.invoke('owen', 'shareLessons', share);
  expect(viewer.ok ? 'ok' : viewer.error.code).toBe('FORBIDDEN');
  const outsider = await app.invoke('oscar', 'listLessonsShares', { issueKey: 'SEC-21' });
  expect(outsider.ok ? 'ok' : outsider.error.code).toBe('FORBIDDEN');
});
