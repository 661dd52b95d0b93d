import { PERSONAS, STAFF } from '../../sandbox/jira';
import type { Review } from '../../src/domain/review';
import { createAppHarness, type AppHarness } from '../support/app-harness';
import { actionsInIsms, reviewWithDecisions } from './decisions-fixture';

/**
 * R16 the anonymised awareness export, on a corpus built to leak: names in every form, e-mail
 * addresses, account ids and mentions, IPv4/IPv6/MAC, host names in assets, URLs and FQDNs, issue
 * keys of incidents and actions — plus HTML and Markdown injection. Nothing identifying may reach
 * the Markdown or the HTML, and nothing typed may become markup.
 */
let app: AppHarness;
const MARK = PERSONAS.mark.accountId;
const UNKNOWN_ID = '5d1f2a3b4c5d6e7f8a9b0c1d';

const corpus = {
  what: `Rita Responder noticed that Mark's account (${MARK}) logged in from 10.20.30.40 and 2001:db8::1 via vpn.acme-corp.com. [~accountid:${PERSONAS.owen.accountId}] confirmed; see SEC-7 and ISMS-3.`,
  impact: 'MARK lost access to db01 for 2 hours; mail from ceo@acme-corp.com and Sam.Sentinel+soc@Example.com was read. Device 00:1a:2b:3c:4d:5e.',
  well: `Responder's quick call to ${UNKNOWN_ID} helped; Sentinel alerts from https://intranet.example.com/alerts?id=4 worked.`,
  differently: 'Escalate earlier. <script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) ![x](http://evil.example/x.png)',
  improvements: 'Harden pay-gw-01 and db01; rotate the keys Rita shared with Sam.',
  timeline: `Sam Sentinel paged rita.responder@example.com from 192.168.7.7`,
};

const MUST_NOT_LEAK = [
  'Rita', 'Responder', 'Mark', 'Sam', 'Sentinel', 'Owen', MARK, PERSONAS.owen.accountId, UNKNOWN_ID, 'rita.responder', 'example.com', 'acme-corp', 'ceo@',
  '10.20.30.40', '2001:db8', '192.168.7.7', '00:1a:2b', 'db01', 'pay-gw-01', 'vpn.', 'intranet', 'evil.example', 'SEC-7', 'ISMS-3', 'SEC-27', 'SEC-28',
];

async function approvedWithCorpus(issueKey: string): Promise<Review> {
  let review = await reviewWithDecisions(app, issueKey);
  const save = async (section: 'facts' | 'lessons' | 'timeline' | 'people', value: unknown) => {
    review = (await app.data('rita', 'saveReviewSection', { issueKey, section, value, baseVersion: review.version })).review;
  };
  await save('facts', { ...review.facts, summary: `Account takeover of Mark Manager via ${issueKey}`, affectedAssets: ['db01', 'Payment gateway (pay-gw-01)', 'Customer portal'] });
  await save('lessons', { ...review.lessons, whatHappened: corpus.what, whatWasTheImpact: corpus.impact, whatWentWell: corpus.well, whatWouldWeDoDifferently: corpus.differently, whatImprovementsAreNeeded: corpus.improvements });
  await save('timeline', [{ id: 'e1', at: '2025-03-03T08:12:00Z', text: corpus.timeline, author: MARK }, { id: 'e2', at: '2025-03-05T14:40:00Z', text: `Owen Owner blocked ${STAFF.sam.emailAddress}` }]);
  await save('people', { ...review.people, incidentManager: PERSONAS.rita.accountId, responseTeam: [STAFF.sam.accountId] });
  review = (await app.data('rita', 'transitionReview', { issueKey, target: 'in_review', baseVersion: review.version })).review;
  review = (await app.data('rita', 'transitionReview', { issueKey, target: 'awaiting_approval', baseVersion: review.version })).review;
  await app.data('mark', 'decideApproval', { issueKey, outcome: 'approve', comment: 'Agreed.', baseVersion: review.version });
  return review;
}

beforeAll(async () => {
  app = createAppHarness();
  await actionsInIsms(app);
  await approvedWithCorpus('SEC-27');
  await approvedWithCorpus('SEC-28');
  await app.data('rita', 'addActions', { issueKey: 'SEC-27', actions: [{ rootCauseId: 'r1', summary: 'Call-back for bank changes', description: '', ownerAccountId: PERSONAS.owen.accountId, targetDate: '2026-09-30' }] });
  await app.data('rita', 'createActionIssues', { issueKey: 'SEC-27' });
  await reviewWithDecisions(app, 'SEC-29');
});

afterAll(() => {
  app.sandbox.close();
});

test('nothing identifying leaks into the Markdown or the HTML; pseudonyms are consistent across incidents', async () => {
  const view = await app.data('mark', 'exportAwarenessSummaries', { projectKey: 'SEC', issueKeys: ['SEC-27', 'SEC-28'] });
  expect(view).toMatchObject({ included: 2, skipped: [] });
  for (const output of [view.markdown, view.html]) {
    for (const secret of MUST_NOT_LEAK) expect({ secret, leaked: output.toLowerCase().includes(secret.toLowerCase()) }).toEqual({ secret, leaked: false });
  }
  expect(view.replaced.person).toBeGreaterThanOrEqual(4);
  expect(view.replaced.ip).toBe(3);
  expect(view.replaced.host).toBeGreaterThanOrEqual(4);
  expect(view.replaced.issue).toBeGreaterThanOrEqual(4);
  // The same person is the same pseudonym in both incidents.
  const titles = [...view.markdown.matchAll(/^## \d+\. (.*)$/gm)].map((match) => match[1]);
  expect(titles).toHaveLength(2);
  expect(titles[0]?.replace(/issue-\d+/, 'X')).toBe(titles[1]?.replace(/issue-\d+/, 'X'));
  expect(titles[0]).toMatch(/^Account takeover of Person [A-Z]+ via issue-\d+$/);
  expect(view.markdown).toContain('Day 1, 08:12 UTC');
  expect(view.markdown).toContain('March 2025');
});

test('typed HTML stays text in the HTML and typed Markdown stays text in the Markdown', async () => {
  const view = await app.data('mark', 'exportAwarenessSummaries', { projectKey: 'SEC', issueKeys: ['SEC-27'] });
  expect(view.html).not.toMatch(/<script|<img|<a[\s>]/i);
  expect(view.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(view.markdown).not.toMatch(/(?<!\\)\]\(|(?<!\\)<script|(?<!\\)!\[/);
  expect(view.markdown).toContain('\\[click\\](javascript:alert(1))');
  const tags = [...view.html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1]);
  expect(new Set(tags)).toEqual(new Set(['section', 'h1', 'p', 'article', 'h2', 'em', 'h3', 'ul', 'li', 'br'].filter((tag) => tags.includes(tag))));
});

test('only approved reviews of incidents the caller can see in this project are included; outsiders are refused', async () => {
  const view = await app.data('rita', 'exportAwarenessSummaries', { projectKey: 'SEC', issueKeys: ['SEC-27', 'SEC-29', 'SEC-30', 'OPS-1', 'SEC-9999'] });
  expect(view.included).toBe(1);
  expect(view.skipped).toEqual([
    { issueKey: 'OPS-1', reason: 'not in this project, or you cannot see it' },
    { issueKey: 'SEC-9999', reason: 'not in this project, or you cannot see it' },
    { issueKey: 'SEC-29', reason: 'the review is not approved yet' },
    { issueKey: 'SEC-30', reason: 'no review yet' },
  ].sort((a, b) => ['OPS-1', 'SEC-9999', 'SEC-29', 'SEC-30'].indexOf(a.issueKey) - ['OPS-1', 'SEC-9999', 'SEC-29', 'SEC-30'].indexOf(b.issueKey)));
  const outsider = await app.invoke('oscar', 'exportAwarenessSummaries', { projectKey: 'SEC', issueKeys: ['SEC-27'] });
  expect(outsider.ok ? 'ok' : outsider.error.code).toBe('FORBIDDEN');
});
