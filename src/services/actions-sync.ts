import { AppError } from '../api/errors';
import { applyObservation, isCalendarDate, isoInstant, statusFromCategory, type Action, type IssueObservation } from '../domain/actions';
import { logEvent } from '../platform/log';
import { actionEvent } from './actions';
import { actionsOfJiraIssue, readAction, writeActions } from './actions-records';

/**
 * Status sync (R10): Jira issue events keep each action's status, resolution date, owner and due
 * date in app storage. Most issues on a site are not actions, so the first step is one indexed
 * look-up by the issue id and everything else returns right there. Events may come twice or out
 * of order; the issue's `updated` time orders them (see applyObservation).
 */

/** The parts of Forge's avi:jira:*:issue event the sync reads. */
export interface ActionIssueEvent {
  eventType?: string;
  atlassianId?: string;
  issue?: {
    id?: string;
    key?: string;
    fields?: {
      status?: { statusCategory?: { key?: string } };
      updated?: string;
      resolutiondate?: string | null;
      assignee?: { accountId?: string } | null;
    };
  };
  changelog?: { items?: { fieldId?: string; field?: string; to?: string | null }[] };
}

const APP_ACTOR = 'lessons-learned-app';

function observe(event: ActionIssueEvent, current: Action): IssueObservation | undefined {
  const fields = event.issue?.fields ?? {};
  const observedAt = isoInstant(fields.updated) ?? new Date().toISOString();
  if (event.eventType === 'avi:jira:deleted:issue') return { kind: 'deleted', observedAt };
  const items = event.changelog?.items ?? [];
  const changed = (id: string) => items.find((item) => item.fieldId === id || item.field === id);
  const status = statusFromCategory(fields.status?.statusCategory?.key ?? '') ?? current.status;
  const assignee = changed('assignee') === undefined ? undefined : fields.assignee?.accountId;
  const due = changed('duedate')?.to;
  return {
    kind: 'updated',
    observedAt,
    status,
    ...(isoInstant(fields.resolutiondate) === undefined ? {} : { resolvedAt: isoInstant(fields.resolutiondate) }),
    ...(assignee === undefined ? {} : { ownerAccountId: assignee }),
    ...(typeof due === 'string' && isCalendarDate(due.slice(0, 10)) ? { targetDate: due.slice(0, 10) } : {}),
  };
}

async function syncOne(action: Action, event: ActionIssueEvent, attempt = 1): Promise<boolean> {
  const observation = observe(event, action);
  if (observation === undefined) return false;
  const by = event.atlassianId ?? APP_ACTOR;
  const at = new Date().toISOString();
  const outcome = applyObservation(action, observation, by, at);
  if (!outcome.changed) return false;
  const reason = observation.kind === 'deleted' ? `Jira issue ${action.jira?.issueKey ?? ''} was deleted` : `Jira issue ${action.jira?.issueKey ?? ''} changed`;
  try {
    await writeActions([{ action: outcome.action, baseVersion: action.version, previous: action, event: actionEvent(outcome.action, 'action-status-synced', by, at, action, outcome.action, reason) }]);
    return true;
  } catch (error) {
    // Two deliveries at once: the loser re-reads and applies its observation to the winner's version.
    if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt > 2) throw error;
    const fresh = await readAction(action.id);
    return fresh === undefined ? false : syncOne(fresh, event, attempt + 1);
  }
}

export async function syncActionIssue(event: ActionIssueEvent): Promise<{ actions: number; changed: number }> {
  const issueId = event.issue?.id;
  // A newly created issue is nobody's action yet (the app records its own creations itself).
  if (issueId === undefined || event.eventType === 'avi:jira:created:issue') return { actions: 0, changed: 0 };
  const actions = (await actionsOfJiraIssue(issueId)).filter((action) => action.status !== 'draft');
  if (actions.length === 0) return { actions: 0, changed: 0 };
  let changed = 0;
  for (const action of actions) if (await syncOne(action, event)) changed += 1;
  logEvent('action-sync', { issue: event.issue?.key, actions: actions.length, changed });
  return { actions: actions.length, changed };
}
