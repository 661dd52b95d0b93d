import { useId, useState } from 'react';
import { categoryLabel, type RootCause, type RootCauseTaxonomy } from '../../../../src/domain/review';

interface PromoteControlProps {
  /** What is being promoted, for the button's accessible name ("Promote chain 1 to root cause"). */
  subject: string;
  taxonomy: RootCauseTaxonomy;
  /** The root cause this was already promoted to, if any. */
  promoted: RootCause | undefined;
  /** Why promoting is not possible yet (e.g. the last answer is empty). */
  blockedReason?: string | undefined;
  readOnly: boolean;
  onPromote: (category: string) => Promise<string | null>;
}

/** "Promote to root cause": choose the taxonomy category, then the root cause is saved at once. */
export function PromoteControl({ subject, taxonomy, promoted, blockedReason, readOnly, onPromote }: PromoteControlProps) {
  const id = useId();
  const [category, setCategory] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (promoted) {
    return (
      <p className="promoted">
        <span aria-hidden="true">✓ </span>
        Root cause: <strong>{promoted.text}</strong> <span className="lozenge">{categoryLabel(taxonomy, promoted.category)}</span>
      </p>
    );
  }
  if (readOnly) return null;

  const promote = () => {
    setBusy(true);
    setError(null);
    void onPromote(category).then((problem) => {
      setBusy(false);
      setError(problem);
    });
  };

  return (
    <div className="promote">
      <label htmlFor={`${id}-category`} className="field-label">
        Root-cause category for {subject}
      </label>
      <div className="inline-add">
        <select id={`${id}-category`} value={category} onChange={(event) => { setCategory(event.target.value); }} aria-describedby={blockedReason ? `${id}-blocked` : undefined}>
          <option value="">Choose a category</option>
          {taxonomy.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.label}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={busy || category === '' || blockedReason !== undefined} onClick={promote} aria-label={`Promote ${subject} to root cause`}>
          {busy ? 'Promoting…' : 'Promote to root cause'}
        </button>
      </div>
      {blockedReason ? (
        <p className="subtlest" id={`${id}-blocked`}>
          {blockedReason}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
