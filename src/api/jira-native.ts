import { z } from 'zod';
import type { BackfillProgress } from '../domain/backfill';
import type { KpiValue } from '../domain/dashboard';
import type { DashboardSummary } from './dashboard';
import type { ApprovalState } from '../domain/decisions';
import type { ReviewStage } from '../domain/review';
import { issueKeySchema, projectKeySchema } from './keys';

/**
 * The app inside Jira's own surfaces: the issue glance on incident issues (a one-line status;
 * the same figures Jira indexes for JQL, domain/jira-properties) and the backfill of existing
 * incidents (settings page, one page of Jira's search per call).
 */
export const jiraNativeInputs = {
  getIssueGlance: z.strictObject({ issueKey: issueKeySchema }),
  getBackfill: z.strictObject({ projectKey: projectKeySchema }),
  /** The next page of the walk; `restart` begins a new walk (re-runs count nothing twice). */
  runBackfill: z.strictObject({ projectKey: projectKeySchema, restart: z.boolean({ error: 'restart must be true or false' }).default(false) }),
  /** The all-projects page: no input, every project is checked against the caller's Browse permission. */
  getGlobalSummary: z.strictObject({}),
  /** The all-projects evidence pack: which projects the caller manages evidence for (no input). */
  listEvidencePackProjects: z.strictObject({}),
};

export interface EvidencePackProject {
  projectKey: string;
  name: string;
}

export interface EvidencePackProjects {
  /** Browsable incident projects where the caller is an approver or project admin, by key. */
  projects: EvidencePackProject[];
  /** Browsable incident projects the caller does not manage: counted so the page can say why, never named. */
  notManaged: number;
}

export interface GlobalProjectRow {
  projectKey: string;
  name: string;
  incidentsLastYear: number;
  /** With the project's own significant severities and target (so never summed across projects). */
  reviewsOnTime: KpiValue;
  reviewTargetDays: number;
  openActions: number;
  overdue: number;
  awaitingApproval: number;
}

export interface GlobalOverdueAction {
  projectKey: string;
  actionId: string;
  jiraIssueKey?: string;
  summary: string;
  ownerAccountId: string;
  targetDate: string;
  daysOverdue: number;
  incidentKey: string;
}

/**
 * The same figures as a project page, added up over the incident projects the caller can browse.
 * Sections are independent, so more (e.g. an evidence pack) can be added beside them.
 */
export interface GlobalSummary extends Pick<DashboardSummary, 'today' | 'periods' | 'kpis' | 'trendMonths' | 'trends' | 'counts'> {
  projects: GlobalProjectRow[];
  /** The most overdue actions of each project, most overdue first. */
  overdueActions: GlobalOverdueAction[];
  /** Projects with more overdue actions than listed here (their project page lists them all). */
  overdueMoreIn: string[];
}

export interface BackfillView {
  projectKey: string;
  /** Null until the first run. */
  progress: BackfillProgress | null;
}

export interface IssueGlance {
  issueKey: string;
  /** "Review: awaiting approval · 2 actions overdue", or "No review yet". */
  label: string;
  review: null | {
    stage: ReviewStage;
    approval: ApprovalState['state'];
    openActions: number;
    overdueActions: number;
  };
}

export interface JiraNativeOutputs {
  getIssueGlance: IssueGlance;
  getBackfill: BackfillView;
  runBackfill: BackfillView;
  getGlobalSummary: GlobalSummary;
  listEvidencePackProjects: EvidencePackProjects;
}
