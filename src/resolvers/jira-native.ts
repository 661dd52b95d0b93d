import { loadBackfill, runBackfillPage } from '../services/backfill';
import { listEvidencePackProjects } from '../services/global-evidence';
import { loadGlobalSummary } from '../services/global-overview';
import { loadIssueGlance } from '../services/issue-glance';
import { defineResolver } from './define';

/** Jira-native surfaces: the incident issue glance, the backfill of existing incidents (project admins), the all-projects page. */
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
  getGlobalSummary: defineResolver({
    key: 'getGlobalSummary',
    // Site-wide: the service shows only projects Jira says the caller may browse (one bulk check, as the caller).
    access: () => ({ target: { site: true }, need: 'read' }),
    readOnly: true,
    handle: () => loadGlobalSummary(),
  }),
  listEvidencePackProjects: defineResolver({
    key: 'listEvidencePackProjects',
    // Site-wide like the summary: the service filters by Browse (as the caller), then by the evidence-manager rule.
    access: () => ({ target: { site: true }, need: 'read' }),
    readOnly: true,
    handle: (_input, caller) => listEvidencePackProjects(caller.accountId),
  }),
};
