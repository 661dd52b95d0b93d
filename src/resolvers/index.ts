import Resolver from '@forge/resolver';
import type { FunctionKey } from '../api/resolvers';
import { communicationResolvers } from './communication';
import { dashboardResolvers } from './dashboard';
import { decisionsResolvers } from './decisions';
import type { ResolverFunction } from './define';
import { evidenceResolvers } from './evidence';
import { jiraNativeResolvers } from './jira-native';
import { panelResolvers } from './panel';
import { processReviewResolvers } from './process-review';
import { reportResolvers } from './report';
import { settingsResolvers } from './settings';

/** Every resolver, grouped by module; the type makes a key without a definition a compile error. */
export const allResolvers: Record<FunctionKey, ResolverFunction> = {
  ...panelResolvers,
  ...dashboardResolvers,
  ...settingsResolvers,
  ...decisionsResolvers,
  ...communicationResolvers,
  ...processReviewResolvers,
  ...reportResolvers,
  ...evidenceResolvers,
  ...jiraNativeResolvers,
};

const resolver = new Resolver();
for (const [key, fn] of Object.entries(allResolvers)) {
  resolver.define(key, (request) => fn({ payload: request.payload, context: request.context }));
}

export const definitions = resolver.getDefinitions();
