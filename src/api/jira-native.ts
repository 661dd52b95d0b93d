import { z } from 'zod';
import type { BackfillProgress } from '../domain/backfill';
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
};

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
}
