import { z } from 'zod';
import type { ApprovalState } from '../domain/decisions';
import type { ReviewStage } from '../domain/review';
import { issueKeySchema } from './keys';

/**
 * The app inside Jira's own surfaces: the issue glance on incident issues (a one-line status).
 * One small read per glance; the same figures Jira indexes for JQL (domain/jira-properties).
 */
export const jiraNativeInputs = {
  getIssueGlance: z.strictObject({ issueKey: issueKeySchema }),
};

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
}
