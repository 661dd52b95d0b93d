import { logEvent } from '../platform/log';

/** The parts of Forge's avi:jira:*:issue event payload the app reads. */
export interface IssueEvent {
  eventType?: string;
  issue?: { id?: string; key?: string };
}

/**
 * Keeps app data in step with Jira (spawned action status, deleted incidents). Exits early for
 * events that concern no app record; the handlers land with the features that need them.
 */
export async function handleIssueEvent(event: IssueEvent): Promise<void> {
  logEvent('issue-event', { type: event.eventType, issue: event.issue?.key });
  await Promise.resolve();
}
