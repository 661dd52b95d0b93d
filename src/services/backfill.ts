import { z } from 'zod';
import type { BackfillView } from '../api/jira-native';
import { AppError } from '../api/errors';
import { afterBackfillPage, registrationOf, startBackfill, type BackfillProgress, type IncidentRegistration } from '../domain/backfill';
import { jqlString, searchJql } from '../platform/jira/issue-search';
import { JiraTransport } from '../platform/jira/transport';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, transact } from '../platform/store';
import { registerProject } from './daily-job-registry';
import { registerIncidents } from './incident-registrations';
import { loadProjectSettings } from './settings-store';

/**
 * "Find existing incidents" (settings page, project admins): walks the project's incident issues
 * with Jira's search (`POST /rest/api/3/search/jql`, token paging, two fields), and registers the
 * ones without a review so the dashboard's trends and coverage count them from day one.
 *
 * One call = one page of ≤ 50 issues = one Jira search (as the admin) + a batch read and a few
 * transactions: far inside the resolver's 25 s and Jira's rate limits, and the browser calls again
 * for the next page, one at a time. The progress (Jira's page token and the counts) is saved after
 * each page, conditional on its version: a page that failed (429 after the transport's retries, a
 * 5xx) saved nothing and is simply asked again; a second admin's concurrent click loses the race
 * and reads the progress. A re-run starts a fresh walk; the registrations themselves are
 * idempotent (see incident-registrations.ts), so nothing is counted twice.
 */
interface BackfillRecord {
  version: number;
  updatedAt: number;
  document: BackfillProgress;
}

const backfillKey = (projectKey: string): string => `backfill-${projectKey}`;
/** Jira's page size for searches that return few fields. */
const PAGE_SIZE = 50;

const issueSchema = z.object({ created: z.string().nullable().optional(), priority: z.object({ name: z.string().nullable().optional() }).nullable().optional() });

const view = (projectKey: string, record: BackfillRecord | undefined): BackfillView => ({ projectKey, progress: record?.document ?? null });

export async function loadBackfill(projectKey: string): Promise<BackfillView> {
  return view(projectKey, await getRecord<BackfillRecord>(ENTITY.jobState, backfillKey(projectKey)));
}

/** Works through the next page (starting a new walk when asked to, or when none ran yet) and returns the progress. */
export async function runBackfillPage(projectKey: string, restart: boolean, actor: string): Promise<BackfillView> {
  const key = backfillKey(projectKey);
  const [stored, { settings }] = await Promise.all([getRecord<BackfillRecord>(ENTITY.jobState, key), loadProjectSettings(projectKey)]);
  if (stored?.document.status === 'done' && !restart) return view(projectKey, stored);
  const at = new Date().toISOString();
  const progress = stored === undefined || restart || stored.document.status === 'done' ? startBackfill(at, actor) : stored.document;
  const types = settings.incidentIssueTypes.length > 0 ? settings.incidentIssueTypes : ['Incident'];
  const answer = await searchJql(new JiraTransport('user'), {
    jql: `project = ${jqlString(projectKey)} AND issuetype in (${types.map(jqlString).join(', ')}) ORDER BY created ASC`,
    fields: ['created', 'priority'],
    maxResults: PAGE_SIZE,
    ...(progress.pageToken === undefined ? {} : { nextPageToken: progress.pageToken }),
  });
  const registrations = answer.issues.flatMap((issue): IncidentRegistration[] => {
    const fields = issueSchema.safeParse(issue.fields ?? {});
    const registration = issue.key === undefined || !fields.success ? undefined : registrationOf({ id: issue.id, key: issue.key, fields: fields.data }, settings.severityMapping);
    return registration === undefined ? [] : [registration];
  });
  // The project now has app data: the daily job and the all-projects page include it.
  await registerProject(projectKey);
  const outcome = await registerIncidents(projectKey, registrations);
  const next: BackfillRecord = {
    version: (stored?.version ?? 0) + 1,
    updatedAt: Date.now(),
    document: afterBackfillPage(progress, { checked: answer.issues.length, registered: outcome.registered, known: answer.issues.length - outcome.registered, ...(answer.nextPageToken === undefined ? {} : { nextPageToken: answer.nextPageToken }) }, at),
  };
  try {
    await transact([{ entity: ENTITY.jobState, key, value: next, expect: stored?.version ?? 'absent' }]);
  } catch (error) {
    // Someone else moved the walk on meanwhile; their progress stands (our registrations are counted once anyway).
    if (error instanceof AppError && error.code === 'CONFLICT') return loadBackfill(projectKey);
    throw error;
  }
  logEvent('backfill-page', { project: projectKey, page: next.document.pages, checked: answer.issues.length, registered: outcome.registered, done: next.document.status === 'done' });
  return view(projectKey, next);
}
