import { buildAwarenessExport, hostnamesFromAssets } from '../../../../src/domain/awareness';
import { DANA, FOX, TAXONOMY, phishingReview } from '../review/fixtures';

test('host names hiding in asset names are found; plain descriptions are not', () => {
  expect(hostnamesFromAssets(['db01', 'Payment gateway (pay-gw-01)', 'Customer portal', 'web.internal.example', '2024'])).toEqual(['db01', 'pay-gw-01', 'web.internal.example']);
});

test('one export shares pseudonyms across incidents and names nobody', () => {
  const review = phishingReview('approved');
  const second = { ...review, incident: { issueId: '10043', issueKey: 'SEC-43', projectKey: 'SEC' }, lessons: { ...review.lessons, whatHappened: 'Dana Scully saw Fox Mulder log in from 10.1.1.1 (see SEC-42).' } };
  const first = { ...review, lessons: { ...review.lessons, whatHappened: 'Fox Mulder reported it to Dana; mail to finance@example.com.' } };
  const people = [{ accountId: DANA, displayName: 'Dana Scully' }, { accountId: FOX, displayName: 'Fox Mulder' }];
  const out = buildAwarenessExport([{ review: first, taxonomy: TAXONOMY }, { review: second, taxonomy: TAXONOMY }], { people });
  for (const text of [out.markdown, out.html]) expect(text).not.toMatch(/Dana|Scully|Fox|Mulder|finance@example\.com|10\.1\.1\.1|SEC-4[23]/);
  expect(out.markdown).toContain('Person A reported it to Person B');
  expect(out.markdown).toContain('Person B saw Person A log in from ip-1 (see issue-1)');
  expect(out.incidents).toBe(2);
  expect(out.replaced).toMatchObject({ person: 2, ip: 1, email: 1 });
});
