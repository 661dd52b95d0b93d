/**
 * What the app mirrors onto Jira issues as entity properties, so Jira's own search, filters,
 * dashboards and automation can use review data (declared and indexed by the `jira:entityProperty`
 * modules in manifest.yml — the paths and types there must match these shapes).
 *
 * Only small, derived, non-sensitive facts are mirrored: never the review's text. Values are
 * flat, and every value is stable for the same input, so a hash of it tells whether Jira already
 * has it (the sync writes only what changed).
 */
import { OPEN_STATUSES, type Action, type ActionKind } from '../actions';
import { approvalState, type ApprovalState } from '../decisions';
import { currentApproval, type Review, type ReviewStage } from '../review';

/** The incident issue's property (one per incident with a review). */
export const REVIEW_PROPERTY_KEY = 'lessonsLearned';

export interface ReviewPropertyValue {
  stage: ReviewStage;
  approval: ApprovalState['state'];
  /** The day (yyyy-mm-dd) of the approval in force; absent when not approved. Indexed as a date. */
  approvedAt?: string;
  rootCauseCount: number;
  /** Category keys, each once, sorted (Jira indexes every element of a list). */
  rootCauseCategories: string[];
  /** accidental | malicious | environmental | unknown */
  incidentType: string;
  /** The review's severity, or unknown. */
  severity: string;
  /** Actions not done (drafts included: planned work is open work). */
  openActions: number;
  /** Open actions whose target date is before `today`. */
  overdueActions: number;
}

export function reviewPropertyValue(review: Review, actions: readonly Action[], today: string): ReviewPropertyValue {
  const open = actions.filter((action) => OPEN_STATUSES.includes(action.status));
  const approval = currentApproval(review);
  return {
    stage: review.workflow.stage,
    approval: approvalState(review).state,
    ...(approval === undefined ? {} : { approvedAt: approval.at.slice(0, 10) }),
    rootCauseCount: review.rootCauses.length,
    rootCauseCategories: [...new Set(review.rootCauses.map((rootCause) => rootCause.category))].sort(),
    incidentType: review.facts.type ?? 'unknown',
    severity: review.facts.severity ?? 'unknown',
    openActions: open.length,
    overdueActions: open.filter((action) => action.targetDate < today).length,
  };
}

/**
 * An action issue's property. `actionId`/`incidentId`/`incidentKey` are also the idempotency key
 * set when the app creates the issue (see creation.ts), so every rewrite keeps them.
 */
export interface ActionIssuePropertyValue {
  actionId: string;
  incidentId: string;
  incidentKey: string;
  rootCauseCategory: string;
  kind: ActionKind;
  /** Someone other than the owner confirmed it with evidence (R11). JQL: `= "true"`. */
  verified: boolean;
  /** pending until judged (and for actions not done yet), then effective | not-effective. */
  effectiveness: 'pending' | 'effective' | 'not-effective';
}

export function actionPropertyValue(action: Action): ActionIssuePropertyValue {
  return {
    actionId: action.id,
    incidentId: action.incident.issueId,
    incidentKey: action.incident.issueKey,
    rootCauseCategory: action.rootCauseCategory,
    kind: action.kind,
    verified: action.verification !== undefined,
    effectiveness: action.effectiveness?.verdict ?? 'pending',
  };
}

/** Keys sorted at every level, so equal values always serialise (and hash) the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The glance's one line: "Review: awaiting approval · 2 actions overdue". */
export function glanceLabel(value: Pick<ReviewPropertyValue, 'stage' | 'openActions' | 'overdueActions'> | undefined): string {
  if (value === undefined) return 'No review yet';
  const stage = value.stage.replace(/_/g, ' ');
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const work = value.overdueActions > 0 ? `${plural(value.overdueActions, 'action')} overdue` : value.openActions > 0 ? plural(value.openActions, 'open action') : 'no open actions';
  return `Review: ${stage} · ${work}`;
}
