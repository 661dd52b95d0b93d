import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JiraPrincipal } from '../../sandbox/backends';
import { JiraEmulator, PERSONAS, seedJira, type JiraIssueEvent } from '../../sandbox/jira';

const NOW = new Date('2025-06-02T09:00:00.000Z');
const as = (persona: keyof typeof PERSONAS): JiraPrincipal => ({ kind: 'user', accountId: PERSONAS[persona].accountId });
const app: JiraPrincipal = { kind: 'app' };

function emulator(db = new Database(':memory:'), clock: () => Date = () => NOW): JiraEmulator {
  const jira = new JiraEmulator({ db, now: clock });
  seedJira(jira.state, { now: NOW });
  return jira;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T names the expected response body at each call site
async function call<T = unknown>(jira: JiraEmulator, who: JiraPrincipal, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await jira.handle({ method, path, headers: { 'content-type': 'application/json' }, as: who, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, body: (response.body === '' ? undefined : JSON.parse(response.body)) as T };
}

interface SearchPage {
  issues: Array<{ id: string; key?: string; fields?: Record<string, unknown>; properties?: Record<string, unknown> }>;
  nextPageToken?: string;
  isLast: boolean;
}

const incident = (summary: string, extra: Record<string, unknown> = {}): unknown => ({
  fields: { project: { key: 'SEC' }, issuetype: { name: 'Incident' }, summary, ...extra },
});

describe('permissions per persona', () => {
  const jira = emulator();

  test('the outsider cannot see SEC issues: 404 like Jira, and an empty search', async () => {
    const issue = await call(jira, as('oscar'), 'GET', '/rest/api/3/issue/SEC-1');
    expect(issue).toEqual({ status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } });
    const search = await call<SearchPage>(jira, as('oscar'), 'POST', '/rest/api/3/search/jql', { jql: 'project = SEC' });
    expect(search.status).toBe(200);
    expect(search.body.issues).toEqual([]);
    const projects = await call<{ values: Array<{ key: string }> }>(jira, as('oscar'), 'GET', '/rest/api/3/project/search');
    expect(projects.body.values.map((p) => p.key)).toEqual(['ISMS']);
    const perms = await call<{ permissions: Record<string, { havePermission: boolean }> }>(jira, as('oscar'), 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=ISMS');
    expect(perms.body.permissions['BROWSE_PROJECTS']?.havePermission).toBe(true);
    expect((await call(jira, as('oscar'), 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=SEC')).status).toBe(404);
  });

  test('POST /permissions/check answers per project as the caller, leaving out what they cannot see', async () => {
    const body = { projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001, 10002, 99999] }] };
    const grants = async (persona: keyof typeof PERSONAS) =>
      (await call<{ projectPermissions: { permission: string; projects: number[] }[] }>(jira, as(persona), 'POST', '/rest/api/3/permissions/check', body)).body.projectPermissions;
    expect(await grants('oscar')).toEqual([{ permission: 'BROWSE_PROJECTS', projects: [10002], issues: [] }, { permission: 'EDIT_ISSUES', projects: [], issues: [] }]);
    expect(await grants('owen')).toEqual([{ permission: 'BROWSE_PROJECTS', projects: [10000, 10001, 10002], issues: [] }, { permission: 'EDIT_ISSUES', projects: [10002], issues: [] }]);
    // Someone else's permissions: Jira admins only.
    expect((await call(jira, as('rita'), 'POST', '/rest/api/3/permissions/check', { ...body, accountId: PERSONAS.oscar.accountId })).status).toBe(403);
  });

  test('the responder can edit, the viewer (action owner) cannot', async () => {
    expect((await call(jira, as('rita'), 'PUT', '/rest/api/3/issue/SEC-3', { fields: { summary: 'Edited by Rita' } })).status).toBe(204);
    const seen = await call<{ fields: { summary: string } }>(jira, as('owen'), 'GET', '/rest/api/3/issue/SEC-3?fields=summary');
    expect(seen.body.fields.summary).toBe('Edited by Rita');
    expect((await call(jira, as('owen'), 'PUT', '/rest/api/3/issue/SEC-3', { fields: { summary: 'Owen' } })).status).toBe(403);
  });

  test('global and project permissions come from groups and roles', async () => {
    const alice = await call<{ permissions: Record<string, { havePermission: boolean }> }>(jira, as('alice'), 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER,DELETE_ISSUES&projectKey=SEC');
    expect(alice.body.permissions['ADMINISTER']?.havePermission).toBe(true);
    expect(alice.body.permissions['DELETE_ISSUES']?.havePermission).toBe(true);
    const mark = await call<{ permissions: Record<string, { havePermission: boolean }> }>(jira, as('mark'), 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER,EDIT_ISSUES&issueKey=SEC-1');
    expect(mark.body.permissions['ADMINISTER']?.havePermission).toBe(false);
    expect(mark.body.permissions['EDIT_ISSUES']?.havePermission).toBe(true);
    const groups = await call<Array<{ name: string }>>(jira, as('mark'), 'GET', `/rest/api/3/user/groups?accountId=${encodeURIComponent(PERSONAS.mark.accountId)}`);
    expect(groups.body.map((g) => g.name)).toContain('isms-approvers');
  });

  test('the app can do everything, anonymous nothing', async () => {
    expect((await call(jira, app, 'GET', '/rest/api/3/issue/OPS-1')).status).toBe(200);
    expect((await call(jira, app, 'DELETE', '/rest/api/3/issue/OPS-2')).status).toBe(204);
    const count = await call<{ count: number }>(jira, app, 'POST', '/rest/api/3/search/approximate-count', { jql: 'project in (SEC, OPS)' });
    expect(count.body.count).toBe(89);
    expect((await call(jira, { kind: 'anonymous' }, 'GET', '/rest/api/3/issue/SEC-1')).status).toBe(401);
    expect((await call(jira, { kind: 'anonymous' }, 'GET', '/rest/api/3/serverInfo')).status).toBe(200);
  });

  test('assignable users are the project members only', async () => {
    const users = await call<Array<{ accountId: string }>>(jira, as('rita'), 'GET', '/rest/api/3/user/assignable/search?project=SEC');
    const ids = users.body.map((u) => u.accountId);
    expect(ids).toEqual(expect.arrayContaining([PERSONAS.rita.accountId, PERSONAS.mark.accountId, PERSONAS.alice.accountId]));
    expect(ids).not.toContain(PERSONAS.oscar.accountId);
    expect(ids).not.toContain(PERSONAS.owen.accountId);
    const bad = await call(jira, as('rita'), 'POST', '/rest/api/3/issue', incident('x', { assignee: { accountId: PERSONAS.oscar.accountId } }));
    expect(bad).toEqual({ status: 400, body: { errorMessages: [], errors: { assignee: `User '${PERSONAS.oscar.accountId}' cannot be assigned issues.` } } });
  });
});

describe('issues', () => {
  test('create with an inline link; both ends show it', async () => {
    const jira = emulator();
    const created = await call<{ id: string; key: string; self: string }>(jira, as('rita'), 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ISMS' }, issuetype: { name: 'Corrective action' }, summary: 'Harden e-mail filtering', labels: ['phishing'] },
      update: { issuelinks: [{ add: { type: { name: 'Problem/Incident' }, outwardIssue: { key: 'SEC-10' } } }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toBe('ISMS-7');
    expect(created.body.self).toBe(`https://sandbox.atlassian.net/rest/api/3/issue/${created.body.id}`);
    const action = await call<{ fields: { issuelinks: Array<Record<string, unknown>>; reporter: { accountId: string }; status: { name: string } } }>(jira, as('rita'), 'GET', `/rest/api/3/issue/${created.body.key}`);
    expect(action.body.fields.reporter.accountId).toBe(PERSONAS.rita.accountId);
    expect(action.body.fields.status.name).toBe('To Do');
    expect(action.body.fields.issuelinks).toEqual([expect.objectContaining({ type: expect.objectContaining({ name: 'Problem/Incident', outward: 'causes' }) as unknown, outwardIssue: expect.objectContaining({ key: 'SEC-10' }) as unknown })]);
    const incidentView = await call<{ fields: { issuelinks: Array<Record<string, unknown>> } }>(jira, as('rita'), 'GET', '/rest/api/3/issue/SEC-10?fields=issuelinks');
    expect(incidentView.body.fields.issuelinks).toContainEqual(expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'ISMS-7' }) as unknown }));
  });

  test('create validates like Jira', async () => {
    const jira = emulator();
    const missing = await call(jira, as('rita'), 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' }, issuetype: { name: 'Incident' }, description: 'plain text', labels: ['has space'] } });
    expect(missing).toEqual({
      status: 400,
      body: {
        errorMessages: [],
        errors: {
          summary: 'You must specify a summary of the issue.',
          description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
          labels: "The label 'has space' contains spaces which is invalid.",
        },
      },
    });
    const noProject = await call(jira, as('rita'), 'POST', '/rest/api/3/issue', { fields: { summary: 'x', issuetype: { name: 'Incident' } } });
    expect(noProject.body).toEqual({ errorMessages: [], errors: { project: 'Specify a valid project ID or key' } });
    const outsider = await call(jira, as('oscar'), 'POST', '/rest/api/3/issue', incident('x'));
    expect(outsider.status).toBe(400);
  });

  test('bulk create reports per-element errors and keeps the valid ones', async () => {
    const jira = emulator();
    const result = await call<{ issues: Array<{ key: string }>; errors: Array<{ failedElementNumber: number; status: number; elementErrors: { errors: Record<string, string> } }> }>(
      jira, as('rita'), 'POST', '/rest/api/3/issue/bulk',
      { issueUpdates: [incident('First'), { fields: { project: { key: 'SEC' }, issuetype: { name: 'Epic' }, summary: 'Bad type' } }, incident('Third'), incident('')] },
    );
    expect(result.status).toBe(201);
    expect(result.body.issues.map((i) => i.key)).toEqual(['SEC-61', 'SEC-62']);
    expect(result.body.errors).toEqual([
      { status: 400, failedElementNumber: 1, elementErrors: { errorMessages: [], errors: { issuetype: 'Specify a valid issue type' } } },
      { status: 400, failedElementNumber: 3, elementErrors: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } } },
    ]);
    const tooMany = await call(jira, as('rita'), 'POST', '/rest/api/3/issue/bulk', { issueUpdates: Array.from({ length: 51 }, (_, i) => incident(`n${i}`)) });
    expect(tooMany.status).toBe(400);
  });

  test('transitions set resolution and resolutiondate on Done and clear them on reopen', async () => {
    let clock = NOW;
    const jira = emulator(new Database(':memory:'), () => clock);
    const { body } = await call<{ key: string }>(jira, as('rita'), 'POST', '/rest/api/3/issue', incident('Lost phone'));
    const transitions = await call<{ transitions: Array<{ id: string; name: string; to: { name: string } }> }>(jira, as('rita'), 'GET', `/rest/api/3/issue/${body.key}/transitions`);
    expect(transitions.body.transitions.map((t) => t.to.name)).toEqual(['In Progress', 'Done']);
    clock = new Date('2025-06-03T10:00:00.000Z');
    expect((await call(jira, as('rita'), 'POST', `/rest/api/3/issue/${body.key}/transitions`, { transition: { id: '31' } })).status).toBe(204);
    type View = { fields: { status: { name: string; statusCategory: { key: string } }; resolution: { name: string } | null; resolutiondate: string | null } };
    const done = await call<View>(jira, as('rita'), 'GET', `/rest/api/3/issue/${body.key}`);
    expect(done.body.fields.status.statusCategory.key).toBe('done');
    expect(done.body.fields.resolution?.name).toBe('Done');
    expect(done.body.fields.resolutiondate).toBe('2025-06-03T10:00:00.000+0000');
    expect((await call(jira, as('rita'), 'POST', `/rest/api/3/issue/${body.key}/transitions`, { transition: { id: '11' } })).status).toBe(204);
    const reopened = await call<View>(jira, as('rita'), 'GET', `/rest/api/3/issue/${body.key}`);
    expect(reopened.body.fields.resolution).toBeNull();
    expect(reopened.body.fields.resolutiondate).toBeNull();
    const invalid = await call(jira, as('rita'), 'POST', `/rest/api/3/issue/${body.key}/transitions`, { transition: { id: '11' } });
    expect(invalid).toEqual({ status: 400, body: { errorMessages: ["Transition id '11' is not valid for this issue."], errors: {} } });
  });

  test('issue properties round trip, with Jira\'s 32 KB limit', async () => {
    const jira = emulator();
    const value = { stage: 'review', approvers: [PERSONAS.mark.accountId], score: 3 };
    expect((await call(jira, as('rita'), 'PUT', '/rest/api/3/issue/SEC-5/properties/lessons-learned', value)).status).toBe(201);
    expect((await call(jira, as('rita'), 'PUT', '/rest/api/3/issue/SEC-5/properties/lessons-learned', { ...value, score: 4 })).status).toBe(200);
    expect((await call(jira, as('owen'), 'GET', '/rest/api/3/issue/SEC-5/properties/lessons-learned')).body).toEqual({ key: 'lessons-learned', value: { ...value, score: 4 } });
    const keys = await call<{ keys: Array<{ key: string }> }>(jira, as('rita'), 'GET', '/rest/api/3/issue/SEC-5/properties');
    expect(keys.body.keys.map((k) => k.key)).toEqual(['lessons-learned']);
    const withProps = await call<SearchPage>(jira, as('rita'), 'POST', '/rest/api/3/search/jql', { jql: 'key = SEC-5', fields: ['summary'], properties: ['lessons-learned'] });
    expect(withProps.body.issues[0]?.properties).toEqual({ 'lessons-learned': { ...value, score: 4 } });
    expect((await call(jira, as('rita'), 'PUT', '/rest/api/3/issue/SEC-5/properties/big', { blob: 'x'.repeat(33_000) })).status).toBe(400);
    expect((await call(jira, as('owen'), 'PUT', '/rest/api/3/issue/SEC-5/properties/lessons-learned', value)).status).toBe(403);
    expect((await call(jira, as('oscar'), 'GET', '/rest/api/3/issue/SEC-5/properties/lessons-learned')).status).toBe(404);
    expect((await call(jira, as('rita'), 'DELETE', '/rest/api/3/issue/SEC-5/properties/lessons-learned')).status).toBe(204);
    expect((await call(jira, as('rita'), 'GET', '/rest/api/3/issue/SEC-5/properties/lessons-learned')).status).toBe(404);
  });

  test('notify records what was sent, to whom', async () => {
    const jira = emulator();
    await call(jira, as('rita'), 'PUT', '/rest/api/3/issue/SEC-8', { fields: { assignee: { accountId: PERSONAS.rita.accountId } } });
    const sent = await call(jira, as('rita'), 'POST', '/rest/api/3/issue/SEC-8/notify', {
      subject: 'Lessons learned ready for approval', textBody: 'Please approve', to: { assignee: true, groups: [{ name: 'isms-approvers' }], users: [{ accountId: PERSONAS.oscar.accountId }] },
    });
    expect(sent.status).toBe(204);
    const [notification] = jira.notifications();
    expect(notification).toMatchObject({ issueKey: 'SEC-8', subject: 'Lessons learned ready for approval', senderAccountId: PERSONAS.rita.accountId });
    // Oscar cannot see the issue, so Jira does not mail him.
    expect(notification?.recipients).toEqual([PERSONAS.rita.accountId, PERSONAS.mark.accountId].sort());
    expect((await call(jira, as('rita'), 'POST', '/rest/api/3/issue/SEC-8/notify', { subject: 'x' })).status).toBe(400);
  });
});

describe('search', () => {
  const jira = emulator();

  test('pages with nextPageToken until isLast', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await call<SearchPage>(jira, as('rita'), 'POST', '/rest/api/3/search/jql', { jql: 'project = OPS ORDER BY key ASC', fields: ['summary'], maxResults: 7, ...(token === undefined ? {} : { nextPageToken: token }) });
      keys.push(...result.body.issues.map((i) => i.key ?? ''));
      if (result.body.isLast) {
        expect(result.body.nextPageToken).toBeUndefined();
        break;
      }
      token = result.body.nextPageToken;
    }
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
  });

  test('ids only by default, JQL errors as 400, unbounded queries rejected', async () => {
    const ids = await call<SearchPage>(jira, as('rita'), 'GET', '/rest/api/3/search/jql?jql=project%3DSEC&maxResults=3');
    expect(ids.body.issues).toEqual([{ id: expect.any(String) as unknown }, { id: expect.any(String) as unknown }, { id: expect.any(String) as unknown }]);
    const bad = await call<{ errorMessages: string[] }>(jira, as('rita'), 'POST', '/rest/api/3/search/jql', { jql: 'project = = SEC' });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages[0]).toMatch(/JQL/);
    const unbounded = await call<{ errorMessages: string[] }>(jira, as('rita'), 'POST', '/rest/api/3/search/jql', { jql: 'order by created DESC' });
    expect(unbounded.body.errorMessages).toEqual(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  });

  test('the seed has a realistic year of incidents', async () => {
    const open = await call<{ count: number }>(jira, as('rita'), 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SEC AND statusCategory != Done' });
    const resolved = await call<{ count: number }>(jira, as('rita'), 'POST', '/rest/api/3/search/approximate-count', { jql: 'project = SEC AND resolution IS NOT EMPTY' });
    expect(open.body.count + resolved.body.count).toBe(60);
    expect(resolved.body.count).toBeGreaterThan(40);
    expect(open.body.count).toBeGreaterThan(0);
  });
});

describe('events', () => {
  test('created, updated (with changelog) and deleted events carry Forge payloads', async () => {
    const jira = emulator();
    const events: JiraIssueEvent[] = [];
    jira.onIssueEvent((event) => events.push(event));
    const { body } = await call<{ id: string; key: string }>(jira, as('rita'), 'POST', '/rest/api/3/issue', incident('Event test', { labels: ['phishing'] }));
    expect(events[0]).toEqual({
      eventType: 'avi:jira:created:issue',
      atlassianId: PERSONAS.rita.accountId,
      associatedUsers: [{ accountId: PERSONAS.rita.accountId }],
      issue: {
        id: body.id,
        key: body.key,
        fields: expect.objectContaining({
          summary: 'Event test',
          creator: { accountId: PERSONAS.rita.accountId },
          reporter: { accountId: PERSONAS.rita.accountId },
          assignee: null,
          issuetype: expect.objectContaining({ name: 'Incident' }) as unknown,
          project: expect.objectContaining({ key: 'SEC' }) as unknown,
          status: expect.objectContaining({ name: 'To Do' }) as unknown,
          created: '2025-06-02T09:00:00.000+0000',
        }) as unknown,
      },
    });
    await call(jira, as('rita'), 'PUT', `/rest/api/3/issue/${body.key}`, { fields: { summary: 'Renamed' }, update: { labels: [{ add: 'reviewed' }] } });
    await call(jira, app, 'POST', `/rest/api/3/issue/${body.key}/transitions`, { transition: { id: '31' } });
    await call(jira, as('alice'), 'DELETE', `/rest/api/3/issue/${body.key}`);
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']);
    const edit = events[1];
    expect(edit?.eventType === 'avi:jira:updated:issue' ? edit.changelog.items : []).toEqual([
      { field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'Event test', to: null, toString: 'Renamed' },
      { field: 'labels', fieldtype: 'jira', fieldId: 'labels', from: null, fromString: 'phishing', to: null, toString: 'phishing reviewed' },
    ]);
    const transition = events[2];
    expect(transition?.atlassianId).toBe(jira.appAccountId);
    expect(transition?.eventType === 'avi:jira:updated:issue' ? transition.changelog.items.map((i) => [i.field, i.fromString, i.toString]) : []).toEqual([
      ['status', 'To Do', 'Done'],
      ['resolution', null, 'Done'],
    ]);
    expect(events[3]).toMatchObject({ atlassianId: PERSONAS.alice.accountId, issue: { key: body.key } });
  });

  test('failed requests emit nothing', async () => {
    const jira = emulator();
    const events: JiraIssueEvent[] = [];
    jira.onIssueEvent((event) => events.push(event));
    await call(jira, as('owen'), 'PUT', '/rest/api/3/issue/SEC-1', { fields: { summary: 'nope' } });
    await call(jira, as('rita'), 'POST', '/rest/api/3/issue', { fields: { project: { key: 'SEC' } } });
    expect(events).toEqual([]);
  });
});

describe('persistence', () => {
  test('state survives reopening a file database, and seeding is idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-emulator-'));
    const file = join(dir, 'sandbox.db');
    try {
      const first = new Database(file);
      const jira = emulator(first);
      const { body } = await call<{ key: string }>(jira, as('rita'), 'POST', '/rest/api/3/issue', incident('Persisted'));
      await call(jira, as('rita'), 'PUT', `/rest/api/3/issue/${body.key}/properties/ll`, { ok: true });
      first.close();

      const again = emulator(new Database(file));
      const view = await call<{ fields: { summary: string } }>(again, as('rita'), 'GET', `/rest/api/3/issue/${body.key}?fields=summary`);
      expect(view.body.fields.summary).toBe('Persisted');
      expect((await call(again, as('rita'), 'GET', `/rest/api/3/issue/${body.key}/properties/ll`)).body).toEqual({ key: 'll', value: { ok: true } });
      const next = await call<{ key: string }>(again, as('rita'), 'POST', '/rest/api/3/issue', incident('Next'));
      expect(next.body.key).toBe('SEC-62');
      again.state.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
