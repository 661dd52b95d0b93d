import type { JqlContext, JqlIssueView } from '../../../sandbox/jira/jql';
import { evaluateDateFunction, resolveDateValue, type DateContext } from '../../../sandbox/jira/jql/dates';
import { ctx, keys } from './fixtures';

// Fixture dates (UTC): created SEC-10 2025-12-31 23:59:59, SEC-1 01-05 09:00, SEC-2 02-01 10:00,
// OPS-5 03-02 12:00, SEC-3 03-18 08:00. Now is Wednesday 2026-03-18 14:30.

describe('date literals', () => {
  it('accepts yyyy-MM-dd and yyyy/MM/dd as the start of that day', () => {
    expect(keys('created >= "2026-01-01"')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-3']);
    expect(keys('created < 2026/01/01')).toEqual(['SEC-10']);
    expect(keys('created >= 2026-1-5 AND created < 2026-1-6')).toEqual(['SEC-1']);
  });

  it('accepts a time of day to the minute', () => {
    expect(keys('created >= "2025-12-31 23:59"')).toHaveLength(5);
    expect(keys('created > "2026/01/05 09:00"')).toEqual(['OPS-5', 'SEC-2', 'SEC-3']);
    expect(keys('created >= "2026/01/05 09:00"')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-3']);
    expect(keys('created = "2026-01-05 09:00"')).toEqual(['SEC-1']);
    expect(keys('created != "2026-01-05 09:00"')).toHaveLength(4);
  });

  it('accepts epoch milliseconds', () => {
    expect(keys(`created < ${Date.UTC(2026, 0, 1)}`)).toEqual(['SEC-10']);
  });
});

describe('relative periods against a fixed now', () => {
  it('supports d, w, h, m and combined periods', () => {
    expect(keys('created >= -30d')).toEqual(['OPS-5', 'SEC-3']);
    expect(keys('created >= "-4w 2d"')).toEqual(['OPS-5', 'SEC-3']);
    expect(keys('created >= -7w')).toEqual(['OPS-5', 'SEC-2', 'SEC-3']);
    expect(keys('created > -1h')).toEqual([]);
    expect(keys('created > -7h')).toEqual(['SEC-3']);
    expect(keys('created > "-400m"')).toEqual(['SEC-3']);
    expect(keys('resolved > -7d')).toEqual(['OPS-5']);
  });

  it('supports future periods for due dates', () => {
    expect(keys('due <= 2w')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('due <= "+1d"')).toEqual(['SEC-1', 'SEC-10']);
  });
});

describe('date functions', () => {
  it('now(), startOfDay(), endOfDay()', () => {
    expect(keys('duedate < now()')).toEqual(['SEC-1', 'SEC-10']); // due today counts as before now
    expect(keys('duedate < startOfDay()')).toEqual(['SEC-10']);
    expect(keys('created >= startOfDay()')).toEqual(['SEC-3']);
    expect(keys('created <= endOfDay()')).toHaveLength(5);
    expect(keys('due > endOfDay()')).toEqual(['SEC-3']);
    expect(keys('created >= startOfDay(-16d)')).toEqual(['OPS-5', 'SEC-3']);
  });

  it('startOfMonth()/endOfMonth() with offsets, inclusive at the boundaries', () => {
    // updated: SEC-10 exactly 2026-03-01 00:00, SEC-2 2026-02-28 23:30
    expect(keys('updated >= startOfMonth()')).toEqual(['OPS-5', 'SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('updated > startOfMonth()')).toEqual(['OPS-5', 'SEC-1', 'SEC-3']);
    expect(keys('updated <= endOfMonth(-1)')).toEqual(['SEC-2']);
    expect(keys('created >= startOfMonth(-1) AND created < startOfMonth()')).toEqual(['SEC-2']);
    expect(keys('resolved >= startOfMonth(-1) AND resolved <= endOfMonth(-1)')).toEqual(['SEC-2']);
    expect(keys('created >= startOfMonth("+1d")')).toEqual(['OPS-5', 'SEC-3']);
  });

  it('startOfYear() and years', () => {
    expect(keys('created < startOfYear()')).toEqual(['SEC-10']);
    expect(keys('created >= startOfYear(-1)')).toHaveLength(5);
    expect(keys('created > endOfYear(-1)')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-3']);
  });

  it('startOfWeek() honours the configured first day of the week', () => {
    // updated: SEC-1 Tue 03-17 16:00, OPS-5 Mon 03-16 10:00, SEC-3 Wed 03-18 08:00.
    expect(keys('updated >= startOfWeek()')).toEqual(['OPS-5', 'SEC-1', 'SEC-3']); // Sunday 03-15
    expect(keys('updated >= startOfWeek()', { ...ctx, weekStartsOn: 2 })).toEqual(['SEC-1', 'SEC-3']); // Tuesday
    expect(keys('updated >= startOfWeek(-1)')).toEqual(['OPS-5', 'SEC-1', 'SEC-3']);
    expect(keys('updated <= endOfWeek(-1)')).toEqual(['SEC-2', 'SEC-10']);
  });
});

describe('month ends and time zones', () => {
  const at = (iso: string, zone?: string): DateContext => ({ now: new Date(iso), timeZone: zone ?? 'UTC', weekStartsOn: 0 });
  const iso = (ms: number) => new Date(ms).toISOString();

  it('endOfMonth(-1) is the last millisecond of the previous month, whatever its length', () => {
    expect(iso(evaluateDateFunction('endOfMonth', ['-1'], at('2026-04-30T12:00:00Z')))).toBe('2026-03-31T23:59:59.999Z');
    expect(iso(evaluateDateFunction('endOfMonth', ['-1'], at('2026-03-31T12:00:00Z')))).toBe('2026-02-28T23:59:59.999Z');
    expect(iso(evaluateDateFunction('endOfMonth', [], at('2028-02-10T12:00:00Z')))).toBe('2028-02-29T23:59:59.999Z');
    expect(iso(evaluateDateFunction('startOfMonth', ['+1'], at('2026-01-31T12:00:00Z')))).toBe('2026-02-01T00:00:00.000Z');
    expect(iso(evaluateDateFunction('startOfMonth', ['-2M'], at('2026-01-15T00:00:00Z')))).toBe('2025-11-01T00:00:00.000Z');
  });

  it('month arithmetic in periods clamps to the month end', () => {
    expect(iso(resolveDateValue('-1M', at('2026-03-31T10:00:00Z')) ?? 0)).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(resolveDateValue('+1y', at('2028-02-29T10:00:00Z')) ?? 0)).toBe('2029-02-28T10:00:00.000Z');
  });

  it('computes day and month starts on the user\'s wall clock, across DST', () => {
    // New York switched to EDT on 2026-03-08.
    const ny = at('2026-03-09T12:00:00Z', 'America/New_York');
    expect(iso(evaluateDateFunction('startOfDay', [], ny))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(evaluateDateFunction('startOfMonth', [], ny))).toBe('2026-03-01T05:00:00.000Z');
    expect(iso(evaluateDateFunction('startOfDay', ['-1'], ny))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(resolveDateValue('2026-03-08 12:00', ny) ?? 0)).toBe('2026-03-08T16:00:00.000Z');
  });

  it('uses ctx.userTimeZone for literals and functions', () => {
    const lateEvening: JqlIssueView = { id: '1', key: 'SEC-99', projectKey: 'SEC', properties: {}, fields: { created: '2026-03-17T23:30:00.000+0000' } };
    const berlin: JqlContext = { ...ctx, userTimeZone: 'Europe/Berlin' };
    expect(keys('created >= startOfDay()', ctx, [lateEvening])).toEqual([]);
    expect(keys('created >= startOfDay()', berlin, [lateEvening])).toEqual(['SEC-99']);
    expect(keys('created >= "2026-03-18"', berlin, [lateEvening])).toEqual(['SEC-99']);
  });

  it('reads date-only fields as the start of that day in the user\'s zone', () => {
    const due: JqlIssueView = { id: '1', key: 'SEC-98', projectKey: 'SEC', properties: {}, fields: { duedate: '2026-03-18' } };
    expect(keys('due = "2026-03-18"', { ...ctx, userTimeZone: 'Asia/Tokyo' }, [due])).toEqual(['SEC-98']);
    expect(keys('due >= startOfDay()', { ...ctx, userTimeZone: 'Asia/Tokyo' }, [due])).toEqual(['SEC-98']); // 23:30 on 03-18 in Tokyo
    expect(keys('due >= startOfDay()', { ...ctx, now: new Date('2026-03-18T16:00:00Z'), userTimeZone: 'Asia/Tokyo' }, [due])).toEqual([]); // 01:00 on 03-19
  });
});

describe('EMPTY and inequality on dates', () => {
  it('treats missing dates as EMPTY and never matches them with != or ranges', () => {
    expect(keys('resolutiondate is EMPTY')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('duedate is empty')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('due = 2026-03-18')).toEqual(['SEC-1']);
    expect(keys('due != 2026-03-18')).toEqual(['SEC-3', 'SEC-10']);
    expect(keys('NOT due < now()')).toEqual(['SEC-3']);
  });
});
