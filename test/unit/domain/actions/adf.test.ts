import { actionIssueDescription, adfToPlainText, cleanText, link, paragraph, safeHref, text, type AdfDoc, type AdfInline } from '../../../../src/domain/actions';

/** Every text node in a document, to check that user text never became structure. */
function textNodes(document: AdfDoc): AdfInline[] {
  return document.content.flatMap((block) => {
    if (block.type === 'paragraph' || block.type === 'heading') return block.content;
    if (block.type === 'bulletList') return block.content.flatMap((item) => item.content.flatMap((p) => p.content));
    return [];
  });
}

const INCIDENT = { issueId: '10042', issueKey: 'SEC-42', projectKey: 'SEC', summary: 'Phishing <b>mail</b>' };

describe('ADF builder', () => {
  it('keeps markup typed by a person as literal text, never as structure, marks or links', () => {
    const hostile = '<script>alert(1)</script> [click|javascript:alert(1)] *bold* {"type":"doc"} h1. title';
    expect(text(hostile)).toEqual([{ type: 'text', text: hostile }]);
    const document = actionIssueDescription({
      action: { kind: 'corrective', description: hostile, targetDate: '2025-04-01' },
      incident: INCIDENT,
      incidentUrl: 'https://acme.atlassian.net/browse/SEC-42',
      rootCause: { text: '[x|http://evil.example]', categoryLabel: 'Policy' },
      decision: { option: 'corrective-action', rationale: '!image.png!' },
    });
    const links = textNodes(document).flatMap((node) => (node.type === 'text' ? (node.marks ?? []) : [])).filter((mark) => mark.type === 'link');
    expect(links).toEqual([{ type: 'link', attrs: { href: 'https://acme.atlassian.net/browse/SEC-42' } }]);
    expect(adfToPlainText(document)).toContain(hostile);
    expect(adfToPlainText(document)).toContain('Incident: SEC-42: Phishing <b>mail</b>');
  });

  it('turns newlines into hard breaks, drops control characters and never emits an empty text node', () => {
    expect(text('a\r\nb\n\nc')).toEqual([{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }, { type: 'hardBreak' }, { type: 'hardBreak' }, { type: 'text', text: 'c' }]);
    expect(cleanText('a\u0000b\u0007c\u001Bd\tе😀')).toBe('abcd\tе😀');
    expect(cleanText('lone \uD800 surrogate')).toBe('lone  surrogate');
    expect(text('')).toEqual([]);
    expect(paragraph(text(''))).toEqual({ type: 'paragraph', content: [] });
  });

  it('links only to http(s) URLs; anything else stays plain text', () => {
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,hi')).toBeUndefined();
    expect(safeHref('/browse/SEC-1')).toBeUndefined();
    expect(link('x', 'javascript:alert(1)')).toEqual([{ type: 'text', text: 'x' }]);
    expect(link('x', 'https://acme.atlassian.net/browse/SEC-1')).toEqual([{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://acme.atlassian.net/browse/SEC-1' } }] }]);
  });

  it('the issue description traces back to incident, root cause and decision, and works without a site URL', () => {
    const document = actionIssueDescription({
      action: { kind: 'risk-treatment', description: 'Roll out FIDO2 keys.\n\nStart with finance.', targetDate: '2025-04-01' },
      incident: INCIDENT,
      rootCause: { text: 'No phishing-resistant MFA', categoryLabel: 'Access control and identity' },
      decision: { option: 'manage-as-risk', rationale: 'Mitigate the residual risk.' },
    });
    expect(document.type).toBe('doc');
    expect(document.version).toBe(1);
    expect(document.content.slice(0, 2)).toEqual([paragraph(text('Roll out FIDO2 keys.')), paragraph(text('Start with finance.'))]);
    const plain = adfToPlainText(document);
    expect(plain).toContain('Root cause: No phishing-resistant MFA (Access control and identity)');
    expect(plain).toContain('Decision: Manage as a risk — Mitigate the residual risk.');
    expect(plain).toContain('Kind: Risk treatment');
    expect(plain).toContain('Target date: 2025-04-01');
    expect(JSON.stringify(document)).not.toContain('"text":""');
  });
});
