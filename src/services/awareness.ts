import type { AwarenessExportView } from '../api/communication';
import type { KnownPerson } from '../domain/anonymiser';
import { buildAwarenessExport, type AwarenessIncident } from '../domain/awareness';
import { SHAREABLE_STAGES } from '../domain/communication';
import { parseReview, type Review } from '../domain/review';
import { fullTaxonomy } from '../domain/settings';
import { jqlString, searchJql } from '../platform/jira/issue-search';
import { JiraTransport } from '../platform/jira/transport';
import { getUserDetails } from '../platform/jira/user-details';
import { ENTITY, getRecords } from '../platform/store';
import { actionsOfIncident } from './actions-records';
import { reviewKey, type ReviewRecord } from './review-records';
import { loadProjectSettings } from './settings-store';

/**
 * R16 the anonymised awareness export: the chosen incidents of a project — those the caller can
 * see in Jira (one search as the caller) whose review is approved or closed — as Markdown and HTML
 * with every person, address, host and issue key replaced. The anonymiser is fed everything the
 * app knows that identifies: the people named in the reviews, the issues' assignees and reporters,
 * the action owners (with names and e-mail addresses from Jira), the incident and action issue
 * keys, and host names found in the affected assets; what it cannot know by name (e-mail
 * addresses, account ids, IPs, FQDNs, URLs) it recognises by shape.
 */

const PARALLEL = 5;

const person = (value: unknown): { accountId: string; displayName?: string; emailAddress?: string } | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  return typeof record['accountId'] === 'string'
    ? { accountId: record['accountId'], ...(typeof record['displayName'] === 'string' ? { displayName: record['displayName'] } : {}), ...(typeof record['emailAddress'] === 'string' ? { emailAddress: record['emailAddress'] } : {}) }
    : undefined;
};

/** Every accountId a review names: roles, attendees, timeline authors, deciders, approvers, editors. */
function peopleOf(review: Review): string[] {
  const { people } = review;
  return [
    ...(people.incidentManager === undefined ? [] : [people.incidentManager]),
    ...people.responseTeam,
    ...people.legal,
    ...people.informationSecurity,
    ...people.communications,
    ...people.meeting.attendees,
    ...review.timeline.flatMap((entry) => (entry.author === undefined ? [] : [entry.author])),
    ...review.decisions.map((decision) => decision.decidedBy),
    ...review.workflow.history.map((change) => change.by),
    review.createdBy,
    review.updatedBy,
  ];
}

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += PARALLEL) results.push(...(await Promise.all(items.slice(start, start + PARALLEL).map(work))));
  return results;
}

export async function exportAwareness(projectKey: string, issueKeys: readonly string[]): Promise<AwarenessExportView> {
  const jira = new JiraTransport('user');
  const wanted = [...new Set(issueKeys)];
  // One search as the caller: only issues of this project they can see (issue security included).
  const found = await searchJql(jira, {
    jql: `project = ${jqlString(projectKey)} AND key in (${wanted.map(jqlString).join(', ')})`,
    fields: ['summary', 'assignee', 'reporter'],
    maxResults: wanted.length,
  });
  const visible = new Map(found.issues.flatMap((issue) => (issue.key === undefined ? [] : [[issue.key, issue] as const])));
  const skipped: AwarenessExportView['skipped'] = wanted.filter((key) => !visible.has(key)).map((issueKey) => ({ issueKey, reason: 'not in this project, or you cannot see it' }));

  const records = await getRecords<ReviewRecord>(ENTITY.review, [...visible.values()].map((issue) => reviewKey(issue.id)));
  const reviews: Review[] = [];
  for (const key of wanted) {
    const issue = visible.get(key);
    if (issue === undefined) continue;
    const record = records.get(reviewKey(issue.id));
    const parsed = record === undefined ? undefined : parseReview(record.document);
    if (parsed === undefined || !parsed.ok) skipped.push({ issueKey: key, reason: 'no review yet' });
    else if (!SHAREABLE_STAGES.includes(parsed.value.workflow.stage)) skipped.push({ issueKey: key, reason: 'the review is not approved yet' });
    else reviews.push(parsed.value);
  }

  const [{ settings }, actions] = await Promise.all([loadProjectSettings(projectKey), inBatches(reviews, (review) => actionsOfIncident(review.incident.issueId))]);
  const jiraPeople = found.issues.flatMap((issue) => [person(issue.fields?.['assignee']), person(issue.fields?.['reporter'])]).filter((entry) => entry !== undefined);
  const accountIds = [...reviews.flatMap(peopleOf), ...actions.flat().flatMap((action) => [action.ownerAccountId, action.verification?.by ?? '']), ...jiraPeople.map((entry) => entry.accountId)].filter((id) => id !== '');
  const details = await getUserDetails(jira, accountIds);
  const people = new Map<string, KnownPerson>();
  for (const entry of jiraPeople) if (entry.displayName !== undefined) people.set(entry.accountId, { accountId: entry.accountId, displayName: entry.displayName, ...(entry.emailAddress ? { email: entry.emailAddress } : {}) });
  for (const entry of details) people.set(entry.accountId, { accountId: entry.accountId, displayName: entry.displayName, ...(entry.email ? { email: entry.email } : {}) });
  // People Jira would not name are still removed wherever their account id appears.
  for (const id of accountIds) if (!people.has(id)) people.set(id, { accountId: id, displayName: '' });

  const taxonomy = fullTaxonomy(settings);
  const incidents: AwarenessIncident[] = reviews.map((review) => ({ review, taxonomy }));
  const actionKeys = actions.flat().flatMap((action) => (action.jira === undefined ? [] : [action.jira.issueKey]));
  const built = buildAwarenessExport(incidents, { people: [...people.values()], issueKeys: [...wanted, ...actionKeys] });
  return { markdown: built.markdown, html: built.html, included: reviews.length, skipped, replaced: built.replaced };
}
