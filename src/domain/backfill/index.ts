/**
 * The backfill of existing incidents (settings page): its progress as a small pure state machine,
 * stored after every page of Jira's search so a paused, failed or interrupted run resumes where
 * it stopped, and what a Jira issue contributes before it has a review.
 */
import { instantFromJira, severityFromPriority, type SeverityMapping } from '../review';

export interface BackfillProgress {
  status: 'running' | 'done';
  /** Jira's token for the next page; absent before the first page and when done. */
  pageToken?: string;
  pages: number;
  /** Incident issues looked at. */
  checked: number;
  /** Registered by this run. */
  registered: number;
  /** Already counted (reviewed, or registered by an earlier run): left as they are. */
  known: number;
  startedAt: string;
  startedBy: string;
  finishedAt?: string;
}

export function startBackfill(at: string, by: string): BackfillProgress {
  return { status: 'running', pages: 0, checked: 0, registered: 0, known: 0, startedAt: at, startedBy: by };
}

export function afterBackfillPage(progress: BackfillProgress, page: { checked: number; registered: number; known: number; nextPageToken?: string }, at: string): BackfillProgress {
  const { pageToken: _done, ...rest } = progress;
  const next: BackfillProgress = { ...rest, pages: progress.pages + 1, checked: progress.checked + page.checked, registered: progress.registered + page.registered, known: progress.known + page.known };
  return page.nextPageToken === undefined ? { ...next, status: 'done', finishedAt: at } : { ...next, pageToken: page.nextPageToken };
}

export interface IssueForRegistration {
  id: string;
  key: string;
  fields: { created?: string | null; priority?: { name?: string | null } | null };
}

export interface IncidentRegistration {
  issueId: string;
  issueKey: string;
  /** ISO instant: Jira's created, the same "reported" instant a review's prefill starts from. */
  occurredAt: string;
  severity?: string;
}

/** Undefined for an issue Jira sent without a creation date (nothing to place it in a month by). */
export function registrationOf(issue: IssueForRegistration, mapping: SeverityMapping): IncidentRegistration | undefined {
  const occurredAt = instantFromJira(issue.fields.created);
  if (occurredAt === undefined) return undefined;
  const severity = severityFromPriority(issue.fields.priority?.name, mapping);
  return { issueId: issue.id, issueKey: issue.key, occurredAt, ...(severity === undefined ? {} : { severity }) };
}
