import type { DecisionInput } from '../../src/domain/decisions';
import type { Review } from '../../src/domain/review';
import { DEFAULT_PROJECT_SETTINGS } from '../../src/domain/settings';
import type { AppHarness } from '../support/app-harness';

/** Anything that calls resolvers as a persona: the integration harness, or the e2e sandbox's bridge. */
export type ResolverCaller = Pick<AppHarness, 'data'>;
import { phishingReview } from '../unit/domain/review/fixtures';

/** Drives a review through the resolvers, as the personas would, up to the stage a test needs. */
export const DEFAULT_DECISIONS: DecisionInput[] = [
  { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Introduce call-back verification for bank-detail changes.' },
  { rootCauseId: 'r2', option: 'continual-improvement', rationale: 'Move finance to phishing-resistant MFA.' },
];

export async function reviewWithDecisions(app: ResolverCaller, issueKey: string, decisions: DecisionInput[] = DEFAULT_DECISIONS): Promise<Review> {
  const started = await app.data('rita', 'startReview', { issueKey });
  if (started.review === null) throw new Error('no review');
  const complete = phishingReview('draft');
  let review = started.review;
  for (const section of ['facts', 'timeline', 'people', 'fiveWhys', 'fishbone', 'rootCauses', 'lessons'] as const) {
    review = (await app.data('rita', 'saveReviewSection', { issueKey, section, value: complete[section], baseVersion: review.version })).review;
  }
  review = (await app.data('rita', 'saveReviewSection', { issueKey, section: 'decisions', value: decisions, baseVersion: review.version })).review;
  return review;
}

export async function reviewAwaitingApproval(app: ResolverCaller, issueKey: string, decisions?: DecisionInput[]): Promise<Review> {
  let review = await reviewWithDecisions(app, issueKey, decisions);
  review = (await app.data('rita', 'transitionReview', { issueKey, target: 'in_review', baseVersion: review.version })).review;
  return (await app.data('rita', 'transitionReview', { issueKey, target: 'awaiting_approval', baseVersion: review.version })).review;
}

export async function approvedReview(app: ResolverCaller, issueKey: string, decisions?: DecisionInput[]): Promise<Review> {
  const review = await reviewAwaitingApproval(app, issueKey, decisions);
  await app.data('mark', 'decideApproval', { issueKey, outcome: 'approve', comment: 'Agreed.', baseVersion: review.version });
  return review;
}

/** SEC's actions go to the ISMS improvement project as "Corrective action" issues, linked "Problem/Incident". */
export async function actionsInIsms(app: ResolverCaller): Promise<void> {
  const settings = { ...DEFAULT_PROJECT_SETTINGS, actions: { projectKey: 'ISMS', issueTypeName: 'Corrective action', linkTypeName: 'Problem/Incident', defaultDueDays: 30 } };
  await app.data('alice', 'saveSettings', { projectKey: 'SEC', settings, baseVersion: 0 });
}
