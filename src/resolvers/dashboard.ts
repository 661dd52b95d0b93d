import { findUnreviewedIncidents, loadReviewCoverage } from '../services/dashboard-coverage';
import { loadRepeatRootCause, searchLessons } from '../services/dashboard-library';
import { listOverdueActions, loadDashboardSummary } from '../services/dashboard';
import { defineResolver } from './define';

/**
 * The project page (R14, R17–R19, R22). Every resolver only reads and needs Browse on the
 * project, so each starts its reads alongside the permission check (`readOnly`): a refused
 * caller gets the refusal, never the data.
 */
export const dashboardResolvers = {
  getDashboardSummary: defineResolver({
    key: 'getDashboardSummary',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey }) => loadDashboardSummary(projectKey),
  }),
  listOverdueActions: defineResolver({
    key: 'listOverdueActions',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey, scope, ownerAccountId, category, order, cursor }) =>
      listOverdueActions(projectKey, {
        scope,
        order,
        ...(ownerAccountId === undefined ? {} : { ownerAccountId }),
        ...(category === undefined ? {} : { category }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
  }),
  getReviewCoverage: defineResolver({
    key: 'getReviewCoverage',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey }, caller) => loadReviewCoverage(projectKey, caller.accountId),
  }),
  findUnreviewedIncidents: defineResolver({
    key: 'findUnreviewedIncidents',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey, pageToken }) => findUnreviewedIncidents(projectKey, pageToken),
  }),
  searchLessons: defineResolver({
    key: 'searchLessons',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey, ...query }) => searchLessons(projectKey, query),
  }),
  getRepeatRootCause: defineResolver({
    key: 'getRepeatRootCause',
    access: ({ projectKey }) => ({ target: { projectKey }, need: 'read' }),
    readOnly: true,
    handle: ({ projectKey, category }) => loadRepeatRootCause(projectKey, category),
  }),
};
