import { z } from 'zod';
import { REVIEW_STAGES, SECTION_NAMES, type SectionName } from '../domain/review';
import { cursorSchema, issueKeySchema } from './keys';
import type { HistoryPage, PanelView, SaveSectionResult, TransitionResult } from './views';

const baseVersion = z.int({ error: 'baseVersion must be the version you loaded' }).min(1, { error: 'baseVersion must be at least 1' });

/** The lessons-learned panel's review resolvers. Section values are validated by the review domain, which names the field. */
export const reviewInputs = {
  getPanel: z.strictObject({ issueKey: issueKeySchema }),
  startReview: z.strictObject({ issueKey: issueKeySchema }),
  saveReviewSection: z.strictObject({
    issueKey: issueKeySchema,
    section: z.enum(SECTION_NAMES as [SectionName, ...SectionName[]], { error: `section must be one of ${SECTION_NAMES.join(', ')}` }),
    value: z.unknown(),
    baseVersion,
  }),
  transitionReview: z.strictObject({
    issueKey: issueKeySchema,
    target: z.enum(REVIEW_STAGES, { error: `target must be one of ${REVIEW_STAGES.join(', ')}` }),
    baseVersion,
    reason: z.string().trim().max(2000, { error: 'reason must be at most 2000 characters' }).optional(),
  }),
  getReviewHistory: z.strictObject({ issueKey: issueKeySchema, cursor: cursorSchema.optional() }),
};

export interface ReviewOutputs {
  getPanel: PanelView;
  startReview: PanelView;
  saveReviewSection: SaveSectionResult;
  transitionReview: TransitionResult;
  getReviewHistory: HistoryPage;
}
