/**
 * Jira-like text matching for `~` / `!~` on summary, description, environment, comments and `text`.
 *
 * Jira indexes text with a Lucene English analyzer: tokens are lower-cased, English stop words dropped and
 * words stemmed, so `summary ~ "phish"` finds "Phishing campaign". A query is a list of terms; without an
 * explicit operator the terms are ANDed (Jira Cloud's documented default), a quoted phrase must appear
 * contiguously, a trailing `*` (or `?`) is a prefix/wildcard on the unstemmed word, and `OR`, `NOT`, `-`,
 * `+`, `&&`, `||`, `!` work as Lucene operators. The stemmer is Porter's step 1 (plurals, -ed, -ing, -y),
 * enough to make inflections meet while staying predictable.
 */

/** Lucene's English stop words (the ones Jira's analyzer drops). */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

// ---- ADF -----------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const INLINE_TYPES = new Set(['text', 'mention', 'emoji', 'hardBreak', 'inlineCard', 'date', 'status']);

/** Plain text of an Atlassian Document Format node (or a plain string, as REST v2 bodies are). */
export function adfToText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(adfToText).join('\n');
  if (!isRecord(node)) return '';
  const attrs = isRecord(node.attrs) ? node.attrs : {};
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'hardBreak':
      return '\n';
    case 'mention':
    case 'emoji':
    case 'status':
      return typeof attrs.text === 'string' ? attrs.text : typeof attrs.shortName === 'string' ? attrs.shortName : '';
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return typeof attrs.url === 'string' ? attrs.url : '';
    default:
      break;
  }
  if (!Array.isArray(node.content)) return '';
  const children = node.content as unknown[];
  // Inline children of a paragraph/heading run together; block children are separate lines.
  const inline = children.every((c) => isRecord(c) && typeof c.type === 'string' && INLINE_TYPES.has(c.type));
  return children.map(adfToText).join(inline ? '' : '\n');
}

// ---- analysis --------------------------------------------------------------------------------------

const VOWEL = /[aeiou]/;

function isConsonant(word: string, i: number): boolean {
  const ch = word.charAt(i);
  if (VOWEL.test(ch)) return false;
  if (ch === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** Porter's m: the number of vowel-consonant sequences in `stem`. */
function measure(stem: string): number {
  let m = 0;
  let prevVowel = false;
  for (let i = 0; i < stem.length; i++) {
    const vowel = !isConsonant(stem, i);
    if (!vowel && prevVowel) m++;
    prevVowel = vowel;
  }
  return m;
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** consonant-vowel-consonant ending, last not w/x/y (Porter's *o). */
function endsCvc(s: string): boolean {
  const n = s.length;
  if (n < 3) return false;
  const last = s.charAt(n - 1);
  return isConsonant(s, n - 3) && !isConsonant(s, n - 2) && isConsonant(s, n - 1) && !'wxy'.includes(last);
}

/** Porter stemmer, steps 1a-1c. Applied to index and query alike, so both sides meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 2 || !/^[a-z]+$/.test(w)) return w;
  // 1a: plurals
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // 1b: -eed, -ed, -ing
  let fixup = false;
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2);
    fixup = true;
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3);
    fixup = true;
  }
  if (fixup) {
    const n = w.length;
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
    else if (n >= 2 && w.charAt(n - 1) === w.charAt(n - 2) && isConsonant(w, n - 1) && !'lsz'.includes(w.charAt(n - 1))) w = w.slice(0, -1);
    else if (measure(w) === 1 && endsCvc(w)) w += 'e';
  }
  // 1c: y -> i after a vowel-containing stem
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  return w;
}

function rawTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((t) => t !== '');
}

/** Index-side analysis: the stemmed, stop-word-free token sequence, plus all raw tokens for wildcards. */
export interface AnalyzedText {
  stems: string[];
  raw: string[];
}

export function analyze(text: string): AnalyzedText {
  const raw = rawTokens(text);
  return { raw, stems: raw.filter((t) => !STOP_WORDS.has(t)).map(stem) };
}

// ---- query -----------------------------------------------------------------------------------------

type Term = { kind: 'words'; stems: string[]; phrase: boolean } | { kind: 'wildcard'; pattern: RegExp };

interface QueryPart {
  term: Term;
  prohibited: boolean;
}

/** Alternatives (OR) of conjunctions (implicit AND); an empty conjunction cannot match. */
type TextQuery = QueryPart[][];

function wildcardRegExp(word: string): RegExp {
  const body = word
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'u');
}

/** Parses a Lucene-style text query as Jira accepts it after `~`. */
export function parseTextQuery(query: string): TextQuery {
  const alternatives: TextQuery = [[]];
  let prohibitNext = false;
  const re = /"([^"]*)"|(\|\||&&|!)|([^\s"]+)/g;
  for (const m of query.matchAll(re)) {
    const current = alternatives[alternatives.length - 1] as QueryPart[];
    const [, phrase, symbol, word] = m;
    if (symbol === '||' || word === 'OR') {
      alternatives.push([]);
      continue;
    }
    if (symbol === '&&' || word === 'AND') continue;
    if (symbol === '!' || word === 'NOT') {
      prohibitNext = true;
      continue;
    }
    let text = phrase ?? word ?? '';
    let prohibited = prohibitNext;
    prohibitNext = false;
    let isPhrase = phrase !== undefined;
    if (!isPhrase && (text.startsWith('-') || text.startsWith('+'))) {
      prohibited = text.startsWith('-');
      text = text.slice(1);
      if (text.startsWith('"') && text.endsWith('"') && text.length > 1) {
        text = text.slice(1, -1);
        isPhrase = true;
      }
    }
    // Escaped Lucene specials (e.g. "\\(text") are literal characters; analysis drops punctuation anyway.
    text = text.replace(/\\(.)/g, '$1');
    if (!isPhrase && /[*?]/.test(text)) {
      current.push({ term: { kind: 'wildcard', pattern: wildcardRegExp(text) }, prohibited });
      continue;
    }
    const stems = analyze(text).stems;
    if (stems.length > 0) current.push({ term: { kind: 'words', stems, phrase: isPhrase }, prohibited });
  }
  return alternatives;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function termMatches(term: Term, doc: AnalyzedText): boolean {
  if (term.kind === 'wildcard') return doc.raw.some((t) => term.pattern.test(t));
  if (term.phrase) return containsSequence(doc.stems, term.stems);
  return term.stems.every((s) => doc.stems.includes(s));
}

/** True if the analysed document satisfies the text query. */
export function textMatches(query: TextQuery, doc: AnalyzedText): boolean {
  return query.some((parts) => {
    const positive = parts.filter((p) => !p.prohibited);
    if (positive.length === 0) return false;
    return positive.every((p) => termMatches(p.term, doc)) && parts.filter((p) => p.prohibited).every((p) => !termMatches(p.term, doc));
  });
}
