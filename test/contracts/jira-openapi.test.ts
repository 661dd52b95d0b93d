import Database from 'better-sqlite3';
import type { JiraPrincipal } from '../../sandbox/backends';
import { JiraEmulator, PERSONAS, jiraSpec, seedJira, type JiraSpec } from '../../sandbox/jira';

/**
 * Contract: every emulated endpoint answers with a body that validates against the response
 * schema of the official Jira Cloud OpenAPI spec, and malformed requests are rejected with
 * Jira's 400 `{errorMessages, errors}` shape without changing anything.
 */

const NOW = new Date('2025-06-02T09:00:00.000Z');
const rita: JiraPrincipal = { kind: 'user', accountId: PERSONAS.rita.accountId };
const alice: JiraPrincipal = { kind: 'user', accountId: PERSONAS.alice.accountId };
const app: JiraPrincipal = { kind: 'app' };

interface Case {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  as?: JiraPrincipal;
  status: number;
}

let jira: JiraEmulator;
let spec: JiraSpec;

async function send(c: Pick<Case, 'method' | 'path' | 'body' | 'as'>): Promise<{ status: number; body: unknown }> {
  const response = await jira.handle({
    method: c.method,
    path: c.path,
    headers: { 'content-type': 'application/json' },
    as: c.as ?? rita,
    ...(c.body === undefined ? {} : { body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) }),
  });
  return { status: response.status, body: response.body === '' ? undefined : (JSON.parse(response.body) as unknown) };
}

function operationFor(method: string, path: string): string {
  const operation = spec.match(method, path.split('?')[0] ?? path);
  if (operation === undefined) throw new Error(`no operation for ${method} ${path}`);
  return operation.operationId;
}

beforeAll(() => {
  spec = jiraSpec();
  jira = new JiraEmulator({ db: new Database(':memory:'), now: () => NOW });
  seedJira(jira.state, { now: NOW });
});

const cases: Case[] = [
  { name: 'myself', method: 'GET', path: '/rest/api/3/myself', status: 200 },
  { name: 'myself as app', method: 'GET', path: '/rest/api/3/myself', as: app, status: 200 },
  { name: 'mypermissions', method: 'GET', path: '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER&projectKey=SEC', status: 200 },
  { name: 'mypermissions without permissions', method: 'GET', path: '/rest/api/3/mypermissions', status: 400 },
  { name: 'serverInfo', method: 'GET', path: '/rest/api/3/serverInfo', status: 200 },
  { name: 'get issue', method: 'GET', path: '/rest/api/3/issue/SEC-1', status: 200 },
  { name: 'get issue with fields and properties', method: 'GET', path: '/rest/api/3/issue/SEC-1?fields=summary,status,-labels&properties=anything', status: 200 },
  { name: 'get issue with links', method: 'GET', path: '/rest/api/3/issue/ISMS-1', status: 200 },
  { name: 'create issue', method: 'POST', path: '/rest/api/3/issue', body: { fields: { project: { key: 'SEC' }, issuetype: { name: 'Incident' }, summary: 'Contract test incident', labels: ['phishing'], components: [{ name: 'Laptop fleet' }], priority: { name: 'High' }, duedate: '2025-07-01', description: { type: 'doc', version: 1, content: [] } } }, status: 201 },
  { name: 'create issue with field errors', method: 'POST', path: '/rest/api/3/issue', body: { fields: { project: { key: 'SEC' }, issuetype: { name: 'Incident' } } }, status: 400 },
  { name: 'bulk create, partly failing', method: 'POST', path: '/rest/api/3/issue/bulk', body: { issueUpdates: [{ fields: { project: { key: 'SEC' }, issuetype: { name: 'Incident' }, summary: 'Bulk 1' } }, { fields: { project: { key: 'SEC' }, issuetype: { name: 'Nope' }, summary: 'Bulk 2' } }] }, status: 201 },
  { name: 'bulk create, all failing', method: 'POST', path: '/rest/api/3/issue/bulk', body: { issueUpdates: [{ fields: { project: { key: 'SEC' }, issuetype: { name: 'Nope' }, summary: 'Bulk 3' } }] }, status: 400 },
  { name: 'edit issue', method: 'PUT', path: '/rest/api/3/issue/SEC-2', body: { fields: { summary: 'Edited' }, update: { labels: [{ add: 'reviewed' }] } }, status: 204 },
  { name: 'transitions', method: 'GET', path: '/rest/api/3/issue/SEC-2/transitions', status: 200 },
  { name: 'do transition', method: 'POST', path: '/rest/api/3/issue/SEC-2/transitions', body: { transition: { id: '21' } }, status: 204 },
  { name: 'notify', method: 'POST', path: '/rest/api/3/issue/SEC-2/notify', body: { subject: 'Review', textBody: 'Please review', to: { reporter: true, users: [{ accountId: PERSONAS.mark.accountId }] } }, status: 204 },
  { name: 'set property', method: 'PUT', path: '/rest/api/3/issue/SEC-3/properties/lessons', body: { stage: 'draft' }, status: 201 },
  { name: 'property keys', method: 'GET', path: '/rest/api/3/issue/SEC-3/properties', status: 200 },
  { name: 'get property', method: 'GET', path: '/rest/api/3/issue/SEC-3/properties/lessons', status: 200 },
  { name: 'missing property', method: 'GET', path: '/rest/api/3/issue/SEC-3/properties/none', status: 404 },
  { name: 'link issues', method: 'POST', path: '/rest/api/3/issueLink', body: { type: { name: 'Problem/Incident' }, inwardIssue: { key: 'SEC-4' }, outwardIssue: { key: 'SEC-5' } }, status: 201 },
  { name: 'link types', method: 'GET', path: '/rest/api/3/issueLinkType', status: 200 },
  { name: 'search (POST)', method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = SEC ORDER BY created DESC', fields: ['summary', 'status', 'assignee', 'issuelinks'], properties: ['lessons'], maxResults: 5 }, status: 200 },
  { name: 'search (GET, ids only)', method: 'GET', path: '/rest/api/3/search/jql?jql=project%20%3D%20OPS&maxResults=100', status: 200 },
  { name: 'search with a JQL error', method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = = SEC' }, status: 400 },
  { name: 'approximate count', method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = SEC' }, status: 200 },
  { name: 'user', method: 'GET', path: `/rest/api/3/user?accountId=${encodeURIComponent(PERSONAS.mark.accountId)}`, status: 200 },
  { name: 'user bulk', method: 'GET', path: `/rest/api/3/user/bulk?accountId=${encodeURIComponent(PERSONAS.mark.accountId)}&accountId=${encodeURIComponent(PERSONAS.owen.accountId)}`, status: 200 },
  { name: 'user search', method: 'GET', path: '/rest/api/3/user/search?query=ri', status: 200 },
  { name: 'assignable users', method: 'GET', path: '/rest/api/3/user/assignable/search?project=SEC&query=', status: 200 },
  { name: 'user groups', method: 'GET', path: `/rest/api/3/user/groups?accountId=${encodeURIComponent(PERSONAS.rita.accountId)}`, status: 200 },
  { name: 'project', method: 'GET', path: '/rest/api/3/project/SEC', status: 200 },
  { name: 'project search', method: 'GET', path: '/rest/api/3/project/search?maxResults=2', status: 200 },
  { name: 'project search by keys', method: 'GET', path: '/rest/api/3/project/search?keys=SEC&keys=OPS&maxResults=50', status: 200 },
  { name: 'bulk permission check', method: 'POST', path: '/rest/api/3/permissions/check', body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001, 10002] }] }, status: 200 },
  { name: 'bulk permission check, unknown key', method: 'POST', path: '/rest/api/3/permissions/check', body: { projectPermissions: [{ permissions: ['NOPE'], projects: [10000] }] }, status: 400 },
  { name: 'project roles', method: 'GET', path: '/rest/api/3/project/SEC/role', status: 200 },
  { name: 'project role', method: 'GET', path: '/rest/api/3/project/SEC/role/10003', status: 200 },
  { name: 'issue types', method: 'GET', path: '/rest/api/3/issuetype', status: 200 },
  { name: 'issue types of project', method: 'GET', path: '/rest/api/3/issuetype/project?projectId=10000', status: 200 },
  { name: 'priorities', method: 'GET', path: '/rest/api/3/priority', status: 200 },
  { name: 'statuses', method: 'GET', path: '/rest/api/3/status', status: 200 },
  { name: 'groups picker', method: 'GET', path: '/rest/api/3/groups/picker?query=isms', status: 200 },
  { name: 'delete property', method: 'DELETE', path: '/rest/api/3/issue/SEC-3/properties/lessons', status: 204 },
  { name: 'delete issue', method: 'DELETE', path: '/rest/api/3/issue/SEC-6', as: alice, status: 204 },
];

describe('Jira emulator responses conform to the Jira Cloud OpenAPI spec', () => {
  test.each(cases)('$name → $status', async (c) => {
    const response = await send(c);
    expect(response.status).toBe(c.status);
    if (response.body === undefined) return;
    const operationId = operationFor(c.method, c.path);
    expect(spec.validateResponse(operationId, response.status, response.body)).toEqual([]);
    // Bulk create reports failures in its own CreatedIssues shape (per the spec); all else uses ErrorCollection.
    if (response.status >= 400 && operationId !== 'createIssues') expect(response.body).toEqual({ errorMessages: expect.any(Array) as unknown, errors: expect.any(Object) as unknown });
  });
});

describe('malformed requests are rejected by the spec validator with 400 and change nothing', () => {
  const malformed: Array<Omit<Case, 'status'>> = [
    { name: 'create issue without body', method: 'POST', path: '/rest/api/3/issue' },
    { name: 'create issue with fields as a string', method: 'POST', path: '/rest/api/3/issue', body: { fields: 'summary' } },
    { name: 'bulk create with issueUpdates not a list', method: 'POST', path: '/rest/api/3/issue/bulk', body: { issueUpdates: 'x' } },
    { name: 'edit with update not an object', method: 'PUT', path: '/rest/api/3/issue/SEC-7', body: { update: 5 } },
    { name: 'search with maxResults not an integer', method: 'GET', path: '/rest/api/3/search/jql?jql=project%3DSEC&maxResults=many' },
    { name: 'search body with an unknown property', method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = SEC', startAt: 3 } },
    { name: 'user bulk without accountId', method: 'GET', path: '/rest/api/3/user/bulk' },
    { name: 'issue types of project with non-numeric id', method: 'GET', path: '/rest/api/3/issuetype/project?projectId=SEC' },
    { name: 'project role with non-numeric id', method: 'GET', path: '/rest/api/3/project/SEC/role/admins' },
    { name: 'link without outwardIssue', method: 'POST', path: '/rest/api/3/issueLink', body: { type: { name: 'Relates' }, inwardIssue: { key: 'SEC-7' } } },
    { name: 'notify with subject not a string', method: 'POST', path: '/rest/api/3/issue/SEC-7/notify', body: { subject: 42, to: { reporter: true } } },
    { name: 'invalid JSON', method: 'POST', path: '/rest/api/3/issue', body: '{"fields": ' },
  ];

  test.each(malformed)('$name', async (c) => {
    const before = JSON.stringify([jira.state.issues.all(), jira.notifications()]);
    const response = await send(c);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errorMessages: expect.any(Array) as unknown, errors: expect.any(Object) as unknown });
    const body = response.body as { errorMessages: string[]; errors: Record<string, string> };
    expect(body.errorMessages.length + Object.keys(body.errors).length).toBeGreaterThan(0);
    expect(JSON.stringify([jira.state.issues.all(), jira.notifications()])).toBe(before);
  });

  test('unknown routes get 404 with Jira\'s error body', async () => {
    const response = await send({ method: 'GET', path: '/rest/api/3/no-such-thing' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
});
