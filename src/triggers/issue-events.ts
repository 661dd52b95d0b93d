import { logEvent } from '../platform/log';
import { syncActionIssue, type ActionIssueEvent } from '../services/actions-sync';

/** The parts of Forge's avi:jira:*:issue event payload the app reads. */
export type IssueEvent = ActionIssueEvent;

/**
 * Keeps app data in step with Jira: the status of issues that are corrective actions (R10).
 * Runs as the app; exits after one indexed look-up for issues that are no action. Errors are
 * logged and swallowed: the next event of the issue carries its full status again.
 */
export async function handleIssueEvent(event: IssueEvent): Promise<void> {
  try {
    await syncActionIssue(event);
  } catch (error) {
    logEvent('issue-event-failed', { level: 'error', type: event.eventType, issue: event.issue?.key, message: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
  }
}
