import { z } from 'zod';
import type { ProcessReview, ProcessReviewStatus } from '../domain/process-review';
import { cursorSchema, projectKeySchema } from './keys';

/**
 * R25 the periodic review of the incident process, on the project settings page: the records,
 * the overdue flag, the period's figures to start from, and recording a review (whose actions
 * become Jira issues).
 */
const processReviewId = z.string({ error: 'processReviewId is required' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'processReviewId must be an id' });

export const processReviewInputs = {
  getProcessReviews: z.strictObject({ projectKey: projectKeySchema, cursor: cursorSchema.optional() }),
  /** The period's figures (counts the app can compute cheaply), to pre-fill a new review's inputs. */
  suggestProcessReviewInputs: z.strictObject({ projectKey: projectKeySchema }),
  /** `review` is validated by the process-review domain, which names the field (`review.findings.0`). */
  recordProcessReview: z.strictObject({ projectKey: projectKeySchema, review: z.unknown() }),
  /** Creates the Jira issues of actions still pending, unconfirmed or refused. */
  retryProcessReviewActions: z.strictObject({ projectKey: projectKeySchema, processReviewId }),
};

export interface ProcessReviewsView {
  projectKey: string;
  status: ProcessReviewStatus;
  /** Newest first (by review date). */
  reviews: ProcessReview[];
  cursor?: string;
  /** Project admins and members of the approver group may record reviews. */
  canRecord: boolean;
  /** Where the actions' Jira issues are created (project key and issue type). */
  actionTarget: { projectKey: string; issueTypeName: string };
}

export interface ProcessReviewSuggestion {
  periodFrom: string;
  periodTo: string;
  kpis: { label: string; value: string }[];
  /** Where the figures come from, in words. */
  source: string;
}

export interface ProcessReviewOutputs {
  getProcessReviews: ProcessReviewsView;
  suggestProcessReviewInputs: ProcessReviewSuggestion;
  recordProcessReview: ProcessReviewsView;
  retryProcessReviewActions: ProcessReviewsView;
}
