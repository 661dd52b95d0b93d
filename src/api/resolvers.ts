import type { z } from 'zod';
import { communicationInputs, type CommunicationOutputs } from './communication';
import { dashboardInputs, type DashboardOutputs } from './dashboard';
import { decisionsInputs, type DecisionsOutputs } from './decisions';
import { evidenceInputs, type EvidenceOutputs } from './evidence';
import { jiraNativeInputs, type JiraNativeOutputs } from './jira-native';
import { processReviewInputs, type ProcessReviewOutputs } from './process-review';
import { reportInputs, type ReportOutputs } from './report';
import { reviewInputs, type ReviewOutputs } from './review';
import { settingsInputs, type SettingsOutputs } from './settings';

/**
 * Every resolver the Custom UI can call: its input schema (validated on the server, reusable in
 * the browser) and its output type — the single source of truth for both sides of `invoke`.
 * Each feature keeps its own part in src/api/<feature>.ts; this file only joins them.
 */
export const resolverInputs = {
  ...reviewInputs,
  ...settingsInputs,
  ...decisionsInputs,
  ...dashboardInputs,
  ...communicationInputs,
  ...processReviewInputs,
  ...reportInputs,
  ...evidenceInputs,
  ...jiraNativeInputs,
};

export interface ResolverOutputs extends ReviewOutputs, SettingsOutputs, DecisionsOutputs, DashboardOutputs, CommunicationOutputs, ProcessReviewOutputs, ReportOutputs, EvidenceOutputs, JiraNativeOutputs {}

export type FunctionKey = keyof typeof resolverInputs & keyof ResolverOutputs;
export type ResolverInput<K extends FunctionKey> = z.input<(typeof resolverInputs)[K]>;
export type ResolverOutput<K extends FunctionKey> = ResolverOutputs[K];
