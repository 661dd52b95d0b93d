import { loadDashboard } from '../services/dashboard';
import { defineResolver } from './define';

export const dashboardResolvers = {
  getDashboard: defineResolver({
    key: 'getDashboard',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey }) => loadDashboard(projectKey),
  }),
};
