import { buildTrend, lastMonths, openWork, repeatCategories, type Counters } from '../../../../src/domain/dashboard';
import { TAXONOMY } from '../review/fixtures';

const WINDOW = lastMonths('2026-06-15', 12);
const months = new Map<string, Counters>([
  ['2026-06', { incidents: 2, 'type|malicious': 1, 'type|unknown': 1, 'category|access-control': 2, 'rootCauses|access-control': 3 }],
  ['2026-05', { incidents: 1, 'type|accidental': 1, 'category|policy-process': 1, 'rootCauses|policy-process': 1 }],
  ['2026-01', { incidents: 1, 'type|accidental': 1, 'category|access-control': 1, 'rootCauses|access-control': 1, 'category|supplier': 1, 'rootCauses|supplier': 2 }],
  ['2025-06', { incidents: 9, 'category|supplier': 9 }], // outside the 12-month window
]);

describe('recurrence trends', () => {
  test('per month: categories most frequent first, with their labels', () => {
    const trend = buildTrend(months, WINDOW, 'month', TAXONOMY);
    expect(trend.buckets).toHaveLength(12);
    expect(trend.incidents.slice(-2)).toEqual([1, 2]);
    // Ties are ordered by label.
    expect(trend.incidentsByCategory.map((series) => [series.key, series.total])).toEqual([
      ['access-control', 3],
      ['policy-process', 1],
      ['supplier', 1],
    ]);
    expect(trend.incidentsByCategory[0]?.label).toBe('Access control and identity');
    expect(trend.rootCausesByCategory.find((series) => series.key === 'access-control')?.values.slice(-1)).toEqual([3]);
  });

  test('types always show the three types, and "not recorded" only when there is one', () => {
    const trend = buildTrend(months, WINDOW, 'month', TAXONOMY);
    expect(trend.incidentsByType.map((series) => series.key)).toEqual(['accidental', 'malicious', 'environmental', 'unknown']);
    expect(buildTrend(new Map(), WINDOW, 'month', TAXONOMY).incidentsByType.map((series) => series.key)).toEqual(['accidental', 'malicious', 'environmental']);
  });

  test('per quarter: months are summed into their quarter', () => {
    const trend = buildTrend(months, WINDOW, 'quarter', TAXONOMY);
    expect(trend.buckets.map((bucket) => bucket.id)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(trend.incidents).toEqual([0, 0, 1, 3]);
  });

  test('no data: empty series, zero incidents', () => {
    const trend = buildTrend(new Map(), WINDOW, 'quarter', TAXONOMY);
    expect(trend.incidentsByCategory).toEqual([]);
    expect(trend.incidents.every((n) => n === 0)).toBe(true);
  });

  test('repeat root causes: a category in two or more incidents of the window', () => {
    expect(repeatCategories(months, WINDOW, TAXONOMY)).toEqual([{ category: 'access-control', label: 'Access control and identity', incidents: 3, rootCauses: 4 }]);
    // The incidents of June 2025 are outside the window: supplier does not repeat within it.
    expect(repeatCategories(months, lastMonths('2026-06-15', 24), TAXONOMY).map((repeat) => repeat.category)).toEqual(['supplier', 'access-control']);
    expect(repeatCategories(new Map(), WINDOW, TAXONOMY)).toEqual([]);
  });

  test('retired or unknown categories keep a readable label', () => {
    const trend = buildTrend(new Map([['2026-06', { 'category|gone-now': 2 }]]), WINDOW, 'month', TAXONOMY);
    expect(trend.incidentsByCategory[0]?.label).toBe('gone-now');
  });
});

describe('open work', () => {
  test('overdue is before today, due soon is today up to 14 days ahead', () => {
    const work = openWork(
      { 'openDue|2026-06-14': 2, 'openDue|2026-06-15': 1, 'openDue|2026-06-29': 1, 'openDue|2026-06-30': 4, 'openOwner|a': 5, 'openOwner|b': 3, 'stage|draft': 2, 'stage|closed': 7 },
      '2026-06-15',
    );
    expect(work).toEqual({
      openActions: 8,
      overdue: 2,
      dueSoon: 2,
      owners: [{ accountId: 'a', openActions: 5 }, { accountId: 'b', openActions: 3 }],
      reviewsByStage: { draft: 2, in_review: 0, awaiting_approval: 0, approved: 0, closed: 7 },
    });
    expect(openWork({}, '2026-06-15')).toMatchObject({ openActions: 0, overdue: 0, dueSoon: 0, owners: [] });
  });
});
