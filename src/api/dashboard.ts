import { z } from 'zod';
import type { ActionKind, ActionStatus } from '../domain/actions';
import type { Granularity, Kpi, KeyLesson, PeriodId, RepeatCategory, TrendView } from '../domain/dashboard';
import type { ReviewStage, Severity } from '../domain/review';
import { cursorSchema, projectKeySchema } from './keys';

/**
 * The project page (R14, R17–R19, R22): its resolvers' inputs and view models. One
 * `getDashboardSummary` and one `listOverdueActions` load the page; coverage, the library and
 * repeat details load when opened.
 */
const categoryKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, { error: 'category must be a root-cause category key' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dates look like 2026-03-14' });
const accountId = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'ownerAccountId must be a Jira account id' });

export const dashboardInputs = {
  getDashboardSummary: z.strictObject({ projectKey: projectKeySchema }),
  listOverdueActions: z.strictObject({
    projectKey: projectKeySchema,
    /** Past their target date, or due today or within the next 14 days. */
    scope: z.enum(['overdue', 'due-soon'], { error: 'scope must be overdue or due-soon' }).default('overdue'),
    ownerAccountId: accountId.optional(),
    category: categoryKey.optional(),
    /** By target date: `oldest-first` = most overdue first. */
    order: z.enum(['oldest-first', 'newest-first'], { error: 'order must be oldest-first or newest-first' }).default('oldest-first'),
    cursor: cursorSchema.optional(),
  }),
  getReviewCoverage: z.strictObject({ projectKey: projectKeySchema }),
  findUnreviewedIncidents: z.strictObject({ projectKey: projectKeySchema, pageToken: z.string().min(1).max(2000).optional() }),
  searchLessons: z.strictObject({
    projectKey: projectKeySchema,
    text: z.string().max(200, { error: 'search text must be at most 200 characters' }).optional(),
    category: categoryKey.optional(),
    type: z.enum(['accidental', 'malicious', 'environmental'], { error: 'type must be accidental, malicious or environmental' }).optional(),
    severity: z.enum(['critical', 'high', 'medium', 'low'], { error: 'severity must be critical, high, medium or low' }).optional(),
    tag: z.string().min(1).max(50, { error: 'tag must be at most 50 characters' }).optional(),
    from: day.optional(),
    to: day.optional(),
    cursor: cursorSchema.optional(),
  }),
  getRepeatRootCause: z.strictObject({ projectKey: projectKeySchema, category: categoryKey }),
};

export interface DashboardSummary {
  projectKey: string;
  /** The UTC day the figures were computed for. */
  today: string;
  /** Labels of this period and the previous one, per period choice. */
  periods: Record<PeriodId, { current: string; previous: string }>;
  kpis: Record<PeriodId, Kpi[]>;
  /** The months of the KPI trend sparklines (last 12, oldest first). */
  trendMonths: string[];
  trends: Record<Granularity, TrendView>;
  /** Root-cause categories in ≥ 2 incidents of the last 12 months. */
  repeats: RepeatCategory[];
  counts: {
    openActions: number;
    overdue: number;
    dueSoon: number;
    reviewsByStage: Record<ReviewStage, number>;
  };
  /** Owners of open actions (the overdue list's owner filter), most open actions first. */
  owners: { accountId: string; openActions: number }[];
  /** Every category ever used (retired ones too, for history), for labels and filters. */
  categories: { key: string; label: string; retired: boolean }[];
  settings: { significantSeverities: Severity[]; reviewTargetDays: number; effectivenessWindowDays: number };
}

export interface OverdueActionView {
  actionId: string;
  /** Absent for a draft not yet created in Jira. */
  jiraIssueKey?: string;
  summary: string;
  kind: ActionKind;
  status: ActionStatus;
  ownerAccountId: string;
  targetDate: string;
  /** Days past the target date (0 when not yet due). */
  daysOverdue: number;
  /** Days until the target date (0 when due today or overdue). */
  daysUntilDue: number;
  incidentKey: string;
  category: string;
}

export interface OverdueActionsPage {
  today: string;
  items: OverdueActionView[];
  cursor?: string;
}

export interface CoverageReview {
  issueKey: string;
  summary: string;
  stage: ReviewStage;
  severity: Severity | null;
  significant: boolean;
  /** Since when it has been in this stage, and for how many whole days. */
  stageSince: string;
  daysInStage: number;
}

export interface PendingApproval extends CoverageReview {
  requestedBy: string | null;
  /** The caller requested this approval and the project asks for an independent approver. */
  requestedByYou: boolean;
}

export interface ReviewCoverage {
  targetDays: number;
  /** Reviews in draft, in review or awaiting approval for longer than the target (≤ 20 per stage). */
  stuck: CoverageReview[];
  /** More stuck reviews exist than shown. */
  stuckMore: boolean;
  /** Reviews awaiting approval (≤ 20), oldest request first. */
  awaitingApproval: PendingApproval[];
  /** The caller matches the approver rule, so these approvals are theirs to give. */
  isApprover: boolean;
}

export interface UnreviewedIncident {
  issueKey: string;
  summary: string;
  priority: string | null;
  severity: Severity | null;
  significant: boolean;
  resolved: string | null;
}

export interface UnreviewedIncidentsPage {
  /** Incidents of this page of resolved incidents that have no review. */
  items: UnreviewedIncident[];
  /** How many resolved incidents this page checked. */
  checked: number;
  nextPageToken?: string;
}

export interface LessonHit {
  issueKey: string;
  summary: string;
  occurredAt: string;
  type: string;
  severity: string;
  stage: ReviewStage;
  categories: string[];
  tags: string[];
  rootCauses: { text: string; category: string }[];
  lessons: KeyLesson[];
}

export interface LessonsPage {
  items: LessonHit[];
  cursor?: string;
}

export interface RepeatIncident {
  issueKey: string;
  summary: string;
  occurredAt: string;
  stage: ReviewStage;
  rootCauses: string[];
}

export interface RepeatAction {
  actionId: string;
  jiraIssueKey?: string;
  summary: string;
  status: ActionStatus;
  incidentKey: string;
  targetDate: string;
  verified: boolean;
  effectiveness: 'effective' | 'not-effective' | 'pending' | 'open';
  /** The incident that showed the action did not prevent a recurrence. */
  recurrenceKey?: string;
}

export interface RepeatRootCauseDetail {
  category: string;
  /** Start (UTC day) of the window the incidents were counted in. */
  since: string;
  incidents: RepeatIncident[];
  incidentsMore: boolean;
  /** Actions planned against root causes of this category (newest first). */
  actions: RepeatAction[];
  actionsMore: boolean;
}

export interface DashboardOutputs {
  getDashboardSummary: DashboardSummary;
  listOverdueActions: OverdueActionsPage;
  getReviewCoverage: ReviewCoverage;
  findUnreviewedIncidents: UnreviewedIncidentsPage;
  searchLessons: LessonsPage;
  getRepeatRootCause: RepeatRootCauseDetail;
}
