import { addMonths, bucketsOf, lastMonths, monthLabel, monthOf, quarterOf, rangeLabel } from '../../../../src/domain/dashboard';

describe('months are UTC calendar months', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  test.each([
    ['2026-01-31T23:30:00.000Z', '2026-01'],
    ['2026-01-31T23:30:00-02:00', '2026-02'], // 01:30 UTC on 1 February
    ['2026-02-01T00:30:00+02:00', '2026-01'], // 22:30 UTC on 31 January
    ['2024-02-29T12:00:00Z', '2024-02'],
    ['2026-12-31T23:59:59.999Z', '2026-12'],
  ])('%s falls in %s', (instant, month) => {
    expect(monthOf(instant)).toBe(month);
  });

  test('the server time zone does not move an incident to another month', () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(monthOf('2026-03-31T23:00:00.000Z')).toBe('2026-03');
      expect(monthOf(Date.parse('2026-04-01T00:00:00.000Z'))).toBe('2026-04');
    }
  });

  test('month arithmetic crosses years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -24)).toBe('2024-03');
    expect(lastMonths('2026-02-14', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-02-14', 24)).toHaveLength(24);
  });

  test('quarters, labels and ranges', () => {
    expect(['2026-01', '2026-03', '2026-04', '2026-12'].map(quarterOf)).toEqual(['2026-Q1', '2026-Q1', '2026-Q2', '2026-Q4']);
    expect(monthLabel('2026-03')).toBe('Mar 2026');
    expect(rangeLabel(['2026-01', '2026-02', '2026-03'])).toBe('Jan 2026 – Mar 2026');
    expect(rangeLabel(['2026-01'])).toBe('Jan 2026');
    expect(rangeLabel([])).toBe('');
  });

  test('a 12-month window starting mid-quarter gives partial first and last quarters', () => {
    const buckets = bucketsOf(lastMonths('2026-05-10', 12), 'quarter');
    expect(buckets.map((bucket) => [bucket.id, bucket.months.length])).toEqual([
      ['2025-Q2', 1],
      ['2025-Q3', 3],
      ['2025-Q4', 3],
      ['2026-Q1', 3],
      ['2026-Q2', 2],
    ]);
    expect(buckets[0]?.label).toBe('Q2 2025');
  });
});
