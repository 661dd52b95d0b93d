import type { LessonHit, LessonsPage, RepeatAction, RepeatIncident, RepeatRootCauseDetail } from '../api/dashboard';
import { dayOf } from '../domain/actions';
import { keyLessons, lastMonths, monthStart, searchTerms } from '../domain/dashboard';
import { parseReview, type Review } from '../domain/review';
import { ENTITY, queryIndex, type AttributeFilter, type IndexQuery } from '../platform/store';
import { actionOfRecord, type ActionRecord } from './actions-records';
import type { ReviewRecord } from './review-records';

/**
 * R14 lessons library and R18 repeat root causes. Both read the `by-project-occurred` index of
 * reviews with conditions that storage applies while it reads the date range (lower-cased search
 * text `contains` each word, delimited category and tag lists, type and severity): one query per
 * page of ≤ 20 results, no scan in code. The storage work behind a page grows with the reviews it
 * has to pass over to fill it (a rare word in a large project reads further), never the number of
 * calls.
 *
 * Access: the middleware has checked that the caller may browse the project; every review shown
 * belongs to it. Jira's issue-level security is not checked per incident (the sandbox has none);
 * a site that uses it on incident projects should restrict the project page accordingly.
 */
const DAY_MS = 86_400_000;

export interface LessonsQuery {
  text?: string;
  category?: string;
  type?: string;
  severity?: string;
  tag?: string;
  /** UTC days, inclusive. */
  from?: string;
  to?: string;
  cursor?: string;
}

function dateRange(from: string | undefined, to: string | undefined): Pick<IndexQuery, 'atLeast' | 'lessThan' | 'between'> {
  const low = from === undefined ? undefined : Date.parse(`${from}T00:00:00.000Z`);
  const high = to === undefined ? undefined : Date.parse(`${to}T00:00:00.000Z`) + DAY_MS - 1;
  if (low !== undefined && high !== undefined) return { between: [low, high] };
  if (low !== undefined) return { atLeast: low };
  if (high !== undefined) return { lessThan: high + 1 };
  return {};
}

const parsedReview = (record: ReviewRecord): Review | undefined => {
  const parsed = parseReview(record.document);
  return parsed.ok ? parsed.value : undefined;
};

function lessonHit(record: ReviewRecord, review: Review): LessonHit {
  return {
    issueKey: record.issueKey,
    summary: review.facts.summary,
    occurredAt: new Date(record.occurredAt).toISOString(),
    type: record.incidentType,
    severity: record.severity,
    stage: record.stage,
    categories: [...new Set(review.rootCauses.map((rootCause) => rootCause.category))],
    tags: review.facts.tags,
    rootCauses: review.rootCauses.map((rootCause) => ({ text: rootCause.text, category: rootCause.category })),
    lessons: keyLessons(review),
  };
}

export async function searchLessons(projectKey: string, query: LessonsQuery): Promise<LessonsPage> {
  const filters: AttributeFilter[] = [
    ...searchTerms(query.text ?? '').map((term): AttributeFilter => ({ attribute: 'searchText', condition: 'contains', value: term })),
    ...(query.category === undefined ? [] : [{ attribute: 'categories', condition: 'contains' as const, value: `|${query.category}|` }]),
    ...(query.tag === undefined || query.tag.trim() === '' ? [] : [{ attribute: 'tags', condition: 'contains' as const, value: `|${query.tag.trim().toLowerCase()}|` }]),
    ...(query.type === undefined ? [] : [{ attribute: 'incidentType', condition: 'equalTo' as const, value: query.type }]),
    ...(query.severity === undefined ? [] : [{ attribute: 'severity', condition: 'equalTo' as const, value: query.severity }]),
  ];
  const page = await queryIndex<ReviewRecord>(ENTITY.review, 'by-project-occurred', [projectKey], {
    ...dateRange(query.from, query.to),
    filters,
    sort: 'DESC',
    limit: 20,
    ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
  });
  const items = page.items.flatMap(({ value }) => {
    const review = parsedReview(value);
    return review === undefined ? [] : [lessonHit(value, review)];
  });
  return { items, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}

function repeatAction(record: ActionRecord): RepeatAction {
  const action = actionOfRecord(record);
  const effectiveness = action.status !== 'done' ? 'open' : (action.effectiveness?.verdict ?? 'pending');
  return {
    actionId: action.id,
    ...(action.jira === undefined ? {} : { jiraIssueKey: action.jira.issueKey }),
    summary: action.summary,
    status: action.status,
    incidentKey: action.incident.issueKey,
    targetDate: action.targetDate,
    verified: action.verification !== undefined,
    effectiveness,
    ...(action.effectiveness?.recurrence === undefined ? {} : { recurrenceKey: action.effectiveness.recurrence.issueKey }),
  };
}

/**
 * The incidents of the last 12 months with a root cause in the category, and the actions meant
 * to prevent it with their effectiveness: two indexed queries in parallel.
 */
export async function loadRepeatRootCause(projectKey: string, category: string, now = new Date()): Promise<RepeatRootCauseDetail> {
  const firstMonth = lastMonths(dayOf(now), 12)[0] ?? dayOf(now).slice(0, 7);
  const since = monthStart(firstMonth);
  const [incidentPage, actionPage] = await Promise.all([
    queryIndex<ReviewRecord>(ENTITY.review, 'by-project-occurred', [projectKey], { atLeast: since, filters: [{ attribute: 'categories', condition: 'contains', value: `|${category}|` }], sort: 'DESC', limit: 20 }),
    queryIndex<ActionRecord>(ENTITY.action, 'by-project-category', [projectKey, category], { filters: [{ attribute: 'status', condition: 'notEqualTo', value: 'deleted' }], sort: 'DESC', limit: 20 }),
  ]);
  const incidents = incidentPage.items.flatMap(({ value }): RepeatIncident[] => {
    const review = parsedReview(value);
    if (review === undefined) return [];
    return [{
      issueKey: value.issueKey,
      summary: review.facts.summary,
      occurredAt: new Date(value.occurredAt).toISOString(),
      stage: value.stage,
      rootCauses: review.rootCauses.filter((rootCause) => rootCause.category === category).map((rootCause) => rootCause.text),
    }];
  });
  return {
    category,
    since: new Date(since).toISOString().slice(0, 10),
    incidents,
    incidentsMore: incidentPage.cursor !== undefined,
    actions: actionPage.items.map(({ value }) => repeatAction(value)),
    actionsMore: actionPage.cursor !== undefined,
  };
}
