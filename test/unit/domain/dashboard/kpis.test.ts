import { computeKpis, lastMonths, type Counters, type Kpi } from '../../../../src/domain/dashboard';

const SETTINGS = { significantSeverities: ['critical', 'high'] as const, reviewTargetDays: 14 };
const WINDOW = lastMonths('2026-06-15', 24);
const byId = (kpis: Kpi[], id: string): Kpi => {
  const kpi = kpis.find((candidate) => candidate.id === id);
  if (kpi === undefined) throw new Error(`no KPI ${id}`);
  return kpi;
};

describe('KPIs', () => {
  test('with no data every ratio is "nothing to measure" (null), counts are 0', () => {
    const kpis = computeKpis(new Map(), WINDOW, 'quarter', SETTINGS);
    expect(byId(kpis, 'incidents').current.value).toBe(0);
    for (const id of ['mttd', 'mttc', 'mttr', 'reviews-on-time', 'actions-on-time', 'action-close-days', 'actions-verified', 'actions-effective']) {
      expect(byId(kpis, id).current.value).toBeNull();
      expect(byId(kpis, id).previous.value).toBeNull();
    }
    expect(byId(kpis, 'incidents').monthly).toHaveLength(12);
  });

  test('this period is the last N months, the previous period the N before', () => {
    const months = new Map<string, Counters>([
      ['2026-06', { incidents: 2, 'type|malicious': 2 }],
      ['2026-04', { incidents: 1, 'type|accidental': 1 }],
      ['2026-03', { incidents: 4, 'type|accidental': 4 }],
      ['2026-01', { incidents: 8 }],
      ['2025-12', { incidents: 16 }],
    ]);
    const quarter = computeKpis(months, WINDOW, 'quarter', SETTINGS);
    expect(byId(quarter, 'incidents').current.value).toBe(3); // Apr–Jun
    expect(byId(quarter, 'incidents').previous.value).toBe(12); // Jan–Mar
    expect(byId(quarter, 'incidents-malicious').current.value).toBe(2);
    expect(byId(quarter, 'incidents-accidental').previous.value).toBe(4);
    const year = computeKpis(months, WINDOW, 'year', SETTINGS);
    expect(byId(year, 'incidents').current.value).toBe(31); // Jul 2025 – Jun 2026
    expect(byId(year, 'incidents').previous.value).toBe(0);
    expect(byId(year, 'incidents').monthly.slice(-7)).toEqual([16, 8, 0, 4, 1, 0, 2]);
  });

  test('mean times are in hours over the incidents that have both timestamps', () => {
    const months = new Map<string, Counters>([['2026-06', { incidents: 3, 'detect|sum': 3 * 3_600_000 + 9 * 3_600_000, 'detect|n': 2, 'resolve|sum': 48 * 3_600_000, 'resolve|n': 1 }]]);
    const kpis = computeKpis(months, WINDOW, 'quarter', SETTINGS);
    expect(byId(kpis, 'mttd').current).toEqual({ value: 6, numerator: 12, denominator: 2 });
    expect(byId(kpis, 'mttr').current.value).toBe(48);
    expect(byId(kpis, 'mttc').current.value).toBeNull();
    expect(byId(kpis, 'mttd').monthly.at(-1)).toBe(6);
    expect(byId(kpis, 'mttd').monthly.at(-2)).toBeNull();
  });

  test('reviews on time: significant incidents approved within the target, over all significant incidents', () => {
    const months = new Map<string, Counters>([
      [
        '2026-05',
        {
          'severity|critical': 2,
          'severity|high': 2,
          'severity|low': 5,
          'reviewLag|critical|14': 1, // exactly the target: on time
          'reviewLag|high|15': 1, // a day late
          'reviewLag|low|1': 5, // not significant
        },
      ],
    ]);
    const kpi = byId(computeKpis(months, WINDOW, 'quarter', SETTINGS), 'reviews-on-time');
    expect(kpi.current).toEqual({ value: 25, numerator: 1, denominator: 4 });
    // The settings decide when reading: a longer target or other significant severities change the figure without a recompute.
    expect(byId(computeKpis(months, WINDOW, 'quarter', { ...SETTINGS, reviewTargetDays: 15 }), 'reviews-on-time').current.value).toBe(50);
    expect(byId(computeKpis(months, WINDOW, 'quarter', { significantSeverities: ['low'], reviewTargetDays: 14 }), 'reviews-on-time').current.value).toBe(100);
    expect(byId(computeKpis(months, WINDOW, 'quarter', { significantSeverities: [], reviewTargetDays: 14 }), 'reviews-on-time').current.value).toBeNull();
  });

  test('actions: on time, mean days to close, verified and effective', () => {
    const months = new Map<string, Counters>([
      ['2026-06', { 'actions|closed': 4, 'actions|onTime': 3, 'actions|closeDays': 50, 'actions|verified': 2, 'actions|effective': 1, 'actions|notEffective': 1 }],
      ['2026-02', { 'actions|closed': 2, 'actions|closeDays': 30 }],
    ]);
    const kpis = computeKpis(months, WINDOW, 'quarter', SETTINGS);
    expect(byId(kpis, 'actions-on-time').current.value).toBe(75);
    expect(byId(kpis, 'actions-on-time').previous.value).toBe(0);
    expect(byId(kpis, 'action-close-days').current.value).toBe(12.5);
    expect(byId(kpis, 'action-close-days').previous.value).toBe(15);
    expect(byId(kpis, 'actions-verified').current.value).toBe(50);
    expect(byId(kpis, 'actions-effective').current).toEqual({ value: 50, numerator: 1, denominator: 2 });
  });

  test('every KPI explains itself', () => {
    for (const kpi of computeKpis(new Map(), WINDOW, 'year', SETTINGS)) expect(kpi.definition.length).toBeGreaterThan(30);
    expect(byId(computeKpis(new Map(), WINDOW, 'year', SETTINGS), 'reviews-on-time').definition).toContain('critical or high');
  });
});
