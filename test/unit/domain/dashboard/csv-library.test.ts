import { csvCell, delimited, keyLessons, reviewSearchAttributes, searchTerms, toCsv } from '../../../../src/domain/dashboard';
import { phishingReview } from '../review/fixtures';
import { emptyReview } from './fixtures';

describe('CSV export', () => {
  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['Plain, with "quotes"\nand a line', '"Plain, with ""quotes""\nand a line"'],
  ])('%j is defused and quoted', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('numbers stay numbers (a negative number is not a formula); empty cells are empty', () => {
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(12.5)).toBe('"12.5"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(Number.NaN)).toBe('""');
  });

  test('header first, CRLF lines', () => {
    expect(toCsv(['A', 'B'], [['x', 1]])).toBe('"A","B"\r\n"x","1"\r\n');
  });
});

describe('lessons library attributes', () => {
  test('searchable text is lower-cased and includes lessons, root causes and facts', () => {
    const attributes = reviewSearchAttributes(phishingReview('approved'));
    expect(attributes.searchText).toContain('call-back verification');
    expect(attributes.searchText).toContain('alert on new inbox forwarding rules');
    expect(attributes.searchText).toBe(attributes.searchText.toLowerCase());
    expect(attributes.categories).toBe('|policy-process|access-control|');
    expect(attributes.incidentType).toBe(phishingReview().facts.type);
    expect(attributes.occurredAt).toBe(Date.parse(phishingReview().facts.timestamps.occurredAt ?? ''));
  });

  test('an empty review still gets attributes (unknown type and severity, no categories)', () => {
    const attributes = reviewSearchAttributes(emptyReview());
    expect(attributes).toMatchObject({ incidentType: 'unknown', severity: 'unknown', categories: '', tags: '', searchText: '' });
  });

  test('search terms: up to five distinct words of two or more characters', () => {
    expect(searchTerms('  Phishing   MFA a phishing  training x y z more words ')).toEqual(['phishing', 'mfa', 'training', 'more', 'words']);
    expect(searchTerms('')).toEqual([]);
  });

  test('delimited lists match whole keys only', () => {
    expect(delimited(['supplier', 'access-control'])).toBe('|supplier|access-control|');
    expect(delimited([]).includes('|supplier|')).toBe(false);
  });

  test('key lessons are the improvements first, shortened', () => {
    const lessons = keyLessons(phishingReview(), 20);
    expect(lessons[0]?.question).toMatch(/improvements/);
    expect(lessons.every((lesson) => lesson.answer.length <= 20)).toBe(true);
  });
});
