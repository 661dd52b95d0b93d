import { router } from '@forge/bridge';
import { useState } from 'react';

/**
 * A Jira issue key that opens the issue in Jira (`router.navigate`): the app's frame cannot
 * link to Jira's own pages with a plain href, as it does not know the site's address.
 */
export function IssueLink({ issueKey, summary }: { issueKey: string; summary?: string }) {
  const [failed, setFailed] = useState(false);
  const open = () => {
    setFailed(false);
    router.navigate({ target: 'issue', issueKey }).catch(() => { setFailed(true); });
  };
  return (
    <span className="issue-link">
      <button type="button" className="link-button" onClick={open} title={summary ? `${issueKey}: ${summary}` : `Open ${issueKey}`}>
        {issueKey}
        <span className="visually-hidden"> (open the issue in Jira)</span>
        <span aria-hidden="true"> ↗</span>
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {' '}
          Could not open {issueKey}; find it in Jira.
        </span>
      ) : null}
    </span>
  );
}
