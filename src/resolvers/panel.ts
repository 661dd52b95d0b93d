import { loadPanel, startReview } from '../services/panel';
import { defineResolver } from './define';

export const panelResolvers = {
  getPanel: defineResolver({
    key: 'getPanel',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey }, _caller, grant) => loadPanel(issueKey, grant),
  }),
  startReview: defineResolver({
    key: 'startReview',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey }, caller, grant) => startReview(issueKey, caller.accountId, grant),
  }),
};
