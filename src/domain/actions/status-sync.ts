/**
 * Keeping an action in step with its Jira issue (R10 "status tracked to completion from Jira").
 * Issue events may arrive twice or out of order: each observation carries the issue's `updated`
 * time, and one that is not newer than what was already applied changes nothing. Deletion is
 * final: an issue that is gone cannot come back.
 */
import type { Action, ActionStatus } from './action';

/** Jira's status categories: new (To Do), indeterminate (In Progress), done. */
export type StatusCategoryKey = 'new' | 'indeterminate' | 'done' | 'undefined';

export const statusFromCategory = (category: string): ActionStatus | undefined => {
  switch (category) {
    case 'new':
      return 'todo';
    case 'indeterminate':
      return 'in-progress';
    case 'done':
      return 'done';
    default:
      return undefined;
  }
};

export type IssueObservation =
  | {
      kind: 'updated';
      /** The issue's `updated` time (orders observations). */
      observedAt: string;
      status: ActionStatus;
      /** Jira's resolution date when known; otherwise the time of the observation that first saw it done. */
      resolvedAt?: string;
      /** New assignee / due date when the event says they changed. */
      ownerAccountId?: string;
      targetDate?: string;
    }
  | { kind: 'deleted'; observedAt: string };

export interface SyncOutcome {
  action: Action;
  changed: boolean;
}

const newer = (action: Action, observedAt: string): boolean => action.observedAt === undefined || Date.parse(observedAt) > Date.parse(action.observedAt);

/** Applies one observation of the Jira issue; `changed: false` means nothing to write. */
export function applyObservation(action: Action, observation: IssueObservation, actor: string, at: string): SyncOutcome {
  if (action.status === 'deleted' || action.status === 'draft') return { action, changed: false };
  if (observation.kind === 'deleted') {
    const next: Action = { ...action, status: 'deleted', observedAt: observation.observedAt };
    return { action: { ...next, version: action.version + 1, updatedAt: at, updatedBy: actor }, changed: true };
  }
  if (!newer(action, observation.observedAt)) return { action, changed: false };
  const done = observation.status === 'done';
  const resolvedAt = done ? (action.status === 'done' && action.resolvedAt !== undefined ? action.resolvedAt : (observation.resolvedAt ?? observation.observedAt)) : undefined;
  const next: Action = {
    ...action,
    status: observation.status,
    observedAt: observation.observedAt,
    ...(observation.ownerAccountId === undefined ? {} : { ownerAccountId: observation.ownerAccountId }),
    ...(observation.targetDate === undefined ? {} : { targetDate: observation.targetDate }),
  };
  if (resolvedAt === undefined) delete next.resolvedAt;
  else next.resolvedAt = resolvedAt;
  const meaningful =
    next.status !== action.status || next.resolvedAt !== action.resolvedAt || next.ownerAccountId !== action.ownerAccountId || next.targetDate !== action.targetDate;
  // Only the observation time moved (another field was edited): nothing the app tracks changed.
  if (!meaningful) return { action, changed: false };
  return { action: { ...next, version: action.version + 1, updatedAt: at, updatedBy: actor }, changed: true };
}
