import { createActionIssues } from '../services/actions-create';
import { addActions, linkExistingIssue, removeDraftAction, updateDraftAction, verifyAction } from '../services/actions';
import { decideApproval, loadDecisions } from '../services/decisions';
import { getRiskDetail, linkRisk, listRisks, saveRisk, unlinkRisk } from '../services/risks';
import { defineResolver } from './define';

/**
 * The panel's "Decisions & actions" section (R7–R11, R20). Reading needs Browse on the incident;
 * every change needs Edit on it (approving additionally needs the approver rule, checked in the
 * service; creating issues runs as the caller, so Jira applies their create/link permissions).
 */
export const decisionsResolvers = {
  getDecisions: defineResolver({
    key: 'getDecisions',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey }, caller, grant) => loadDecisions(issueKey, grant, caller.accountId),
  }),
  decideApproval: defineResolver({
    key: 'decideApproval',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, outcome, comment, baseVersion }, caller, grant) => decideApproval(issueKey, outcome, comment, baseVersion, grant, caller.accountId),
  }),
  saveRisk: defineResolver({
    key: 'saveRisk',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, rootCauseId, riskId, baseVersion, risk }, caller, grant) =>
      saveRisk(issueKey, { rootCauseId, risk, ...(riskId === undefined ? {} : { riskId }), ...(baseVersion === undefined ? {} : { baseVersion }) }, grant, caller.accountId),
  }),
  linkRisk: defineResolver({
    key: 'linkRisk',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, rootCauseId, riskId }, caller, grant) => linkRisk(issueKey, rootCauseId, riskId, grant, caller.accountId),
  }),
  unlinkRisk: defineResolver({
    key: 'unlinkRisk',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, rootCauseId, riskId }, caller, grant) => unlinkRisk(issueKey, rootCauseId, riskId, grant, caller.accountId),
  }),
  listRisks: defineResolver({
    key: 'listRisks',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, cursor }) => listRisks(projectKey, cursor),
  }),
  getRisk: defineResolver({
    key: 'getRisk',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, riskId, cursor }) => getRiskDetail(projectKey, riskId, cursor),
  }),
  addActions: defineResolver({
    key: 'addActions',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, actions }, caller, grant) => addActions(issueKey, actions, grant, caller.accountId),
  }),
  updateAction: defineResolver({
    key: 'updateAction',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, actionId, baseVersion, action }, caller, grant) => updateDraftAction(issueKey, actionId, baseVersion, action, grant, caller.accountId),
  }),
  removeAction: defineResolver({
    key: 'removeAction',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, actionId, baseVersion }, caller, grant) => removeDraftAction(issueKey, actionId, baseVersion, grant, caller.accountId),
  }),
  createActionIssues: defineResolver({
    key: 'createActionIssues',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, actionIds }, caller, grant) => createActionIssues(issueKey, actionIds, grant, caller.accountId),
  }),
  linkActionIssue: defineResolver({
    key: 'linkActionIssue',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, rootCauseId, jiraIssueKey, kind }, caller, grant) => linkExistingIssue(issueKey, rootCauseId, jiraIssueKey, kind, grant, caller.accountId),
  }),
  verifyAction: defineResolver({
    key: 'verifyAction',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, actionId, baseVersion, evidence, evidenceLink }, caller, grant) =>
      verifyAction(issueKey, { actionId, baseVersion, evidence, ...(evidenceLink === undefined ? {} : { evidenceLink }) }, grant, caller.accountId),
  }),
};
