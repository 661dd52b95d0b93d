/** View models: what each screen receives from one resolver call. Shared by src/ and static/. */
import type { AuditEvent, AvailableTransition, BlamelessWarning, IssueSummary, Review, RootCauseTaxonomy } from '../domain/review';

export type { IssueSummary } from '../domain/review';

/** The whole lessons-learned panel in one invoke. */
export interface PanelView {
  issue: IssueSummary;
  /** Null until someone starts the review: opening the panel creates nothing. */
  review: Review | null;
  /** The caller may edit the incident issue in Jira, so may edit its review. */
  canEdit: boolean;
  /** The issue's type is an incident type in this project's settings (a review can be started). */
  isIncident: boolean;
  /** Workflow moves open from the current stage, each with its checklist. */
  transitions: AvailableTransition[];
  /** The project's root-cause categories. */
  taxonomy: RootCauseTaxonomy;
}

export interface SaveSectionResult {
  review: Review;
  transitions: AvailableTransition[];
  /** Blameless-wording hints for the saved texts; never a block. */
  warnings: BlamelessWarning[];
  /** False when the section was unchanged and nothing was written. */
  saved: boolean;
}

export interface TransitionResult {
  review: Review;
  transitions: AvailableTransition[];
}

/** One page of a review's audit trail, newest first. */
export interface HistoryPage {
  events: AuditEvent[];
  cursor?: string;
}

/** The project page's view models live with its resolvers (src/api/dashboard.ts). */
export type { DashboardSummary, OverdueActionsPage } from './dashboard';

/** The project settings page's view model lives with its resolvers (src/api/settings.ts). */
export type { SettingsView } from './settings';
