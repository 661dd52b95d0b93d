import { loadSettings } from '../services/settings';
import { defineResolver } from './define';

export const settingsResolvers = {
  getSettings: defineResolver({
    key: 'getSettings',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey }, _caller, grant) => loadSettings(projectKey, grant),
  }),
};
