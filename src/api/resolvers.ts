import { z } from 'zod';
import { decisionsInputs, type DecisionsOutputs } from './decisions';
import { projectKeySchema } from './keys';
import { reviewInputs, type ReviewOutputs } from './review';
import { settingsInputs, type SettingsOutputs } from './settings';
import type { DashboardView } from './views';

/**
 * Every resolver the Custom UI can call: its input schema (validated on the server, reusable in
 * the browser) and its output type — the single source of truth for both sides of `invoke`.
 * Each feature keeps its own part in src/api/<feature>.ts; this file only joins them.
 */
export const resolverInputs = {
  ...reviewInputs,
  ...settingsInputs,
  ...decisionsInputs,
  getDashboard: z.strictObject({ projectKey: projectKeySchema }),
};

export interface ResolverOutputs extends ReviewOutputs, SettingsOutputs, DecisionsOutputs {
  getDashboard: DashboardView;
}

export type FunctionKey = keyof typeof resolverInputs & keyof ResolverOutputs;
export type ResolverInput<K extends FunctionKey> = z.input<(typeof resolverInputs)[K]>;
export type ResolverOutput<K extends FunctionKey> = ResolverOutputs[K];
