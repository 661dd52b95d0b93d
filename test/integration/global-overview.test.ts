import { jiraRequest } from '../../sandbox/jira-as';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { ROLE_ID } from '../../sandbox/jira/state/catalog';
import { addCalendarDays, dayOf } from '../../src/domain/actions';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { approvedReview, reviewWithDecisions } from './decisions-fixture';

/**
 * The all-projects page: only projects the caller can browse (one bulk permission check, as the
 * caller), figures equal to the sum of the project pages, and a cost that grows with the number
 * of projects, not of incidents.
 */
let app: AppHarness;
const owen = PERSONAS.owen.accountId;
const TODAY = dayOf(new Date());
const GLOBAL = { type: 'jira:globalPage' as const };

const calls = (callClass: 'kvs' | 'jira') => app.sandbox.runtime.calls.calls.filter((call) => call.callClass === callClass);
const summary = async (persona: PersonaName) => {
  const envelope = await app.invoke(persona, 'getGlobalSummary', {}, GLOBAL);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};
const measured = async (persona: PersonaName) => {
  app.sandbox.runtime.calls.reset();
  const data = await summary(persona);
  return { data, kvs: calls('kvs').length, jira: calls('jira').map((call) => call.operation) };
};

/** A project only alice (its admin) can browse, with one incident registered by the backfill. */
async function hiddenProject(): Promise<void> {
  const state = app.sandbox.jira.state;
  state.projects.add({ id: 10090, key: 'HR', name: 'HR Incidents', description: 'Confidential people incidents.', projectTypeKey: 'business', leadAccountId: PERSONAS.alice.accountId, issueTypeIds: [10005, 10001] });
  state.projects.addRoleActor(10090, ROLE_ID.Administrators, { kind: 'user', accountId: PERSONAS.alice.accountId });
  const created = await jiraRequest(app.sandbox.jira, { kind: 'user', accountId: PERSONAS.alice.accountId }, 'POST', '/rest/api/3/issue', { fields: { project: { key: 'HR' }, issuetype: { id: '10005' }, summary: 'Payroll file sent to the wrong recipient' } });
  expect(created.status).toBe(201);
  expect((await app.data('alice', 'runBackfill', { projectKey: 'HR' })).progress).toMatchObject({ status: 'done', registered: 1 });
}

beforeAll(async () => {
  app = createAppHarness();
  await approvedReview(app, 'SEC-40');
  await app.data('rita', 'addActions', {
    issueKey: 'SEC-40',
    actions: [
      { rootCauseId: 'r1', summary: 'Call-back procedure', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, -9) },
      { rootCauseId: 'r2', summary: 'Phishing-resistant MFA', description: '', ownerAccountId: owen, targetDate: addCalendarDays(TODAY, 5) },
    ],
  });
});

afterAll(() => {
  app.sandbox.close();
});

let oneProject: { kvs: number; jira: string[] };

test('one project: its figures, two Jira calls whatever the number of projects, no per-project permission calls', async () => {
  const { data, kvs, jira } = await measured('mark');
  oneProject = { kvs, jira };
  expect(data.projects.map((project) => project.projectKey)).toEqual(['SEC']);
  expect(jira.sort()).toEqual(['GET /rest/api/3/project/search', 'POST /rest/api/3/permissions/check']);
  expect(data.counts).toMatchObject({ overdue: 1, dueSoon: 1, openActions: 2 });
  expect(data.overdueActions).toEqual([expect.objectContaining({ projectKey: 'SEC', summary: 'Call-back procedure', daysOverdue: 9, incidentKey: 'SEC-40' })]);
  // The same figures as the project page.
  const project = await app.data('mark', 'getDashboardSummary', { projectKey: 'SEC' });
  expect(data.kpis.year.find((kpi) => kpi.id === 'incidents')?.current).toEqual(project.kpis.year.find((kpi) => kpi.id === 'incidents')?.current);
  expect(data.kpis.year.map((kpi) => kpi.id)).not.toContain('reviews-on-time');
  expect(data.projects[0]?.reviewsOnTime).toEqual(project.kpis.year.find((kpi) => kpi.id === 'reviews-on-time')?.current);
});

describe('three projects', () => {
  beforeAll(async () => {
    await reviewWithDecisions(app, 'OPS-3');
    await hiddenProject();
    // Many more incidents in SEC: the page's cost must not move.
    let view = await app.data('alice', 'runBackfill', { projectKey: 'SEC' });
    while (view.progress?.status === 'running') view = await app.data('alice', 'runBackfill', { projectKey: 'SEC' });
  });

  test('cost grows with projects, not incidents: one registry read plus three storage reads per project', async () => {
    const { data, kvs, jira } = await measured('alice');
    expect(data.projects.map((project) => project.projectKey)).toEqual(['HR', 'OPS', 'SEC']);
    expect(jira.sort()).toEqual(oneProject.jira.sort());
    expect(oneProject.kvs).toBe(1 + 3);
    expect(kvs).toBe(1 + 3 * 3);
  });

  test('totals are the sums of the projects the caller may browse', async () => {
    const all = await summary('alice');
    const perProject = await Promise.all(['HR', 'OPS', 'SEC'].map((projectKey) => app.data('alice', 'getDashboardSummary', { projectKey })));
    const incidents = (kpis: { id: string; current: { value: number | null } }[]) => kpis.find((kpi) => kpi.id === 'incidents')?.current.value ?? 0;
    expect(incidents(all.kpis.year)).toBe(perProject.reduce((sum, one) => sum + incidents(one.kpis.year), 0));
    expect(all.projects.find((project) => project.projectKey === 'HR')).toMatchObject({ name: 'HR Incidents', incidentsLastYear: 1 });
    expect(all.counts.reviewsByStage.draft).toBe(perProject.reduce((sum, one) => sum + one.counts.reviewsByStage.draft, 0));
  });

  test('owen sees only the projects he can browse: nothing of HR, not even its name', async () => {
    const data = await summary('owen');
    expect(data.projects.map((project) => project.projectKey)).toEqual(['OPS', 'SEC']);
    const alice = await summary('alice');
    const hrIncidents = alice.projects.find((project) => project.projectKey === 'HR')?.incidentsLastYear ?? 0;
    const incidents = (kpis: { id: string; current: { value: number | null } }[]) => kpis.find((kpi) => kpi.id === 'incidents')?.current.value ?? 0;
    expect(incidents(data.kpis.year)).toBe(incidents(alice.kpis.year) - hrIncidents);
    expect(JSON.stringify(data)).not.toMatch(/HR Incidents|"HR"|HR-1/);
  });

  test('oscar browses none of the incident projects: refused, naming none of them', async () => {
    const envelope = await app.invoke('oscar', 'getGlobalSummary', {}, GLOBAL);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(envelope)).not.toMatch(/SEC|OPS|HR/);
  });

  test('the page takes no input', async () => {
    expect(await app.invoke('alice', 'getGlobalSummary', { projectKey: 'HR' }, GLOBAL)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
