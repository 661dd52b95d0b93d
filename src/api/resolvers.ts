import { z } from 'zod';
import { issueKeySchema, projectKeySchema } from './keys';
import type { DashboardView, PanelView, SettingsView } from './views';

/**
 * Every resolver the Custom UI can call: its input schema (validated on the server, reusable in
 * the browser) and its output type. The single source of truth for both sides of `invoke`.
 */
export const resolverInputs = {
  getPanel: z.strictObject({ issueKey: issueKeySchema }),
  startReview: z.strictObject({ issueKey: issueKeySchema }),
  getDashboard: z.strictObject({ projectKey: projectKeySchema }),
  getSettings: z.strictObject({ projectKey: projectKeySchema }),
};

export interface ResolverOutputs {
  getPanel: PanelView;
  startReview: PanelView;
  getDashboard: DashboardView;
  getSettings: SettingsView;
}

export type FunctionKey = keyof typeof resolverInputs & keyof ResolverOutputs;
export type ResolverInput<K extends FunctionKey> = z.input<(typeof resolverInputs)[K]>;
export type ResolverOutput<K extends FunctionKey> = ResolverOutputs[K];
