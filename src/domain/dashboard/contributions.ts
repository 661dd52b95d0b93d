/**
 * What each review and each action adds to its project's rollups — the only place that decides
 * which counters exist. The write path adds `after − before` in the same transaction as the
 * record; the recompute sums the same functions over every record. Both use these functions, so
 * a rebuilt rollup equals the one maintained write by write.
 *
 * Counters (per UTC month of the incident, or of the action's completion):
 * - `incidents`, `type|<type|unknown>`, `severity|<severity|unknown>`
 * - `category|<key>` incidents with a root cause in the category; `rootCauses|<key>` root causes
 * - `detect|sum|n`, `contain|sum|n`, `resolve|sum|n` durations in milliseconds (only when both
 *   timestamps exist and are in order)
 * - `reviewLag|<severity>|<days>` completed (approved) reviews by whole days from resolution to
 *   approval, so "within the target" is decided when reading, with the current settings
 * - `actions|closed|onTime|closeDays|verified|effective|notEffective`
 * and in the project-wide `open` period: `stage|<stage>`, `openDue|<yyyy-mm-dd>`, `openOwner|<accountId>`.
 *
 * An incident registered by the backfill and not reviewed yet counts as an incident of its month
 * (`incidents`, `type|unknown`, `severity|…`); when its review starts, the review's contribution
 * replaces it in the same transaction (see review-records.ts), so it is never counted twice.
 */
import { OPEN_STATUSES, daysBetween, dayOf, type Action } from '../actions';
import { currentApproval, type Review } from '../review';
import { OPEN_PERIOD, bump, counterKey, type Contribution } from './counters';
import { monthOf } from './months';

const DAY_MS = 86_400_000;
/** Review lags above this many days are counted together (a year late is simply late). */
export const MAX_LAG_DAYS = 400;

/** When the incident happened, as well as the review knows: occurred, else detected, reported, else when the review started. */
export function incidentInstant(review: Pick<Review, 'facts' | 'createdAt'>): string {
  const { occurredAt, detectedAt, reportedAt } = review.facts.timestamps;
  return occurredAt ?? detectedAt ?? reportedAt ?? review.createdAt;
}

/** Since when the review has been in its current stage (the last stage change, else its start). */
export function stageSince(review: Pick<Review, 'workflow' | 'createdAt'>): string {
  return review.workflow.history.at(-1)?.at ?? review.createdAt;
}

/** Milliseconds from `from` to `to`; undefined when either is missing or they are out of order. */
function span(from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** Whole days (rounded up) from resolution to approval; 0 when approved before resolution was recorded. */
export function reviewLagDays(resolvedAt: string, approvedAt: string): number {
  const ms = Date.parse(approvedAt) - Date.parse(resolvedAt);
  return Math.min(MAX_LAG_DAYS, Math.max(0, Math.ceil(ms / DAY_MS)));
}

export function reviewContribution(review: Review): Contribution {
  const contribution: Contribution = {};
  const month = monthOf(incidentInstant(review));
  const add = (key: string, by = 1) => { bump(contribution, month, key, by); };
  const { facts } = review;
  const severity = facts.severity ?? 'unknown';
  add('incidents');
  add(counterKey('type', facts.type ?? 'unknown'));
  add(counterKey('severity', severity));
  for (const category of new Set(review.rootCauses.map((rootCause) => rootCause.category))) add(counterKey('category', category));
  for (const rootCause of review.rootCauses) add(counterKey('rootCauses', rootCause.category));
  const { occurredAt, detectedAt, containedAt, resolvedAt } = facts.timestamps;
  const durations: [string, number | undefined][] = [
    ['detect', span(occurredAt, detectedAt)],
    ['contain', span(detectedAt, containedAt)],
    ['resolve', span(detectedAt, resolvedAt)],
  ];
  for (const [name, ms] of durations) {
    if (ms === undefined) continue;
    add(counterKey(name, 'sum'), ms);
    add(counterKey(name, 'n'));
  }
  const approval = currentApproval(review);
  if (approval !== undefined) {
    add(counterKey('reviewed', severity));
    if (resolvedAt !== undefined) add(counterKey('reviewLag', severity, String(reviewLagDays(resolvedAt, approval.at))));
  }
  bump(contribution, OPEN_PERIOD, counterKey('stage', review.workflow.stage));
  return contribution;
}

export function actionContribution(action: Action): Contribution {
  const contribution: Contribution = {};
  if (OPEN_STATUSES.includes(action.status)) {
    bump(contribution, OPEN_PERIOD, counterKey('openDue', action.targetDate));
    bump(contribution, OPEN_PERIOD, counterKey('openOwner', action.ownerAccountId));
    return contribution;
  }
  if (action.status !== 'done' || action.resolvedAt === undefined) return contribution;
  const month = monthOf(action.resolvedAt);
  const add = (key: string, by = 1) => { bump(contribution, month, counterKey('actions', key), by); };
  const completedOn = dayOf(new Date(action.resolvedAt));
  add('closed');
  if (completedOn <= action.targetDate) add('onTime');
  add('closeDays', Math.max(0, daysBetween(dayOf(new Date(action.createdAt)), completedOn)));
  if (action.verification !== undefined) add('verified');
  if (action.effectiveness?.verdict === 'effective') add('effective');
  if (action.effectiveness?.verdict === 'not-effective') add('notEffective');
  return contribution;
}

/** An existing incident the backfill registered: when it was reported (Jira's created) and its mapped severity. */
export interface RegisteredIncident {
  occurredAt: string;
  severity?: string;
}

export function registrationContribution(incident: RegisteredIncident): Contribution {
  const contribution: Contribution = {};
  const month = monthOf(incident.occurredAt);
  bump(contribution, month, 'incidents');
  // Jira has no incident type; a review records it.
  bump(contribution, month, counterKey('type', 'unknown'));
  bump(contribution, month, counterKey('severity', incident.severity ?? 'unknown'));
  return contribution;
}
