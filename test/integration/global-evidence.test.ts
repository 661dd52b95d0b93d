import type { EvidenceList } from '../../src/api/evidence';
import { emptyEvidenceRecords, mergeEvidenceRecords, type EvidenceRecords } from '../../src/domain/evidence';
import type { PersonaName } from '../../sandbox/jira';
import { seedReviews } from '../../sandbox/seed/reviews';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * The all-projects page's evidence pack: it names only the projects the caller can browse and
 * manage evidence for, and the pack is the per-project resolvers called per project from the
 * global page's frame — each with its own permission check and audit record — merged.
 */
const GLOBAL = { type: 'jira:globalPage' as const };
const LISTS: EvidenceList[] = ['incidents', 'actions', 'completed-actions', 'risks', 'communications', 'process-reviews'];
const period = { kind: 'year' } as const;

let app: AppHarness;

const packProjects = async (persona: PersonaName) => {
  const envelope = await app.invoke(persona, 'listEvidencePackProjects', {}, GLOBAL);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

/** Every page of every list of one project, invoked from the global page as the persona. */
async function projectRecords(persona: PersonaName, projectKey: string): Promise<EvidenceRecords> {
  const parts: EvidenceRecords[] = [];
  for (const list of LISTS) {
    let cursor: string | undefined;
    do {
      const envelope = await app.invoke(persona, 'listEvidencePackRecords', { projectKey, period, list, ...(cursor === undefined ? {} : { cursor }) }, GLOBAL);
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      parts.push({ ...emptyEvidenceRecords(), ...envelope.data.records });
      cursor = envelope.data.cursor;
    } while (cursor !== undefined);
  }
  return mergeEvidenceRecords(parts);
}

beforeAll(async () => {
  app = createAppHarness();
  await seedReviews(app.sandbox);
  await app.sandbox.settled();
});

afterAll(() => {
  app.sandbox.close();
});

test('cost: an admin of every project costs one bulk Administer check more than the summary, and no approver lookups', async () => {
  const calls = app.sandbox.runtime.calls;
  calls.reset();
  await packProjects('alice');
  const jira = calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation).sort();
  expect(jira).toEqual(['GET /rest/api/3/project/search', 'POST /rest/api/3/permissions/check', 'POST /rest/api/3/permissions/check']);
  expect(calls.calls.filter((call) => call.callClass === 'kvs')).toHaveLength(1);
  calls.reset();
  await packProjects('mark');
  // Not an admin: per project its settings and the approver check (his groups, as the app).
  expect(calls.calls.filter((call) => call.callClass === 'kvs')).toHaveLength(1 + 2);
  expect(calls.calls.filter((call) => call.callClass === 'jira').map((call) => call.operation).filter((operation) => operation === 'GET /rest/api/3/user/groups')).toHaveLength(2);
});

test('alice (admin of both) gets both projects; the pack of both is the union of each project’s pages, each call checked and audited per project', async () => {
  expect(await packProjects('alice')).toEqual({ projects: [{ projectKey: 'OPS', name: 'IT Operations Incidents' }, { projectKey: 'SEC', name: 'Security Incidents' }], notManaged: 0 });
  const sec = await projectRecords('alice', 'SEC');
  const ops = await projectRecords('alice', 'OPS');
  const merged = mergeEvidenceRecords([sec, ops]);
  expect(merged.incidents.map((incident) => incident.issueKey).sort()).toEqual([...sec.incidents, ...ops.incidents].map((incident) => incident.issueKey).sort());
  expect(sec.incidents.length).toBeGreaterThan(0);
  expect(ops.incidents.length).toBeGreaterThan(0);
  expect(new Set(merged.incidents.map((incident) => incident.issueKey.split('-')[0]))).toEqual(new Set(['SEC', 'OPS']));
  for (const key of Object.keys(merged) as (keyof EvidenceRecords)[]) expect(merged[key]).toHaveLength(sec[key].length + ops[key].length);
  // The overview is per project (its own settings and figures), from the global page's frame.
  for (const projectKey of ['SEC', 'OPS']) {
    const overview = await app.invoke('alice', 'getEvidencePackOverview', { projectKey, period }, GLOBAL);
    expect(overview).toMatchObject({ ok: true, data: { projectKey } });
  }
  const rows = app.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'audit-event'`).all() as { value: string }[];
  const produced = rows.map((row) => JSON.parse(row.value) as { recordKey: string; change: { kind: string } }).filter((event) => event.change.kind === 'evidence-pack-produced');
  expect(produced.map((event) => event.recordKey).sort()).toEqual(['evidence-pack-OPS', 'evidence-pack-SEC']);
});

describe('mark is an approver of SEC only', () => {
  beforeAll(async () => {
    // OPS's approvers become its Administrators role, which mark is not in.
    const loaded = await app.data('alice', 'getSettings', { projectKey: 'OPS' });
    await app.data('alice', 'saveSettings', { projectKey: 'OPS', settings: { ...loaded.settings, approvers: { kind: 'project-role', roleName: 'Administrators' } }, baseVersion: loaded.version });
  });

  test('he gets SEC, OPS is only counted, and the per-project resolvers refuse him OPS from the global page', async () => {
    const data = await packProjects('mark');
    expect(data).toEqual({ projects: [{ projectKey: 'SEC', name: 'Security Incidents' }], notManaged: 1 });
    expect(JSON.stringify(data)).not.toMatch(/OPS|IT Operations/);
    expect(await app.invoke('mark', 'getEvidencePackOverview', { projectKey: 'SEC', period }, GLOBAL)).toMatchObject({ ok: true });
    expect(await app.invoke('mark', 'getEvidencePackOverview', { projectKey: 'OPS', period }, GLOBAL)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('rita (a member, not an approver) gets no project and is told why: both projects are counted, none named', async () => {
    const data = await packProjects('rita');
    expect(data).toEqual({ projects: [], notManaged: 2 });
  });

  test('oscar browses none of them: refused as on the rest of the page, nothing named', async () => {
    const envelope = await app.invoke('oscar', 'listEvidencePackProjects', {}, GLOBAL);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(envelope)).not.toMatch(/SEC|OPS/);
  });

  test('input is refused when it names a project (the list is never taken from the browser)', async () => {
    expect(await app.invoke('alice', 'listEvidencePackProjects', { projectKey: 'SEC' }, GLOBAL)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
