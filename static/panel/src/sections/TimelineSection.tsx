import { LIMITS, moveTimelineEntry, removeTimelineEntry, type TimelineEntry } from '../../../../src/domain/review';
import { formatInstant } from '../../../shared/dates';
import { Field } from '../../../shared/form/Field';
import { useUserNames } from '../../../shared/user-directory';
import { SectionFrame } from '../components/SectionFrame';
import { TimestampInput } from '../components/TimestampInput';
import { useSectionEditor } from '../session/useSectionEditor';
import { useTimeSettings } from '../../../shared/environment';
import { TimelineAddForm } from './TimelineAddForm';

/** R2: the incident as a list of timestamped events, kept in time order. */
export function TimelineSection() {
  const editor = useSectionEditor('timeline');
  const time = useTimeSettings();
  const { value: entries, readOnly, errorAt } = editor;
  const nameOf = useUserNames(entries.flatMap((entry) => (entry.author ? [entry.author] : [])));

  const update = (id: string, changes: Partial<TimelineEntry>) => {
    editor.change(entries.map((entry) => (entry.id === id ? { ...entry, ...changes } : entry)));
  };
  const canMove = (id: string, direction: 'earlier' | 'later') => moveTimelineEntry(entries, id, direction).ok;
  const move = (id: string, direction: 'earlier' | 'later') => {
    const moved = moveTimelineEntry(entries, id, direction);
    if (moved.ok) editor.change(moved.value);
  };
  const remove = (id: string) => {
    const removed = removeTimelineEntry(entries, id);
    if (removed.ok) editor.change(removed.value);
  };

  return (
    <SectionFrame
      editor={editor}
      description="Key events from first sign to recovery. Entries are kept in time order; entries at the same time can be moved up or down."
    >
      {entries.length === 0 ? (
        <div className="inline-empty">
          <strong>No events yet.</strong> {readOnly ? 'Nobody has recorded the timeline.' : 'Add the first event below — for example when the incident was detected.'}
        </div>
      ) : (
        <ol className="timeline" aria-label="Timeline events">
          {entries.map((entry, index) => {
            const base = `timeline.${String(index)}`;
            return (
              <li key={entry.id} className="timeline-entry">
                {readOnly ? (
                  <>
                    <time className="timeline-time" dateTime={entry.at}>
                      {formatInstant(entry.at, time)}
                    </time>
                    <p className="prewrap">{entry.text}</p>
                  </>
                ) : (
                  <div className="timeline-edit">
                    <TimestampInput path={`${base}.at`} label={`Time of event ${String(index + 1)}`} value={entry.at} onChange={(at) => { update(entry.id, { at: at ?? '' }); }} readOnly={readOnly} error={errorAt(`${base}.at`)} />
                    <Field path={`${base}.text`} label={`Event ${String(index + 1)}`} error={errorAt(`${base}.text`)}>
                      {(control) => <textarea {...control} rows={2} value={entry.text} maxLength={LIMITS.timelineText} onChange={(event) => { update(entry.id, { text: event.target.value }); }} />}
                    </Field>
                  </div>
                )}
                <div className="timeline-meta">
                  {entry.author ? <span className="subtlest">Added by {nameOf(entry.author)}</span> : <span />}
                  {readOnly ? null : (
                    <span className="row-actions">
                      <button type="button" className="icon-button" aria-label={`Move event ${String(index + 1)} earlier`} title="Move earlier (same time only)" disabled={!canMove(entry.id, 'earlier')} onClick={() => { move(entry.id, 'earlier'); }}>
                        ↑
                      </button>
                      <button type="button" className="icon-button" aria-label={`Move event ${String(index + 1)} later`} title="Move later (same time only)" disabled={!canMove(entry.id, 'later')} onClick={() => { move(entry.id, 'later'); }}>
                        ↓
                      </button>
                      <button type="button" className="icon-button" aria-label={`Remove event ${String(index + 1)}`} onClick={() => { remove(entry.id); }}>
                        ×
                      </button>
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {readOnly ? null : <TimelineAddForm entries={entries} onAdd={editor.change} />}
    </SectionFrame>
  );
}
