import { loadExisting, loadHistory, loadPanel, moveReview, saveSection, startReview } from '../services/review';
import { defineResolver } from './define';

/** The lessons-learned panel: reading needs Browse on the incident, every write needs Edit. */
export const panelResolvers = {
  getPanel: defineResolver({
    key: 'getPanel',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    readOnly: true,
    handle: ({ issueKey }, caller, grant) => loadPanel(issueKey, grant, caller.accountId),
  }),
  startReview: defineResolver({
    key: 'startReview',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    handle: ({ issueKey }, caller, grant) => startReview(issueKey, grant, caller.accountId),
  }),
  saveReviewSection: defineResolver({
    key: 'saveReviewSection',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    prefetch: ({ issueKey }) => loadExisting(issueKey),
    handle: ({ section, value, baseVersion }, caller, _grant, existing) => saveSection(existing, section, value, baseVersion, caller.accountId),
  }),
  transitionReview: defineResolver({
    key: 'transitionReview',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'write' }),
    prefetch: ({ issueKey }) => loadExisting(issueKey),
    handle: ({ target, baseVersion, reason }, caller, _grant, existing) => moveReview(existing, target, baseVersion, reason, caller.accountId),
  }),
  getReviewHistory: defineResolver({
    key: 'getReviewHistory',
    access: ({ issueKey }) => ({ target: { issueKey }, need: 'read' }),
    readOnly: true,
    handle: ({ issueKey, cursor }) => loadHistory(issueKey, cursor),
  }),
};
