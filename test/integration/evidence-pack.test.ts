import type { EvidenceList } from '../../src/api/evidence';
import { buildEvidenceSections, drawEvidenceSample, emptyEvidenceRecords, mergeEvidenceRecords, type EvidencePeriod, type EvidenceRecords } from '../../src/domain/evidence';
import { bulkSeed } from '../../bench/bulk-seed';
import { PERSONAS, type PersonaName } from '../../sandbox/jira';
import { seedReviews } from '../../sandbox/seed/reviews';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * The audit evidence pack through the resolvers, on the seeded sandbox: who may produce it, paging
 * every list to its end in bounded pages, the pack's figures against the dashboard's for the same
 * period, and the audit trail of producing and exporting it; then a bulk-seeded project to show
 * that each call stays bounded however many incidents the period holds.
 */
jest.setTimeout(180_000);

const PAGE = { type: 'jira:projectPage' as const };
const project = { projectKey: 'SEC' };
const LISTS: EvidenceList[] = ['incidents', 'actions', 'completed-actions', 'risks', 'communications', 'process-reviews'];

async function loadRecords(app: AppHarness, persona: PersonaName, period: EvidencePeriod, onPage?: (list: EvidenceList, count: number, bytes: number) => void): Promise<EvidenceRecords> {
  const parts: EvidenceRecords[] = [];
  for (const list of LISTS) {
    let cursor: string | undefined;
    let previousPosition = 0;
    do {
      const page = await app.data(persona, 'listEvidencePackRecords', { ...project, period, list, ...(cursor === undefined ? {} : { cursor }) });
      onPage?.(list, page.count, JSON.stringify(page).length);
      expect(page.position).toBeGreaterThanOrEqual(previousPosition);
      previousPosition = page.position;
      parts.push({ ...emptyEvidenceRecords(), ...page.records });
      cursor = page.cursor;
      if (cursor === undefined) expect(page.position).toBe(1);
    } while (cursor !== undefined);
  }
  return mergeEvidenceRecords(parts);
}

/** The pack's audit events in storage. */
function packEvents(app: AppHarness): { accountId: string; change: { kind: string; format?: string; sample?: { seed: number } } }[] {
  const rows = app.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'audit-event' ORDER BY key`).all() as { value: string }[];
  return rows.map((row) => JSON.parse(row.value) as { recordKey: string; accountId: string; change: { kind: string; format?: string } }).filter((value) => value.recordKey === 'evidence-pack-SEC');
}

describe('on the seeded sandbox', () => {
  let app: AppHarness;

  beforeAll(async () => {
    app = createAppHarness();
    await seedReviews(app.sandbox);
    await app.sandbox.settled();
  });

  afterAll(() => {
    app.sandbox.close();
  });

  test.each(['rita', 'owen', 'oscar'] as const)('%s is refused every pack resolver and nothing is recorded', async (persona) => {
    const before = app.storageSnapshot();
    const period = { kind: 'year' } as const;
    for (const [key, payload] of [
      ['getEvidencePackOverview', { ...project, period }],
      ['listEvidencePackRecords', { ...project, period, list: 'incidents' }],
      ['recordEvidencePackExport', { ...project, period, format: 'json', recordCounts: { incidents: 1, actions: 0, risks: 0, communications: 0, processReviews: 0 } }],
    ] as const) {
      const result = await app.invoke(persona, key, payload, PAGE);
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
      if (!result.ok && persona === 'rita') expect(result.error.message).toMatch(/approver|project admins/i);
    }
    expect(app.storageSnapshot()).toBe(before);
  });

  test.each(['quarter', 'year'] as const)('the %s pack has the dashboard figures for the same period', async (kind) => {
    const [summary, overview] = await Promise.all([app.data('mark', 'getDashboardSummary', project), app.data('mark', 'getEvidencePackOverview', { ...project, period: { kind } })]);
    // Same months, same rollups, same functions: every KPI equal, value for value, month for month.
    expect(overview.kpis).toEqual(summary.kpis[kind]);
    expect(overview.period.label).toBe(summary.periods[kind].current);
    expect(overview.period.previousLabel).toBe(summary.periods[kind].previous);
    expect(overview.figures.incidents).toBe(summary.kpis[kind].find((kpi) => kpi.id === 'incidents')?.current.value);
    expect(overview.figures.overdueActions).toBe(summary.counts.overdue);
    expect(overview.figures.openActions).toBe(summary.counts.openActions);
    const onTime = summary.kpis[kind].find((kpi) => kpi.id === 'actions-on-time')?.current;
    expect(overview.figures.actionsClosed).toBe(onTime?.denominator ?? 0);
    expect(overview.figures.actionsOnTime).toBe(onTime?.numerator ?? 0);
    expect(overview.attributes.attributes[0]).toEqual({ label: 'Control type', values: ['Preventive'] });
  });

  test('paging every list to its end gives the records behind the figures', async () => {
    const period = { kind: 'year' } as const;
    const overview = await app.data('mark', 'getEvidencePackOverview', { ...project, period });
    const records = await loadRecords(app, 'mark', period);
    // The records listed are the ones the dashboard counted.
    expect(records.incidents).toHaveLength(overview.figures.incidents);
    const sample = drawEvidenceSample(overview, records, 5, 42);
    expect(sample.actions.populationSize).toBe(overview.figures.actionsClosed);
    expect(records.incidents.length).toBeGreaterThan(10);
    expect(records.risks.length).toBeGreaterThan(0);
    expect(records.risks.some((risk) => risk.links.length > 0)).toBe(true);
    const sections = buildEvidenceSections(overview, records);
    expect(sections.map((section) => section.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sections.find((section) => section.id === 'reviews')?.tables[0]?.rows).toHaveLength(overview.figures.incidents);
    expect(sections.find((section) => section.id === 'process')?.status).not.toBe('no-evidence');
  });

  test('a custom period of the same twelve months gives the year figures', async () => {
    const year = await app.data('mark', 'getEvidencePackOverview', { ...project, period: { kind: 'year' } });
    const from = year.period.months[0] ?? '';
    const to = year.period.months.at(-1) ?? '';
    const custom = await app.data('mark', 'getEvidencePackOverview', { ...project, period: { kind: 'custom', from, to } });
    expect(custom.figures).toEqual(year.figures);
    expect(custom.kpis.map((kpi) => [kpi.id, kpi.current, kpi.previous])).toEqual(year.kpis.map((kpi) => [kpi.id, kpi.current, kpi.previous]));
  });

  test('a period that ends before it starts, or in the future, is refused by field', async () => {
    const backwards = await app.invoke('mark', 'getEvidencePackOverview', { ...project, period: { kind: 'custom', from: '2026-06', to: '2026-01' } }, PAGE);
    expect(backwards.ok ? 'ok' : `${backwards.error.code} ${backwards.error.field ?? ''}`).toBe('INVALID_INPUT period.to');
    const future = await app.invoke('mark', 'listEvidencePackRecords', { ...project, period: { kind: 'custom', from: '2026-01', to: '2099-01' }, list: 'incidents' }, PAGE);
    expect(future.ok ? 'ok' : future.error.code).toBe('INVALID_INPUT');
    const tooLong = await app.invoke('mark', 'getEvidencePackOverview', { ...project, period: { kind: 'custom', from: '2020-01', to: '2026-01' } }, PAGE);
    expect(tooLong.ok ? 'ok' : tooLong.error.message).toMatch(/at most 24 months/);
  });

  test('producing and exporting the pack are recorded: who, what, when', async () => {
    const before = packEvents(app).length;
    const period = { kind: 'quarter' } as const;
    await app.data('alice', 'getEvidencePackOverview', { ...project, period });
    const recorded = await app.data('mark', 'recordEvidencePackExport', {
      ...project,
      period,
      format: 'csv-actions',
      sample: { seed: 123456, size: 5 },
      recordCounts: { incidents: 3, actions: 4, risks: 1, communications: 0, processReviews: 0 },
    });
    const events = packEvents(app).slice(before);
    expect(events.map((event) => [event.accountId, event.change.kind])).toEqual(
      expect.arrayContaining([
        [PERSONAS.alice.accountId, 'evidence-pack-produced'],
        [PERSONAS.mark.accountId, 'evidence-pack-exported'],
      ]),
    );
    const exported = events.find((event) => event.change.kind === 'evidence-pack-exported');
    expect(exported?.change).toMatchObject({ format: 'csv-actions', sample: { seed: 123456, size: 5 }, at: recorded.recordedAt });
  });

  test('a tampered cursor is the caller’s mistake, not a crash', async () => {
    const result = await app.invoke('mark', 'listEvidencePackRecords', { ...project, period: { kind: 'year' }, list: 'incidents', cursor: 'not-a-cursor' }, PAGE);
    expect(result.ok ? 'ok' : result.error.code).toBe('INVALID_INPUT');
  });
});

describe('on a large project', () => {
  let app: AppHarness;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'error';
    app = createAppHarness();
    await bulkSeed(app.sandbox, 1_500);
    await app.sandbox.settled();
  });

  afterAll(() => {
    app.sandbox.close();
  });

  test('the year is produced in bounded pages, each far inside the 5 MB and 25 s limits', async () => {
    const period = { kind: 'year' } as const;
    app.sandbox.runtime.calls.reset();
    const overview = await app.data('mark', 'getEvidencePackOverview', { ...project, period });
    // Constant cost: settings, the rollup batch, the procedure head and the latest process review (+ the audit write).
    expect(app.sandbox.runtime.calls.count('kvs')).toBeLessThanOrEqual(7);
    expect(overview.figures.incidents).toBeGreaterThan(900);
    const pages: { list: EvidenceList; count: number; bytes: number; ms: number }[] = [];
    let last = Date.now();
    const records = await loadRecords(app, 'mark', period, (list, count, bytes) => {
      pages.push({ list, count, bytes, ms: Date.now() - last });
      last = Date.now();
    });
    expect(records.incidents).toHaveLength(overview.figures.incidents);
    const incidentPages = pages.filter((page) => page.list === 'incidents');
    expect(incidentPages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.count).toBeLessThanOrEqual(500);
      expect(page.bytes).toBeLessThan(2_000_000);
      expect(page.ms).toBeLessThan(25_000);
    }
  });
});
