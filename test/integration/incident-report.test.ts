import { createHash } from 'node:crypto';
import { PERSONAS, jiraSpec } from '../../sandbox/jira';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, approvedReview } from './decisions-fixture';

/**
 * R13 the lessons-learned report through its resolvers: content for a full and a sparse review,
 * escaping, export recorded in the audit trail, attachment to the Jira issue once per document
 * (also under injected 429s), and R24 the walkthrough for managers only.
 */
let app: AppHarness;

const jiraAttachments = (issueKey: string) => {
  const issue = app.sandbox.jira.state.issues.byIdOrKey(issueKey);
  if (issue === undefined) throw new Error(`no ${issueKey}`);
  return app.sandbox.jira.state.issues.attachmentsOf(issue.id);
};

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
  await app.data('alice', 'saveProcedureDraft', { projectKey: 'SEC', text: '# Review procedure\n\nReview every significant incident.', changeSummary: 'First version', baseVersion: 0 });
  await app.data('mark', 'signOffProcedure', { projectKey: 'SEC', version: 1 });
  await approvedReview(app, 'SEC-21');
  await app.data('rita', 'addActions', { issueKey: 'SEC-21', actions: [{ rootCauseId: 'r1', summary: 'Call-back procedure for bank changes', description: '', ownerAccountId: PERSONAS.owen.accountId, targetDate: '2026-09-30' }] });
  await app.data('rita', 'createActionIssues', { issueKey: 'SEC-21' });
  await app.data('rita', 'startReview', { issueKey: 'SEC-24' });
});

afterAll(() => {
  app.sandbox.close();
});

afterEach(() => {
  app.sandbox.runtime.faults.configure({});
});

test('a fully filled incident: every section, names not ids, the procedure in force, control attributes; the hash is of the HTML', async () => {
  const view = await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(view.sha256).toBe(createHash('sha256').update(view.html, 'utf8').digest('hex'));
  expect(view.size).toBe(Buffer.byteLength(view.html, 'utf8'));
  expect(view.fileName).toBe(`lessons-learned-SEC-21-${view.sha256.slice(0, 12)}.html`);
  expect(view.canAttach).toBe(false);
  const { report } = view;
  expect(report.incident).toMatchObject({ key: 'SEC-21', reviewStage: 'Approved' });
  expect(report.procedure).toMatchObject({ version: 1, signedOffBy: 'Mark Manager' });
  expect(report.approval).toMatchObject({ state: 'Approved', by: 'Mark Manager', comment: 'Agreed.' });
  expect(report.rootCauses.map((rootCause) => rootCause.decision?.option)).toEqual(['Corrective action', 'Continual improvement']);
  expect(report.actions).toEqual([expect.objectContaining({ summary: 'Call-back procedure for bank changes', owner: 'Owen Owner', targetDate: '2026-09-30', status: 'To do', jiraKey: expect.stringMatching(/^ISMS-\d+$/) as unknown })]);
  expect(report.timeline.length).toBeGreaterThan(0);
  expect(report.lessons).toHaveLength(8);
  expect(report.gaps.map((gap) => gap.message)).toEqual(expect.arrayContaining([expect.stringContaining('has no action'), 'The lessons have not been shared with stakeholders.']));
  for (const text of ['Preventive', 'Confidentiality, Integrity, Availability', 'Identify, Protect', 'Information security event management', 'Defence', 'version 1', '@page { size: A4', '<svg', 'EUR 18,400']) {
    expect(view.html).toContain(text);
  }
  expect(view.html).not.toMatch(/712020:|<script/);
  const letter = await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'Letter' });
  expect(letter.html).toContain('@page { size: letter');
  expect(letter.sha256).not.toBe(view.sha256);
});

test('a sparse review and an incident without one give a report with the gaps flagged, not an error', async () => {
  const sparse = await app.data('rita', 'getIncidentReport', { issueKey: 'SEC-24', paper: 'A4' });
  const messages = sparse.report.gaps.map((gap) => gap.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      'No root cause has been identified.',
      'No root cause analysis is recorded (neither 5 Whys nor fishbone).',
      'No timeline of events has been recorded.',
      expect.stringContaining('not approved by management') as unknown,
      'Attendance of the review meeting is not recorded.',
    ]),
  );
  expect(sparse.html).toContain('Gap:');
  const none = await app.data('rita', 'getIncidentReport', { issueKey: 'SEC-3', paper: 'A4' });
  expect(none.report.gaps.map((gap) => gap.message)).toContain('No post-incident review has been started for this incident.');
});

test('hostile text is shown as text: no element, no script, no attribute of ours carries it', async () => {
  const panel = await app.data('rita', 'getPanel', { issueKey: 'SEC-24' });
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
  await app.data('rita', 'saveReviewSection', { issueKey: 'SEC-24', section: 'timeline', value: [{ id: 't1', at: '2026-01-05T10:00:00Z', text: hostile }], baseVersion: panel.review?.version ?? 0 });
  const view = await app.data('rita', 'getIncidentReport', { issueKey: 'SEC-24', paper: 'A4' });
  expect(view.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
  expect(view.html).not.toContain('<script');
  expect(view.html).not.toContain('<img');
});

test('an export is recorded in the review audit trail (who, which file and hash) and does not change the report', async () => {
  const before = await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  const exported = await app.data('owen', 'exportIncidentReport', { issueKey: 'SEC-21', paper: 'A4', purpose: 'download' });
  expect(exported.sha256).toBe(before.sha256);
  expect(exported.html).toBe(before.html);
  const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-21' });
  expect(history.events[0]).toMatchObject({ kind: 'report-exported', by: PERSONAS.owen.accountId, changes: [{ after: expect.stringContaining(`SHA-256 ${before.sha256}`) as unknown }] });
  const after = await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(after.sha256).toBe(before.sha256);
});

test('attaching puts the HTML on the Jira issue as the user, records the hash, and a second attach of the same report adds nothing', async () => {
  const first = await app.data('rita', 'attachIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(first).toMatchObject({ alreadyAttached: false, attachment: { status: 'attached', attachedBy: PERSONAS.rita.accountId, paper: 'A4' } });
  const files = jiraAttachments('SEC-21');
  expect(files).toEqual([expect.objectContaining({ filename: first.attachment.fileName, mimeType: 'text/html; charset=utf-8', authorAccountId: PERSONAS.rita.accountId })]);
  const stored = app.sandbox.jira.state.issues.attachmentContent(files[0]?.id ?? 0);
  expect(createHash('sha256').update(stored?.content ?? Buffer.alloc(0)).digest('hex')).toBe(first.attachment.sha256);

  const history = await app.data('rita', 'getReviewHistory', { issueKey: 'SEC-21' });
  expect(history.events[0]).toMatchObject({ kind: 'report-attached', by: PERSONAS.rita.accountId, changes: [{ after: expect.stringContaining(first.attachment.sha256) as unknown }] });

  const [again, concurrent] = await Promise.all([
    app.data('mark', 'attachIncidentReport', { issueKey: 'SEC-21', paper: 'A4' }),
    app.data('rita', 'attachIncidentReport', { issueKey: 'SEC-21', paper: 'A4' }),
  ]);
  expect([again.alreadyAttached, concurrent.alreadyAttached]).toEqual([true, true]);
  expect(again.attachment.attachedBy).toBe(PERSONAS.rita.accountId);
  expect(jiraAttachments('SEC-21')).toHaveLength(1);

  const view = await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(view.attached).toMatchObject({ sha256: first.attachment.sha256, status: 'attached' });
  const issue = await app.sandbox.jira.handle({ method: 'GET', path: '/rest/api/3/issue/SEC-21?fields=attachment', headers: {}, as: { kind: 'user', accountId: PERSONAS.owen.accountId } });
  const body = JSON.parse(issue.body) as { fields: { attachment: { filename: string }[] } };
  expect(body.fields.attachment.map((file) => file.filename)).toEqual([first.attachment.fileName]);
});

test('under injected 429s the upload is retried after Retry-After and lands once', async () => {
  const before = jiraAttachments('SEC-21').length;
  // The permission check, the issue and the names pass; the upload is refused twice with 429, then lands.
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'pass', 'pass', 'rate-limit', 'rate-limit'], retryAfterSeconds: 1 } });
  const result = await app.data('rita', 'attachIncidentReport', { issueKey: 'SEC-21', paper: 'Letter' });
  expect(result.alreadyAttached).toBe(false);
  expect(app.sandbox.runtime.faults.injected['rate-limit']).toBeGreaterThanOrEqual(2);
  expect(jiraAttachments('SEC-21')).toHaveLength(before + 1);
}, 20_000);

test('a lost upload answer is not repeated blindly: the file landed once, and a retry right away is told it is still being attached', async () => {
  // The permission check, the issue and the names pass; the upload runs but its answer is lost.
  app.sandbox.runtime.faults.configure({ jira: { sequence: ['pass', 'pass', 'pass', 'drop-response'] } });
  const lost = await app.invoke('rita', 'attachIncidentReport', { issueKey: 'SEC-24', paper: 'A4' });
  expect(lost.ok ? 'ok' : lost.error).toMatchObject({ code: 'UPSTREAM', message: expect.stringContaining('check whether it arrived') as unknown });
  app.sandbox.runtime.faults.configure({});
  const retry = await app.invoke('rita', 'attachIncidentReport', { issueKey: 'SEC-24', paper: 'A4' });
  expect(retry.ok ? 'ok' : retry.error.code).toBe('CONFLICT');
  expect(jiraAttachments('SEC-24')).toHaveLength(1);
});

test('the report costs 3 Jira calls with the permission check and at most 7 storage calls in two rounds (6 here: no linked risk to read)', async () => {
  app.sandbox.runtime.calls.reset();
  await app.data('owen', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(app.sandbox.runtime.calls.count('kvs')).toBe(6);
  expect(app.sandbox.runtime.calls.count('jira')).toBe(3);
});

test('a viewer may read and export the report but not attach it; the refusal changes nothing', async () => {
  const before = app.storageSnapshot();
  const refused = await app.invoke('owen', 'attachIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
  expect(app.storageSnapshot()).toBe(before);
  const outsider = await app.invoke('oscar', 'getIncidentReport', { issueKey: 'SEC-21', paper: 'A4' });
  expect(outsider.ok ? 'ok' : outsider.error.code).toBe('FORBIDDEN');
});

test('the walkthrough shows the chain with evidence and gaps, for approvers and project admins only', async () => {
  const view = await app.data('mark', 'getIncidentWalkthrough', { projectKey: 'SEC', issueKey: 'SEC-21' });
  expect(view.walkthrough.steps.map((step) => step.id)).toEqual(['incident', 'review', 'root-causes', 'decisions', 'actions', 'verification', 'effectiveness', 'updates']);
  const byId = Object.fromEntries(view.walkthrough.steps.map((step) => [step.id, step]));
  expect(byId['decisions']).toMatchObject({ status: 'complete', evidence: expect.arrayContaining([expect.stringContaining('Approval: Approved by Mark Manager')]) as unknown });
  expect(byId['actions']?.status).toBe('gap');
  expect(byId['verification']).toMatchObject({ status: 'pending', gaps: ['“Call-back procedure for bank changes” is not completed yet.'] });
  expect((await app.data('alice', 'getIncidentWalkthrough', { projectKey: 'SEC', issueKey: 'SEC-24' })).walkthrough.gapCount).toBeGreaterThan(0);

  const responder = await app.invoke('rita', 'getIncidentWalkthrough', { projectKey: 'SEC', issueKey: 'SEC-21' });
  expect(responder.ok ? 'ok' : responder.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('isms-approvers') as unknown });
  const otherProject = await app.invoke('alice', 'getIncidentWalkthrough', { projectKey: 'OPS', issueKey: 'SEC-21' });
  expect(otherProject.ok ? 'ok' : otherProject.error.code).toBe('NOT_FOUND');
});

describe('the Jira emulator’s attachments endpoint', () => {
  const boundary = 'xyz123';
  const multipart = (field: string, content: string) =>
    new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`);
  const post = (issueKey: string, persona: keyof typeof PERSONAS, body: Uint8Array, headers: Record<string, string> = { 'X-Atlassian-Token': 'no-check' }) =>
    app.sandbox.jira.handle({
      method: 'POST',
      path: `/rest/api/3/issue/${issueKey}/attachments`,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, ...headers },
      rawBody: body,
      as: { kind: 'user', accountId: PERSONAS[persona].accountId },
    });

  test('answers like Jira: an array of Attachment (valid per the spec), XSRF header required, permissions, field name', async () => {
    const ok = await post('SEC-2', 'rita', multipart('file', 'hello'));
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as unknown;
    expect(body).toEqual([expect.objectContaining({ filename: 'note.txt', size: 5, mimeType: 'text/plain', author: expect.objectContaining({ accountId: PERSONAS.rita.accountId }) as unknown })]);
    expect(jiraSpec().validateResponse('addAttachment', 200, body)).toEqual([]);

    expect((await post('SEC-2', 'rita', multipart('file', 'x'), {})).status).toBe(403);
    expect((await post('SEC-2', 'owen', multipart('file', 'x'))).status).toBe(403);
    expect((await post('SEC-2', 'oscar', multipart('file', 'x'))).status).toBe(404);
    expect((await post('SEC-2', 'rita', multipart('upload', 'x'))).status).toBe(400);
    expect((await post('SEC-2', 'rita', multipart('file', 'x'.repeat(10 * 1024 * 1024 + 1)))).status).toBe(413);
    expect(jiraAttachments('SEC-2')).toHaveLength(1);
  });
});
