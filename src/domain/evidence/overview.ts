/**
 * The constant-cost part of an evidence pack: what the rollups, the settings, the procedure and
 * the process-review status say about the period. Its figures come from the same rollups and the
 * same functions as the dashboard, so they are the dashboard's figures for the same months.
 */
import type { Kpi, RepeatCategory } from '../dashboard';
import type { ProcessReviewStatus } from '../process-review';
import type { A527_CONTROL } from '../report';
import type { EvidencePeriod } from './period';

export interface ProcedureEvidence {
  /** The signed-off version in force now (absent before the first sign-off). */
  current?: { version: number; changeSummary: string; signedOffBy: string; signedOffAt: string };
  /** A newer version written but not signed off yet. */
  pendingDraft?: { version: number; createdAt: string };
  /** Versions written or signed off within the period (R25: the process itself improved). */
  versionsInPeriod: { version: number; author: string; createdAt: string; changeSummary: string; signedOffBy?: string; signedOffAt?: string }[];
}

export interface PeriodFigures {
  /** Incidents with a review, counted in the month they occurred (the dashboard's "Incidents"). */
  incidents: number;
  /** Of those, reviews approved (or closed). */
  reviewed: number;
  /** Actions completed in the period, and of them on time / verified / judged effective or not. */
  actionsClosed: number;
  actionsOnTime: number;
  actionsVerified: number;
  actionsEffective: number;
  actionsNotEffective: number;
  /** Open actions and those past their target date today (project-wide, as on the dashboard). */
  openActions: number;
  overdueActions: number;
}

export interface EvidenceOverview {
  projectKey: string;
  today: string;
  generatedAt: string;
  generatedBy: string;
  period: { spec: EvidencePeriod; months: string[]; previousMonths: string[]; label: string; previousLabel: string; firstDay: string; lastDay: string };
  /** R26: the control's attributes for the pack's header (the same list as the report's). */
  attributes: typeof A527_CONTROL;
  procedure: ProcedureEvidence;
  /** "the group "isms-approvers"" / "the project role "Approvers"". */
  approvers: string;
  settings: { significantSeverities: string[]; reviewTargetDays: number; effectivenessWindowDays: number };
  figures: PeriodFigures;
  /** This period against the previous one, and the period's months as the trend. */
  kpis: Kpi[];
  /** Root-cause categories found in two or more incidents of the period. */
  repeats: RepeatCategory[];
  processReview: ProcessReviewStatus;
}
