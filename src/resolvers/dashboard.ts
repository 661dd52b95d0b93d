import { loadDashboard } from '../services/dashboard';
import { defineResolver } from './define';

export const dashboardResolvers = {
  getDashboard: defineResolver({
    key: 'getDashboard',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey }) => loadDashboard(projectKey),
  }),
};
