/**
 * R2 timeline. Entries are always kept in time order; entries with the same time keep the order
 * the people put them in (stable sort), which is the only ordering a person can change by hand —
 * to move an entry past another one, change its time.
 */
import { z } from 'zod';
import { compareAsc } from 'date-fns';
import { accountId, entityId, instant, list, parseInstant, requiredText } from './fields';
import { LIMITS } from './limits';
import { fail, ok, type Result } from './result';
import { validate } from './validation';

export const timelineEntrySchema = z.object({
  id: entityId('Timeline entry'),
  at: instant('Timeline entry time'),
  text: requiredText('Timeline entry text', LIMITS.timelineText),
  author: accountId('Timeline entry author').optional(),
});

export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineSchema = list('Timeline', timelineEntrySchema, LIMITS.timelineEntries).refine(
  (entries) => new Set(entries.map((entry) => entry.id)).size === entries.length,
  { error: 'Timeline entries must have distinct ids' },
);

export type Timeline = z.infer<typeof timelineSchema>;

/** Array.prototype.sort is stable (ES2019), so equal times keep their relative order. */
export const sortTimeline = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  [...entries].sort((a, b) => compareAsc(parseInstant(a.at), parseInstant(b.at)));

const notFound = (id: string) =>
  fail({ code: 'not-found' as const, message: `There is no timeline entry with id ${id}`, field: 'timeline' });

export function addTimelineEntry(entries: readonly TimelineEntry[], entry: unknown): Result<TimelineEntry[]> {
  const parsed = validate(timelineEntrySchema, entry, 'timeline');
  if (!parsed.ok) return parsed;
  if (entries.some((existing) => existing.id === parsed.value.id)) {
    return fail({ code: 'invalid', message: 'A timeline entry with this id already exists', field: 'timeline', issues: [] });
  }
  const next = [...entries, parsed.value];
  const checked = validate(timelineSchema, next, 'timeline');
  return checked.ok ? ok(sortTimeline(checked.value)) : checked;
}

export function editTimelineEntry(
  entries: readonly TimelineEntry[],
  id: string,
  changes: Partial<Omit<TimelineEntry, 'id'>>,
): Result<TimelineEntry[]> {
  const index = entries.findIndex((entry) => entry.id === id);
  const current = entries[index];
  if (!current) return notFound(id);
  const parsed = validate(timelineEntrySchema, { ...current, ...changes, id }, `timeline.${index}`);
  if (!parsed.ok) return parsed;
  const next = entries.map((entry) => (entry.id === id ? parsed.value : entry));
  return ok(sortTimeline(next));
}

export function removeTimelineEntry(entries: readonly TimelineEntry[], id: string): Result<TimelineEntry[]> {
  if (!entries.some((entry) => entry.id === id)) return notFound(id);
  return ok(entries.filter((entry) => entry.id !== id));
}

/**
 * Moves an entry one place earlier or later among the entries that share its time. Moving it
 * across a different time would contradict the time order, so that is refused with a hint.
 */
export function moveTimelineEntry(
  entries: readonly TimelineEntry[],
  id: string,
  direction: 'earlier' | 'later',
): Result<TimelineEntry[]> {
  const sorted = sortTimeline(entries);
  const index = sorted.findIndex((entry) => entry.id === id);
  const current = sorted[index];
  if (!current) return notFound(id);
  const neighbourIndex = direction === 'earlier' ? index - 1 : index + 1;
  const neighbour = sorted[neighbourIndex];
  if (!neighbour || compareAsc(parseInstant(neighbour.at), parseInstant(current.at)) !== 0) {
    return fail({
      code: 'invalid',
      message: `Timeline entries are ordered by time; change the entry's time to move it ${direction}`,
      field: `timeline.${index}.at`,
      issues: [],
    });
  }
  const next = [...sorted];
  next[index] = neighbour;
  next[neighbourIndex] = current;
  return ok(next);
}
