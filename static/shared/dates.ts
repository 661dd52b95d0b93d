import { formatDistance, isValid, parseISO } from 'date-fns';

/** Where and how the user reads times: from the Forge context (their Jira profile). */
export interface TimeSettings {
  locale: string;
  timeZone: string;
}

const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Falls back to the browser's settings when the context's are missing or unknown to Intl. */
export function timeSettings(locale: string | undefined, timeZone: string | undefined): TimeSettings {
  const safeLocale = (() => {
    try {
      return locale ? (Intl.getCanonicalLocales(locale.replace('_', '-'))[0] ?? 'en') : navigator.language;
    } catch {
      return navigator.language;
    }
  })();
  const safeZone = (() => {
    if (!timeZone) return browserTimeZone();
    try {
      new Intl.DateTimeFormat('en', { timeZone }).format(0);
      return timeZone;
    } catch {
      return browserTimeZone();
    }
  })();
  return { locale: safeLocale, timeZone: safeZone };
}

const wallClockFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

function wallClockParts(date: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormat(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The zone's offset from UTC at that instant, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = wallClockParts(date, timeZone);
  const asUtc = Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const pad = (value: number | undefined): string => String(value ?? 0).padStart(2, '0');

/** An instant as `<input type="datetime-local">` shows it in the user's zone ("2025-03-14T09:30"). */
export function toLocalInput(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = parseISO(iso);
  if (!isValid(date)) return '';
  const p = wallClockParts(date, timeZone);
  return `${String(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant (UTC ISO) a wall-clock time in the user's zone stands for; undefined when empty or invalid. */
export function fromLocalInput(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number);
  const guess = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  // Two rounds settle the offset across a daylight-saving change.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  const date = new Date(instant);
  return isValid(date) ? date.toISOString() : undefined;
}

/** "14 Mar 2025, 09:30" in the user's locale and zone. */
export function formatInstant(iso: string, settings: TimeSettings): string {
  const date = parseISO(iso);
  if (!isValid(date)) return iso;
  return new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone }).format(date);
}

/** "3 minutes ago" — for recent activity next to the exact time. */
export function formatAgo(iso: string, now: Date = new Date()): string {
  const date = parseISO(iso);
  return isValid(date) ? formatDistance(date, now, { addSuffix: true }) : '';
}

/** A short name for the zone ("Europe/London"), shown next to time inputs. */
export const zoneLabel = (settings: TimeSettings): string => settings.timeZone.replace(/_/g, ' ');

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** Messages from the domain quote instants in ISO form; people read them in their own zone. */
export const humaniseInstants = (message: string, settings: TimeSettings): string =>
  message.replace(ISO_IN_TEXT, (iso) => formatInstant(iso, settings));

/** A calendar day (`2026-03-14`, as Jira's due dates) in the user's locale ("14 Mar 2026"); days have no zone. */
export function formatCalendarDate(date: string, settings: Pick<TimeSettings, 'locale'>): string {
  const millis = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(millis)) return date;
  return new Intl.DateTimeFormat(settings.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(millis);
}
