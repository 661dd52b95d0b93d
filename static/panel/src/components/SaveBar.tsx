import { SECTION_LABELS, type SectionName } from '../../../../src/domain/review';
import { formatInstant } from '../../../shared/dates';
import type { SaveStatus } from '../session/types';
import { useTimeSettings } from '../../../shared/environment';

interface SaveBarProps {
  section: SectionName;
  dirty: boolean;
  status: SaveStatus;
  onSave: () => void;
  onDiscard: () => void;
}

function statusText(status: SaveStatus, dirty: boolean, when: (iso: string) => string): string {
  switch (status.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return dirty ? 'Unsaved changes' : `Saved ${when(status.at)}`;
    case 'unchanged':
      return 'Nothing changed since the last save';
    case 'error':
      return 'Not saved';
    case 'idle':
      return dirty ? 'Unsaved changes' : 'All changes saved';
  }
}

/** The one place a section is saved: explicit, with its state always visible. */
export function SaveBar({ section, dirty, status, onSave, onDiscard }: SaveBarProps) {
  const settings = useTimeSettings();
  const saving = status.kind === 'saving';
  const label = SECTION_LABELS[section];
  return (
    <div className="save-bar">
      <button type="button" className="button primary" onClick={onSave} disabled={saving || (!dirty && status.kind !== 'error')}>
        {saving ? 'Saving…' : `Save ${label.toLowerCase()}`}
      </button>
      {dirty && !saving ? (
        <button type="button" className="button subtle-button" onClick={onDiscard}>
          Discard changes
        </button>
      ) : null}
      <span className={`save-state ${status.kind}${dirty ? ' dirty' : ''}`} role="status" aria-live="polite">
        {statusText(status, dirty, (iso) => formatInstant(iso, settings))}
      </span>
    </div>
  );
}
