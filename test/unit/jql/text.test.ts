import { adfToText } from '../../../sandbox/jira/jql';
import { analyze, parseTextQuery, stem, textMatches } from '../../../sandbox/jira/jql/text';
import { SEC_1, keys } from './fixtures';

describe('stemming and analysis', () => {
  it.each([
    ['phishing', 'phish'],
    ['logins', 'login'],
    ['attempted', 'attempt'],
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['agreed', 'agree'],
    ['gas', 'ga'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('lower-cases, splits on punctuation and drops stop words', () => {
    expect(analyze('The VPN-Gateway is DOWN, again!').stems).toEqual(['vpn', 'gatewai', 'down', 'again']);
  });

  it('matches a query against analysed text', () => {
    const doc = analyze('Users were phished via spoofed e-mails');
    expect(textMatches(parseTextQuery('phishing emails'), doc)).toBe(false); // "emails" ≠ "e", "mails"
    expect(textMatches(parseTextQuery('phishing spoof'), doc)).toBe(true);
    expect(textMatches(parseTextQuery('the'), doc)).toBe(false); // nothing left to search for
  });
});

describe('ADF text extraction', () => {
  it('joins inline nodes, separates blocks, and keeps mentions and links', () => {
    expect(adfToText(SEC_1.fields.description)).toBe('What happened\nSeveral users received credential harvesting emails. Reported by @Bob Baker.\nAttacker spoofed the CEO mailbox');
    expect(adfToText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'inlineCard', attrs: { url: 'https://example.com/x' } }] }] })).toBe('https://example.com/x');
    expect(adfToText(null)).toBe('');
    expect(adfToText('plain')).toBe('plain');
  });
});

describe('~ and !~ on text fields', () => {
  it('matches words case-insensitively with stemming', () => {
    expect(keys('summary ~ phishing')).toEqual(['SEC-1']);
    expect(keys('summary ~ PHISH')).toEqual(['SEC-1']);
    expect(keys('summary ~ login')).toEqual(['SEC-10']);
    expect(keys('summary ~ "lost LAPTOPS"')).toEqual(['SEC-3']);
  });

  it('ANDs terms by default and supports OR, NOT, - and +', () => {
    expect(keys('summary ~ "laptop phishing"')).toEqual([]);
    expect(keys('summary ~ "laptop OR phishing"')).toEqual(['SEC-1', 'SEC-3']);
    expect(keys('summary ~ "laptop || phishing"')).toEqual(['SEC-1', 'SEC-3']);
    expect(keys('summary ~ "phishing -finance"')).toEqual([]);
    expect(keys('summary ~ "campaign NOT malware"')).toEqual(['SEC-1']);
    expect(keys('summary ~ "+campaign +finance"')).toEqual(['SEC-1']);
  });

  it('matches exact phrases in escaped quotes', () => {
    expect(keys('summary ~ "\\"finance team\\""')).toEqual(['SEC-1']);
    expect(keys('summary ~ "\\"team finance\\""')).toEqual([]);
    expect(keys('summary ~ \'"finance team"\'')).toEqual(['SEC-1']);
    expect(keys('description ~ "\\"credential harvesting\\""')).toEqual(['SEC-1']);
  });

  it('supports trailing and inner wildcards on the unstemmed word', () => {
    expect(keys('summary ~ "phish*"')).toEqual(['SEC-1']);
    expect(keys('summary ~ "mal*"')).toEqual(['SEC-2']);
    expect(keys('summary ~ "l?st"')).toEqual(['SEC-3']);
    expect(keys('summary ~ "cert*"')).toEqual(['OPS-5']);
  });

  it('searches ADF and plain-text descriptions, environment and comments', () => {
    expect(keys('description ~ harvesting')).toEqual(['SEC-1']);
    expect(keys('description ~ "spoofed CEO"')).toEqual(['SEC-1']);
    expect(keys('description ~ bob')).toEqual(['SEC-1']);
    expect(keys('description ~ encrypted')).toEqual(['SEC-3']);
    expect(keys('comment ~ gateway')).toEqual(['SEC-1']);
  });

  it('text searches summary, description and comments together', () => {
    expect(keys('text ~ "sender domain"')).toEqual(['SEC-1']);
    expect(keys('text ~ vpn')).toEqual(['OPS-5']);
    expect(keys('text ~ login')).toEqual(['SEC-10']);
  });

  it('!~ excludes matches and, like Jira, issues whose field is empty', () => {
    expect(keys('summary !~ phishing')).toEqual(['OPS-5', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('description !~ login')).toEqual(['SEC-1', 'SEC-3']);
    expect(keys('NOT description ~ login')).toEqual(['SEC-1', 'SEC-3']);
    expect(keys('description is EMPTY')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('description is not EMPTY')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
  });

  it('finds nothing for a query made only of stop words', () => {
    expect(keys('summary ~ "the"')).toEqual([]);
  });
});
