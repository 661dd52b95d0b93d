import { loadProcedure, saveProcedureDraft, signOffProcedure } from '../services/procedure';
import { loadSettings, saveSettings } from '../services/settings';
import { defineResolver } from './define';

/**
 * The project settings page: anyone who can browse the project may read the settings and the
 * procedure; changing settings and writing procedure drafts needs Administer projects; sign-off
 * needs approver membership or Administer projects (checked by the service, with the settings).
 */
export const settingsResolvers = {
  getSettings: defineResolver({
    key: 'getSettings',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey }, caller, grant) => loadSettings(projectKey, grant, caller.accountId),
  }),
  saveSettings: defineResolver({
    key: 'saveSettings',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'administer' }),
    handle: ({ projectKey, settings, baseVersion }, caller) => saveSettings(projectKey, settings, baseVersion, caller.accountId),
  }),
  getProcedure: defineResolver({
    key: 'getProcedure',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey }, caller, grant) => loadProcedure(projectKey, grant, caller.accountId),
  }),
  saveProcedureDraft: defineResolver({
    key: 'saveProcedureDraft',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'administer' }),
    handle: ({ projectKey, text, changeSummary, baseVersion }, caller, grant) => saveProcedureDraft(projectKey, text, changeSummary, baseVersion, grant, caller.accountId),
  }),
  signOffProcedure: defineResolver({
    key: 'signOffProcedure',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, version }, caller, grant) => signOffProcedure(projectKey, version, grant, caller.accountId),
  }),
};
