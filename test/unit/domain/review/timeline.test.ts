import {
  addTimelineEntry,
  editTimelineEntry,
  moveTimelineEntry,
  removeTimelineEntry,
  sortTimeline,
  type TimelineEntry,
} from '../../../../src/domain/review';
import { FOX, phishingReview } from './fixtures';

const ids = (entries: readonly TimelineEntry[]) => entries.map((entry) => entry.id);
const value = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('timeline', () => {
  const timeline = phishingReview().timeline;

  it('adds an entry in time order', () => {
    const added = value(addTimelineEntry(timeline, { id: 't5', at: '2025-03-04T09:00:00Z', text: 'Inbox rule created by attacker', author: FOX }));
    expect(ids(added)).toEqual(['t1', 't2', 't5', 't3', 't4']);
  });

  it('refuses an invalid or duplicate entry with the field named', () => {
    expect(addTimelineEntry(timeline, { id: 't6', at: 'soon', text: 'x' })).toMatchObject({
      ok: false,
      error: { field: 'timeline.at', message: expect.stringContaining('Timeline entry time') as unknown },
    });
    expect(addTimelineEntry(timeline, { ...timeline[0] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('keeps entries with the same time in insertion order (stable)', () => {
    const at = '2025-03-05T16:30:00Z';
    let entries = value(addTimelineEntry(timeline, { id: 'a', at, text: 'Password reset' }));
    entries = value(addTimelineEntry(entries, { id: 'b', at, text: 'MFA re-registered' }));
    expect(ids(entries)).toEqual(['t1', 't2', 't3', 't4', 'a', 'b']);
    expect(ids(sortTimeline([...entries].reverse())).slice(3)).toEqual(['b', 'a', 't4']);
  });

  it('re-sorts after editing the time and keeps other fields', () => {
    const edited = value(editTimelineEntry(timeline, 't4', { at: '2025-03-03T08:20:00Z' }));
    expect(ids(edited)).toEqual(['t1', 't4', 't2', 't3']);
    expect(edited[1]?.text).toBe('Sessions revoked, inbox rule removed');
  });

  it('edits text and refuses an unknown id', () => {
    expect(value(editTimelineEntry(timeline, 't2', { text: 'Credentials phished' }))[1]?.text).toBe('Credentials phished');
    expect(editTimelineEntry(timeline, 'nope', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('removes an entry', () => {
    expect(ids(value(removeTimelineEntry(timeline, 't2')))).toEqual(['t1', 't3', 't4']);
    expect(removeTimelineEntry(timeline, 'nope')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('reorders only among entries with the same time', () => {
    const at = '2025-03-05T16:30:00Z';
    const entries = value(addTimelineEntry(timeline, { id: 'a', at, text: 'Password reset' }));
    expect(ids(value(moveTimelineEntry(entries, 'a', 'earlier')))).toEqual(['t1', 't2', 't3', 'a', 't4']);
    expect(ids(value(moveTimelineEntry(entries, 't4', 'later')))).toEqual(['t1', 't2', 't3', 'a', 't4']);
    const refused = moveTimelineEntry(entries, 't3', 'earlier');
    expect(!refused.ok && refused.error.message).toMatch(/ordered by time; change the entry's time/);
    expect(moveTimelineEntry(entries, 'a', 'later').ok).toBe(false);
  });
});
