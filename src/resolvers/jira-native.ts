import { loadIssueGlance } from '../services/issue-glance';
import { defineResolver } from './define';

/** Jira-native surfaces: the incident issue glance. */
export const jiraNativeResolvers = {
  getIssueGlance: defineResolver({
    key: 'getIssueGlance',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    readOnly: true,
    handle: ({ issueKey }) => loadIssueGlance(issueKey),
  }),
};
