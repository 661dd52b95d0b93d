import { z } from 'zod';
import type { IncidentReport, PaperSize, ReportAttachment, Walkthrough } from '../domain/report';
import { issueKeySchema, projectKeySchema } from './keys';

/**
 * R13 the lessons-learned report of one incident (panel) and R24 the walkthrough of one incident
 * (project page, managers only): inputs and view models.
 */
const paper = z.enum(['A4', 'Letter'], { error: 'paper must be A4 or Letter' }).default('A4');

export const reportInputs = {
  /** The report for preview (anyone who can browse the incident); nothing is recorded. */
  getIncidentReport: z.strictObject({ issueKey: issueKeySchema, paper }),
  /** The report as a file for download or print; the export is recorded in the audit trail. */
  exportIncidentReport: z.strictObject({ issueKey: issueKeySchema, paper, purpose: z.enum(['download', 'print'], { error: 'purpose must be download or print' }) }),
  /** Attaches the report to the Jira issue as the retained record (once per distinct report). */
  attachIncidentReport: z.strictObject({ issueKey: issueKeySchema, paper }),
  getIncidentWalkthrough: z.strictObject({ projectKey: projectKeySchema, issueKey: issueKeySchema }),
};

export interface ReportDocument {
  issueKey: string;
  paper: PaperSize;
  fileName: string;
  /** The self-contained HTML document. */
  html: string;
  /** Hex SHA-256 of the UTF-8 bytes of `html`: the same record gives the same hash. */
  sha256: string;
  /** UTF-8 bytes. */
  size: number;
}

export interface IncidentReportView extends ReportDocument {
  report: IncidentReport;
  /** Copies attached to the issue so far, newest first. */
  attachments: ReportAttachment[];
  /** This exact document is already attached to the issue. */
  attached: ReportAttachment | null;
  canAttach: boolean;
}

export interface AttachReportResult {
  attachment: ReportAttachment;
  /** True when this exact report (same SHA-256) was attached before: nothing new was added. */
  alreadyAttached: boolean;
  attachments: ReportAttachment[];
}

export interface WalkthroughView {
  projectKey: string;
  walkthrough: Walkthrough;
  /** The UTC day target dates were judged against. */
  today: string;
}

export interface ReportOutputs {
  getIncidentReport: IncidentReportView;
  exportIncidentReport: ReportDocument;
  attachIncidentReport: AttachReportResult;
  getIncidentWalkthrough: WalkthroughView;
}
