/**
 * Date values as JQL sees them: literals ("2026-01-31", "2026/01/31 10:00"), periods relative to now
 * ("-30d", "4w 2d"), epoch milliseconds, and the date functions (now(), startOfMonth(-1), ...).
 *
 * Everything resolves to an instant (epoch ms). Calendar work (start of day/week/month, adding months)
 * happens on the wall clock of the user's time zone — Jira evaluates JQL dates in the searching user's
 * zone — and is converted back to an instant, so month ends and DST are right whatever the host's TZ is.
 * That is why this module does its own wall-clock arithmetic with Intl instead of date-fns' local-time
 * helpers (which follow the process zone); date-fns is used for ISO parsing and calendar facts.
 */
import { getDaysInMonth, isValid, parseISO } from 'date-fns';
import { JqlError } from './errors';

export interface DateContext {
  now: Date;
  /** IANA zone, e.g. "Europe/Berlin". Jira uses the user's profile zone; the sandbox defaults to UTC. */
  timeZone: string;
  /** 0 = Sunday (Jira's default en_US locale) … 6 = Saturday. */
  weekStartsOn: number;
}

/** A wall-clock reading in some zone; month is 1-12. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function toWall(instant: number, timeZone: string): Wall {
  if (timeZone === 'UTC') {
    const d = new Date(instant);
    return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year ?? 1970,
    mo: parts.month ?? 1,
    d: parts.day ?? 1,
    h: parts.hour ?? 0,
    mi: parts.minute ?? 0,
    s: parts.second ?? 0,
    ms: ((instant % 1000) + 1000) % 1000,
  };
}

/** The wall clock read as if it were UTC: a linear scale on which whole days can be added. */
function wallMs(w: Wall): number {
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms);
}

function fromWallMs(ms: number): Wall {
  return toWall(ms, 'UTC');
}

/** Instant for a wall-clock time in `timeZone`; a time skipped by DST resolves to the instant after the gap. */
function toInstant(w: Wall, timeZone: string): number {
  const local = wallMs(w);
  if (timeZone === 'UTC') return local;
  const offsetAt = (instant: number): number => wallMs(toWall(instant, timeZone)) - instant;
  let guess = local - offsetAt(local);
  guess = local - offsetAt(guess);
  return guess;
}

function addMonths(w: Wall, months: number): Wall {
  const index = w.y * 12 + (w.mo - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  // Clamp like Jira/Java Calendar: Jan 31 + 1 month = Feb 28/29.
  const d = Math.min(w.d, getDaysInMonth(new Date(y, mo - 1, 1)));
  return { ...w, y, mo, d };
}

function addDays(w: Wall, days: number): Wall {
  return fromWallMs(wallMs(w) + days * DAY_MS);
}

export type PeriodUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm';

/** Adds `amount` of `unit` to an instant; calendar units move the zone's wall clock, h/m move absolute time. */
function addPeriod(instant: number, amount: number, unit: PeriodUnit, tz: string): number {
  switch (unit) {
    case 'h':
      return instant + amount * 3_600_000;
    case 'm':
      return instant + amount * 60_000;
    case 'd':
      return toInstant(addDays(toWall(instant, tz), amount), tz);
    case 'w':
      return toInstant(addDays(toWall(instant, tz), amount * 7), tz);
    case 'M':
      return toInstant(addMonths(toWall(instant, tz), amount), tz);
    case 'y':
      return toInstant(addMonths(toWall(instant, tz), amount * 12), tz);
  }
}

const LITERAL = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2026-01-31", "2026/1/31", "2026-01-31 10:00" (seconds tolerated) as a wall-clock reading, or null. */
function parseLiteral(value: string): Wall | null {
  const m = LITERAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[3], m[4], m[5], m[6], m[7]].map((x) => (x === undefined ? 0 : Number(x))) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > getDaysInMonth(new Date(y, mo - 1, 1)) || h > 23 || mi > 59 || s > 59) return null;
  return { y, mo, d, h, mi, s, ms: 0 };
}

const PERIOD = /^([+-])?\s*((?:\d+\s*[yMwdhm]\s*)+)$/;

/** "-30d", "4w 2d", "+1h": a signed list of (amount, unit); null if not a period. */
export function parsePeriod(value: string): Array<{ amount: number; unit: PeriodUnit }> | null {
  const m = PERIOD.exec(value.trim());
  if (!m?.[2]) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const parts: Array<{ amount: number; unit: PeriodUnit }> = [];
  for (const p of m[2].matchAll(/(\d+)\s*([yMwdhm])/g)) {
    parts.push({ amount: sign * Number(p[1]), unit: p[2] as PeriodUnit });
  }
  return parts;
}

/** True if `value` is a date literal, a period or epoch millis: checked at parse time like Jira's validator. */
export function isDateValue(value: string): boolean {
  return parseLiteral(value) !== null || parsePeriod(value) !== null || /^\d+$/.test(value.trim());
}

/** Resolves a (non-function) date operand to an instant; null if it is not a date. */
export function resolveDateValue(value: string, ctx: DateContext): number | null {
  const wall = parseLiteral(value);
  if (wall) return toInstant(wall, ctx.timeZone);
  const period = parsePeriod(value);
  if (period) return period.reduce((acc, p) => addPeriod(acc, p.amount, p.unit, ctx.timeZone), ctx.now.getTime());
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

// ---- date functions ----------------------------------------------------------------------------

type Period = 'day' | 'week' | 'month' | 'year';
const NATURAL_UNIT: Record<Period, PeriodUnit> = { day: 'd', week: 'w', month: 'M', year: 'y' };

const DATE_FUNCTIONS: Record<string, { period: Period | null; edge: 'start' | 'end' | null }> = {
  now: { period: null, edge: null },
  startofday: { period: 'day', edge: 'start' },
  startofweek: { period: 'week', edge: 'start' },
  startofmonth: { period: 'month', edge: 'start' },
  startofyear: { period: 'year', edge: 'start' },
  endofday: { period: 'day', edge: 'end' },
  endofweek: { period: 'week', edge: 'end' },
  endofmonth: { period: 'month', edge: 'end' },
  endofyear: { period: 'year', edge: 'end' },
};

export function isDateFunction(name: string): boolean {
  return Object.hasOwn(DATE_FUNCTIONS, name.toLowerCase());
}

/** The increment argument: "(+/-)n(y|M|w|d|h|m)", unit defaulting to the function's own period. */
function parseIncrement(fn: string, arg: string, natural: PeriodUnit): { amount: number; unit: PeriodUnit } {
  const m = /^([+-])?\s*(\d+)\s*([yMwdhm])?$/.exec(arg.trim());
  if (!m) {
    throw new JqlError(`Duration format for function '${fn}' should be '(+/-)n(y|M|w|d|h|m)'. For example: '-1w' or '+2d'. Value provided: '${arg}'.`);
  }
  const amount = (m[1] === '-' ? -1 : 1) * Number(m[2]);
  return { amount, unit: (m[3] as PeriodUnit | undefined) ?? natural };
}

/** Validates a date function call (name known, arity, increment format) without evaluating it. */
export function validateDateFunction(name: string, args: string[]): void {
  const def = DATE_FUNCTIONS[name.toLowerCase()];
  if (!def) return;
  const max = def.period ? 1 : 0;
  if (args.length > max) {
    throw new JqlError(`Function '${name}' expected between '0' and '${max}' arguments but received '${args.length}'.`);
  }
  if (def.period && args[0] !== undefined) parseIncrement(name, args[0], NATURAL_UNIT[def.period]);
}

function startOfPeriod(instant: number, period: Period, ctx: DateContext): Wall {
  const w = toWall(instant, ctx.timeZone);
  const day: Wall = { ...w, h: 0, mi: 0, s: 0, ms: 0 };
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      const weekday = new Date(Date.UTC(w.y, w.mo - 1, w.d)).getUTCDay();
      return addDays(day, -((weekday - ctx.weekStartsOn + 7) % 7));
    }
    case 'month':
      return { ...day, d: 1 };
    case 'year':
      return { ...day, mo: 1, d: 1 };
  }
}

function addToWall(w: Wall, amount: number, period: Period): Wall {
  switch (period) {
    case 'day':
      return addDays(w, amount);
    case 'week':
      return addDays(w, amount * 7);
    case 'month':
      return addMonths(w, amount);
    case 'year':
      return addMonths(w, amount * 12);
  }
}

/** Evaluates now()/startOf…()/endOf…() at ctx.now. endOf… is the last millisecond of the period. */
export function evaluateDateFunction(name: string, args: string[], ctx: DateContext): number {
  const def = DATE_FUNCTIONS[name.toLowerCase()];
  if (!def) throw new JqlError(`Unable to find JQL function '${name}()'.`);
  validateDateFunction(name, args);
  const now = ctx.now.getTime();
  if (!def.period) return now;
  const natural = NATURAL_UNIT[def.period];
  const inc = args[0] === undefined ? null : parseIncrement(name, args[0], natural);
  const start = startOfPeriod(now, def.period, ctx);
  if (def.edge === 'start') {
    // startOfMonth(-1) = start of last month; startOfMonth("+14d") = the 15th of this month.
    return inc ? addPeriod(toInstant(start, ctx.timeZone), inc.amount, inc.unit, ctx.timeZone) : toInstant(start, ctx.timeZone);
  }
  // endOfMonth(-1) must be the last ms of last month (not "this month's end minus a month", which
  // would give Mar 30 from Apr 30), so shift whole periods before taking the end.
  if (inc && inc.unit === natural) {
    const shifted = addToWall(start, inc.amount, def.period);
    return toInstant(addToWall(shifted, 1, def.period), ctx.timeZone) - 1;
  }
  const end = toInstant(addToWall(start, 1, def.period), ctx.timeZone) - 1;
  return inc ? addPeriod(end, inc.amount, inc.unit, ctx.timeZone) : end;
}

/**
 * An issue's stored date as an instant: ISO date-times ("2026-03-01T10:00:00.000+0000") as they are;
 * date-only values ("2026-03-01", e.g. duedate) as the start of that day in the user's zone, which is
 * how Jira compares a due date with now(): an issue due today is already `duedate < now()`.
 */
export function parseStoredDate(raw: unknown, timeZone: string): number | null {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (dateOnly) return toInstant({ y: Number(dateOnly[1]), mo: Number(dateOnly[2]), d: Number(dateOnly[3]), h: 0, mi: 0, s: 0, ms: 0 }, timeZone);
  const parsed = parseISO(raw.trim());
  return isValid(parsed) ? parsed.getTime() : null;
}
