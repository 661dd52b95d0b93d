import { SECTION_NAMES, type ChecklistItem, type SectionName } from '../../../../src/domain/review';

/** `facts.severity` → the Facts section, so a missing item can take the user there. */
export const sectionOfItem = (id: string): SectionName | undefined => SECTION_NAMES.find((section) => id.startsWith(`${section}.`));

export function Checklist({ items, onOpenSection }: { items: readonly ChecklistItem[]; onOpenSection: (section: SectionName) => void }) {
  const visible = items.filter((item) => item.id !== 'reason');
  if (visible.length === 0) return null;
  const done = visible.filter((item) => item.done).length;
  // What is still missing comes first; a complete list folds away.
  const ordered = [...visible.filter((item) => !item.done), ...visible.filter((item) => item.done)];
  const list = (
    <ul>
      {ordered.map((item) => {
          const section = sectionOfItem(item.id);
          return (
            <li key={item.id} className={item.done ? 'done' : 'missing'}>
              <span className="check-icon" aria-hidden="true">
                {item.done ? '✓' : '○'}
              </span>
              <span className="visually-hidden">{item.done ? 'Done: ' : 'Missing: '}</span>
              {!item.done && section ? (
                <button type="button" className="link-button" onClick={() => { onOpenSection(section); }}>
                  {item.label}
                </button>
              ) : (
                <span>{item.label}</span>
              )}
            </li>
          );
        })}
    </ul>
  );
  if (done === visible.length) {
    return (
      <details className="checklist">
        <summary className="subtlest">All {visible.length} checks done — show them</summary>
        {list}
      </details>
    );
  }
  return (
    <div className="checklist">
      <p className="subtlest">
        {done} of {visible.length} done — still missing:
      </p>
      {list}
    </div>
  );
}
