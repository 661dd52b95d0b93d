/**
 * The post-incident review domain: pure, shared by the resolvers, the services and the panel.
 * Import from here (`src/domain/review`), not from the individual modules.
 */
export * from './result';
export * from './limits';
export * from './facts';
export * from './timeline';
export * from './people';
export * from './five-whys';
export * from './fishbone';
export * from './root-causes';
export * from './lessons';
export * from './stages';
export * from './review';
export * from './checklist';
export * from './workflow';
export * from './versioning';
export * from './audit-diff';
export * from './audit-event';
export * from './section-updates';
export * from './storage-limit';
export * from './prefill';
export * from './blameless';
export { validate } from './validation';
export type { IssueSummary } from './issue-summary';
