import { exportAwareness } from '../services/awareness';
import { listIncidentShares, listProjectShares, previewLessonsShare, shareLessons } from '../services/communication';
import { defineResolver } from './define';

/**
 * R15 "share lessons" (for the panel) and the communication record (for the evidence pack).
 * Previews and records are read by anyone who can browse the incident or project; sending needs
 * edit permission on the incident (the people running its review), and an approved review.
 */
export const communicationResolvers = {
  previewLessonsShare: defineResolver({
    key: 'previewLessonsShare',
    readOnly: true,
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey, audience, note }) => previewLessonsShare(issueKey, audience, note),
  }),
  shareLessons: defineResolver({
    key: 'shareLessons',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey, audience, recipients, note }, caller) => shareLessons(issueKey, audience, recipients, note, caller.accountId),
  }),
  listLessonsShares: defineResolver({
    key: 'listLessonsShares',
    readOnly: true,
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    handle: ({ issueKey }) => listIncidentShares(issueKey),
  }),
  listProjectCommunications: defineResolver({
    key: 'listProjectCommunications',
    readOnly: true,
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, cursor }) => listProjectShares(projectKey, cursor),
  }),
  /** R16: anyone who can browse the project; only incidents they can see with an approved review are included. */
  exportAwarenessSummaries: defineResolver({
    key: 'exportAwarenessSummaries',
    readOnly: true,
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, issueKeys }) => exportAwareness(projectKey, issueKeys),
  }),
};
