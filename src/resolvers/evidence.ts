import { listEvidencePackRecords } from '../services/evidence-records';
import { loadEvidencePackOverview, prefetchEvidenceSettings, recordEvidencePackExport } from '../services/evidence-pack';
import { defineResolver } from './define';

/**
 * The audit evidence pack (R24) on the project page. Browse on the project is checked by Jira as
 * the caller; the services then admit only approvers and project admins. Producing the overview
 * and every export write an audit event, so those two wait for the check before anything but the
 * settings read runs.
 */
export const evidenceResolvers = {
  getEvidencePackOverview: defineResolver({
    key: 'getEvidencePackOverview',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    prefetch: ({ projectKey }) => prefetchEvidenceSettings(projectKey),
    handle: ({ projectKey, period }, caller, grant, settings) => loadEvidencePackOverview(projectKey, period, grant, caller.accountId, settings),
  }),
  listEvidencePackRecords: defineResolver({
    key: 'listEvidencePackRecords',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey, period, list, cursor }, caller, grant) => listEvidencePackRecords(projectKey, period, list, cursor, grant, caller.accountId),
  }),
  recordEvidencePackExport: defineResolver({
    key: 'recordEvidencePackExport',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, period, format, sample, recordCounts }, caller, grant) =>
      recordEvidencePackExport(projectKey, { period, format, recordCounts, ...(sample === undefined ? {} : { sample }) }, grant, caller.accountId),
  }),
};
