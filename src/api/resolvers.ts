import { z } from 'zod';
import { REVIEW_STAGES, SECTION_NAMES, type SectionName } from '../domain/review';
import { issueKeySchema, projectKeySchema } from './keys';
import type { DashboardView, HistoryPage, PanelView, SaveSectionResult, SettingsView, TransitionResult } from './views';

const baseVersion = z.int({ error: 'baseVersion must be the version you loaded' }).min(1, { error: 'baseVersion must be at least 1' });
const cursor = z.string().max(2000, { error: 'cursor is too long' });

/**
 * Every resolver the Custom UI can call: its input schema (validated on the server, reusable in
 * the browser) and its output type. The single source of truth for both sides of `invoke`.
 * Section values are validated by the review domain, which names the offending field.
 */
export const resolverInputs = {
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
  getReviewHistory: z.strictObject({ issueKey: issueKeySchema, cursor: cursor.optional() }),
  getDashboard: z.strictObject({ projectKey: projectKeySchema }),
  getSettings: z.strictObject({ projectKey: projectKeySchema }),
};

export interface ResolverOutputs {
  getPanel: PanelView;
  startReview: PanelView;
  saveReviewSection: SaveSectionResult;
  transitionReview: TransitionResult;
  getReviewHistory: HistoryPage;
  getDashboard: DashboardView;
  getSettings: SettingsView;
}

export type FunctionKey = keyof typeof resolverInputs & keyof ResolverOutputs;
export type ResolverInput<K extends FunctionKey> = z.input<(typeof resolverInputs)[K]>;
export type ResolverOutput<K extends FunctionKey> = ResolverOutputs[K];
