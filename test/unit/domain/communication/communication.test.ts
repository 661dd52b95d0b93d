import { buildLessonsSummary, canonicalRecipients, effectiveStatus, escapeHtml, escapeMarkdown, mayRetry, shareFingerprint } from '../../../../src/domain/communication';
import { TAXONOMY, phishingReview } from '../review/fixtures';

describe('escaping', () => {
  test('HTML: nothing typed opens a tag, an attribute or an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & &amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; &amp;amp;');
  });

  test('Markdown: links, images, emphasis, code, HTML, headings and list markers stay text', () => {
    expect(escapeMarkdown('[a](javascript:x) ![i](http://e/x.png) *b* _c_ `d` <b> # h')).toBe('\\[a\\](javascript:x) !\\[i\\](http://e/x.png) \\*b\\* \\_c\\_ \\`d\\` \\<b\\> \\# h');
    expect(escapeMarkdown('- item\n1. step\n===')).toBe('\\- item\n1\\. step\n\\===');
  });
});

describe('the tailored summaries', () => {
  const review = { ...phishingReview('approved'), workflow: { stage: 'approved' as const, history: [{ from: 'awaiting_approval' as const, to: 'approved' as const, by: 'x', at: '2025-03-12T10:00:00Z', comment: 'Go <ahead>' }] } };
  const input = {
    review,
    taxonomy: TAXONOMY,
    risks: [{ title: 'BEC fraud', treatment: 'mitigate' as const, likelihood: 3, impact: 4, nextReviewDate: '2025-09-01' }] as never[],
    actions: [{ summary: 'Call-back procedure', status: 'todo' as const, targetDate: '2025-04-30', jira: { issueId: '1', issueKey: 'ISMS-7' }, kind: 'corrective' as const }],
  };

  test('management: impact, decisions with approval, risks, actions', () => {
    const summary = buildLessonsSummary('management', input);
    expect(summary.subject).toBe('Management summary: SEC-42 Phishing e-mail led to a compromised finance mailbox');
    expect(summary.textBody).toContain('IMPACT');
    expect(summary.textBody).toContain('Decisions approved by management on 2025-03-12 ("Go <ahead>").');
    expect(summary.textBody).toContain('- BEC fraud — to be mitigated, rated high (3×4), next review 2025-09-01');
    expect(summary.textBody).toContain('- ISMS-7: Call-back procedure — due 2025-04-30');
    expect(summary.htmlBody).toContain('Go &lt;ahead&gt;');
    expect(summary.htmlBody).not.toContain('<ahead>');
  });

  test('staff: what happened and what to do; no decisions, no names', () => {
    const summary = buildLessonsSummary('staff', { ...input, note: 'Read me' });
    expect(summary.textBody.indexOf('NOTE FROM THE SENDER')).toBeLessThan(summary.textBody.indexOf('WHAT HAPPENED'));
    expect(summary.textBody).toContain('WHAT WE WILL DO DIFFERENTLY');
    expect(summary.textBody).not.toContain('DECISIONS');
    expect(summary.textBody).not.toMatch(/Dana|Mulder|5b10ac8d/);
  });
});

describe('share identity and status', () => {
  test('the same recipients in another order are the same share', () => {
    const a = shareFingerprint('1', 3, 'staff', { users: ['b', 'a'], groups: ['g'], projectRoles: [] }, ' hi ');
    const b = shareFingerprint('1', 3, 'staff', { users: ['a', 'b', 'a'], groups: [' g'], projectRoles: [] }, 'hi');
    expect(a).toBe(b);
    expect(shareFingerprint('1', 4, 'staff', { users: ['a', 'b'], groups: ['g'], projectRoles: [] }, 'hi')).not.toBe(a);
    expect(canonicalRecipients({ users: ['b', 'a', 'b'], groups: [], projectRoles: [] }).users).toEqual(['a', 'b']);
  });

  test('only a refused send may be sent again; an interrupted one counts as unconfirmed', () => {
    const at = '2026-01-01T00:00:00Z';
    const t = Date.parse(at);
    expect(mayRetry({ status: 'failed', sentAt: at }, t)).toBe(true);
    expect(mayRetry({ status: 'unconfirmed', sentAt: at }, t)).toBe(false);
    expect(mayRetry({ status: 'sending', sentAt: at }, t + 1_000)).toBe(false);
    expect(effectiveStatus({ status: 'sending', sentAt: at }, t + 600_000)).toBe('unconfirmed');
  });
});
