import { useSession } from './session/SessionContext';

/** A stale write: say who changed the review, keep the input, offer to load their version. */
export function ConflictBanner() {
  const { conflict, reload, reloading, reloadNote } = useSession();
  if (conflict) {
    return (
      <div className="section-message warning conflict" role="alert">
        <div>
          <strong>Someone else changed this review</strong>
          <p>{conflict}</p>
          <p className="subtlest">Nothing of yours was lost: your unsaved input stays in the form.</p>
          <button type="button" className="button primary" onClick={() => void reload()} disabled={reloading}>
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
        </div>
      </div>
    );
  }
  if (reloadNote) {
    return (
      <div className="section-message info" role="status">
        <div>
          <p>{reloadNote}</p>
        </div>
      </div>
    );
  }
  return null;
}
