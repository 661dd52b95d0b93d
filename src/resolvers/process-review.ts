import { loadProcessReviews, recordProcessReview, retryProcessReviewActions, suggestProcessReviewInputs } from '../services/process-review';
import { defineResolver } from './define';

/**
 * R25 on the project settings page: anyone who can browse the project sees the process reviews
 * and the overdue flag; project admins and approvers record them (checked by the service).
 */
export const processReviewResolvers = {
  getProcessReviews: defineResolver({
    key: 'getProcessReviews',
    readOnly: true,
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, cursor }, caller, grant) => loadProcessReviews(projectKey, grant, caller.accountId, cursor),
  }),
  suggestProcessReviewInputs: defineResolver({
    key: 'suggestProcessReviewInputs',
    readOnly: true,
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey }) => suggestProcessReviewInputs(projectKey),
  }),
  recordProcessReview: defineResolver({
    key: 'recordProcessReview',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, review }, caller, grant) => recordProcessReview(projectKey, review, grant, caller.accountId),
  }),
  retryProcessReviewActions: defineResolver({
    key: 'retryProcessReviewActions',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    handle: ({ projectKey, processReviewId }, caller, grant) => retryProcessReviewActions(projectKey, processReviewId, grant, caller.accountId),
  }),
};
