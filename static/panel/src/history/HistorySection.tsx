import { ErrorMessage, Loading } from '../../../shared/components';
import { formatAgo, formatInstant } from '../../../shared/dates';
import { useUserDirectory, useUserNames } from '../../../shared/user-directory';
import { useSession } from '../session/SessionContext';
import { useTimeSettings } from '../../../shared/environment';
import { accountIdsIn, describeChange, eventTitle } from './describe';
import { useHistory } from './useHistory';

/** R23: who changed what and when, newest first. */
export function HistorySection() {
  const session = useSession();
  const time = useTimeSettings();
  const history = useHistory(session.view.issue.key, session.review.version);
  const nameOf = useUserNames(history.events.flatMap(accountIdsIn));
  const { users } = useUserDirectory();
  const knownName = (accountId: string) => users.get(accountId)?.displayName;

  return (
    <section className="review-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <p className="subtle">Every change to this review, newest first. Nothing is ever removed from this trail.</p>
      {history.status === 'loading' ? <Loading label="Loading the history" /> : null}
      {history.error ? <ErrorMessage error={history.error} onRetry={history.retry} /> : null}
      {history.status !== 'loading' && history.events.length === 0 && !history.error ? <p className="subtlest">No changes recorded yet.</p> : null}
      <ol className="history" aria-label="Changes, newest first">
        {history.events.map((event) => (
          <li key={`${String(event.version)}-${event.at}`} className="history-event">
            <div className="history-head">
              <strong>{nameOf(event.by)}</strong> <span>{eventTitle(event).toLowerCase()}</span>
            </div>
            <div className="subtlest">
              <time dateTime={event.at}>{formatInstant(event.at, time)}</time> · {formatAgo(event.at)} · version {event.version}
            </div>
            {event.reason ? <p className="quote">Reason: “{event.reason}”</p> : null}
            {event.kind === 'section-updated' && event.changes.length > 0 ? (
              <ul className="history-changes">
                {event.changes.map((change, index) => (
                  <li key={index}>{describeChange(change, knownName, (iso) => formatInstant(iso, time))}</li>
                ))}
                {event.omittedChanges > 0 ? <li className="subtlest">and {event.omittedChanges} more changes</li> : null}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {history.hasMore ? (
        <button type="button" className="button" onClick={history.loadMore} disabled={history.status === 'more'}>
          {history.status === 'more' ? 'Loading…' : 'Show older changes'}
        </button>
      ) : null}
    </section>
  );
}
