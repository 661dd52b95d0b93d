import { useRef, type KeyboardEvent } from 'react';
import { TABS, tabId, tabPanelId, type TabId } from './tabs';

interface SectionNavProps {
  active: TabId;
  onSelect: (tab: TabId) => void;
  /** Tabs with unsaved input, and tabs whose last save failed. */
  dirty: readonly TabId[];
  failed: readonly TabId[];
}

/** WAI-ARIA tabs (arrow keys, Home, End); wraps onto two rows in the narrow issue panel. */
export function SectionNav({ active, onSelect, dirty, failed }: SectionNavProps) {
  const list = useRef<HTMLDivElement>(null);
  const focusTab = (index: number) => {
    const tab = TABS[(index + TABS.length) % TABS.length];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(tab.id)}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((tab) => tab.id === active);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusTab(target);
  };
  const marker = (id: TabId) => {
    if (failed.includes(id)) return { symbol: '!', text: ' (not saved)', tone: 'failed' };
    if (dirty.includes(id)) return { symbol: '•', text: ' (unsaved changes)', tone: 'dirty' };
    return null;
  };
  return (
    <div className="tabs" role="tablist" aria-label="Review sections" ref={list} onKeyDown={onKeyDown}>
      {TABS.map((tab) => {
        const selected = tab.id === active;
        const mark = marker(tab.id);
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={selected}
            aria-controls={tabPanelId(tab.id)}
            tabIndex={selected ? 0 : -1}
            className={`tab${selected ? ' selected' : ''}`}
            onClick={() => { onSelect(tab.id); }}
          >
            {tab.label}
            {mark ? (
              <>
                <span className={`tab-mark ${mark.tone}`} aria-hidden="true">
                  {mark.symbol}
                </span>
                <span className="visually-hidden">{mark.text}</span>
              </>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
