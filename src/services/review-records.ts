import type { ReviewStage } from '../api/views';
import type { Versioned } from '../platform/store';

/** How a review is stored: keyed by the Jira issue id, which survives the issue moving to another project. */
export interface ReviewRecord extends Versioned {
  issueId: string;
  issueKey: string;
  projectKey: string;
  stage: ReviewStage;
  startedAt: string;
  startedBy: string;
  /** Epoch millis, indexed for "recently updated" lists. */
  updatedAt: number;
  updatedBy: string;
}

export const reviewKey = (issueId: string): string => `review-${issueId}`;
