import { attachIncidentReport, exportIncidentReport, getIncidentReport, getIncidentWalkthrough } from '../services/incident-report';
import { defineResolver } from './define';

/**
 * R13 the lessons-learned report (panel): anyone who can browse the incident previews and exports
 * it (exports are recorded); attaching it to the issue needs edit permission. R24 the walkthrough
 * (project page): browse the project, then the approver rule or project admin, checked in the service.
 */
export const reportResolvers = {
  getIncidentReport: defineResolver({
    key: 'getIncidentReport',
    readOnly: true,
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey, paper }, _caller, granted) => getIncidentReport(issueKey, paper, granted),
  }),
  exportIncidentReport: defineResolver({
    key: 'exportIncidentReport',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey, paper, purpose }, caller) => exportIncidentReport(issueKey, paper, purpose, caller.accountId),
  }),
  attachIncidentReport: defineResolver({
    key: 'attachIncidentReport',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, paper }, caller) => attachIncidentReport(issueKey, paper, caller.accountId),
  }),
  getIncidentWalkthrough: defineResolver({
    key: 'getIncidentWalkthrough',
    readOnly: true,
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, issueKey }, caller, granted) => getIncidentWalkthrough(projectKey, issueKey, granted, caller.accountId),
  }),
};
