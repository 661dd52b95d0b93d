import { loadBackfill, runBackfillPage } from '../services/backfill';
import { loadIssueGlance } from '../services/issue-glance';
import { defineResolver } from './define';

/** Jira-native surfaces: the incident issue glance and the backfill of existing incidents (project admins). */
export const jiraNativeResolvers = {
  getIssueGlance: defineResolver({
    key: 'getIssueGlance',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    readOnly: true,
    handle: ({ issueKey }) => loadIssueGlance(issueKey),
  }),
  getBackfill: defineResolver({
    key: 'getBackfill',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'administer' }),
    readOnly: true,
    handle: ({ projectKey }) => loadBackfill(projectKey),
  }),
  runBackfill: defineResolver({
    key: 'runBackfill',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'administer' }),
    handle: ({ projectKey, restart }, caller) => runBackfillPage(projectKey, restart, caller.accountId),
  }),
};
