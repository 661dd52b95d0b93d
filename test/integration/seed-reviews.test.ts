import { REVIEW_STAGES } from '../../src/domain/review';
import { seedReviews } from '../../sandbox/seed/reviews';
import { createAppHarness } from '../support/app-harness';

test('the sandbox seeds reviews at every stage through the resolvers, once', async () => {
  const app = createAppHarness();
  const first = await seedReviews(app.sandbox);
  for (const stage of REVIEW_STAGES) expect(first.reviews[stage] ?? 0).toBeGreaterThan(0);

  // Each seeded review carries its audit trail, as if people had done the work.
  // The oldest incident's review went all the way: created, eight sections saved (incl. decisions), four stage changes.
  const oldest = await app.data('mark', 'getPanel', { issueKey: 'SEC-1' });
  expect(oldest.review?.workflow.stage).toBe('closed');
  const history = await app.data('mark', 'getReviewHistory', { issueKey: 'SEC-1' });
  expect(history.events.map((event) => event.kind)).toEqual([...Array<string>(4).fill('stage-changed'), ...Array<string>(8).fill('section-updated'), 'review-created']);

  expect(await seedReviews(app.sandbox)).toEqual({ reviews: {} });
  app.sandbox.close();
});
