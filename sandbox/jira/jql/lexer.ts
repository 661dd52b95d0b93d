/**
 * JQL lexer: turns the query text into tokens with their offsets (for Jira-style error positions).
 *
 * Keywords (AND, OR, NOT, IN, IS, EMPTY, ORDER BY, ...) are NOT distinguished here: an unquoted word is a
 * keyword only where the grammar expects one, and a quoted word is never a keyword. That is how Jira can
 * accept `summary ~ "and"` yet reject `summary ~ and`.
 */
import { positionAt, syntaxError } from './errors';

export type TokenKind = 'lparen' | 'rparen' | 'comma' | 'lbracket' | 'rbracket' | 'operator' | 'string' | 'and' | 'or' | 'not' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Decoded text: the string value for 'string', the symbol otherwise. */
  value: string;
  /** Exact source text, for messages ("but got 'xyz'"). */
  raw: string;
  /** True for "…" and '…' strings: never a keyword, never reserved. */
  quoted: boolean;
  offset: number;
}

/** Characters Jira reserves in unquoted text; using one yields its "reserved JQL character" error. */
const RESERVED_CHARS = new Set(['{', '}', '*', '%', '^', '$', '#', '?', ';']);
/** Characters that end an unquoted word (they are tokens or operator starts of their own). */
const WORD_STOP = new Set(['(', ')', ',', '[', ']', '=', '!', '<', '>', '~', '"', "'", '&', '|']);

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';
}

function unicodeEscape(ch: string): string {
  return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, start: number, quoted = false): void => {
    tokens.push({ kind, value, raw: text.slice(start, i), quoted, offset: start });
  };

  /** Reads one backslash escape starting at text[i] === '\\'; returns the decoded character. */
  const readEscape = (): string => {
    const start = i;
    const next = text[i + 1];
    if (next === undefined) throw syntaxError(`The escape sequence '\\' is not valid.`, positionAt(text, start));
    const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', ' ': ' ', t: '\t', n: '\n', r: '\r' };
    const mapped = simple[next];
    if (mapped !== undefined) {
      i += 2;
      return mapped;
    }
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        i += 6;
        return String.fromCharCode(parseInt(hex, 16));
      }
    }
    throw syntaxError(`The escape sequence '\\${next}' is not valid.`, positionAt(text, start));
  };

  while (i < text.length) {
    const ch = text.charAt(i);
    const start = i;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (ch === '(' || ch === ')' || ch === ',' || ch === '[' || ch === ']') {
      i++;
      const kinds: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', ',': 'comma', '[': 'lbracket', ']': 'rbracket' };
      push(kinds[ch] ?? 'comma', ch, start);
      continue;
    }
    // Jira also accepts the symbolic forms && / & (AND), || / | (OR) and a bare ! (NOT).
    if (two === '&&' || two === '||') {
      i += 2;
      push(two === '&&' ? 'and' : 'or', two, start);
      continue;
    }
    if (ch === '&' || ch === '|') {
      i++;
      push(ch === '&' ? 'and' : 'or', ch, start);
      continue;
    }
    if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
      i += 2;
      push('operator', two, start);
      continue;
    }
    if (ch === '=' || ch === '<' || ch === '>' || ch === '~') {
      i++;
      push('operator', ch, start);
      continue;
    }
    if (ch === '!') {
      i++;
      push('not', ch, start);
      continue;
    }
    if (ch === '"' || ch === "'") {
      i++;
      let value = '';
      for (;;) {
        const c = text[i];
        if (c === undefined) {
          const detail = value.trim() === '' ? 'The quoted string has not been completed.' : `The quoted string '${value}' has not been completed.`;
          throw syntaxError(detail, positionAt(text, start));
        }
        if (c === ch) {
          i++;
          break;
        }
        if (c === '\\') {
          value += readEscape();
          continue;
        }
        value += c;
        i++;
      }
      push('string', value, start, true);
      continue;
    }
    if (RESERVED_CHARS.has(ch)) {
      throw syntaxError(
        `The character '${ch}' is a reserved JQL character. You must enclose it in a string or use the escape '${unicodeEscape(ch)}' instead.`,
        positionAt(text, start),
      );
    }
    // Unquoted word: runs until whitespace or a structural character. Lenient on '.', '/', ':', '@', '+', '-'
    // so that keys (SEC-1), dates (2026/01/31 10:00 needs quotes for the space), e-mails and
    // property paths (issue.property[x].a.b) read naturally.
    let value = '';
    while (i < text.length) {
      const c = text.charAt(i);
      if (isSpace(c) || WORD_STOP.has(c)) break;
      if (RESERVED_CHARS.has(c)) {
        throw syntaxError(
          `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '${unicodeEscape(c)}' instead.`,
          positionAt(text, i),
        );
      }
      if (c === '\\') {
        value += readEscape();
        continue;
      }
      value += c;
      i++;
    }
    push('string', value, start);
  }
  tokens.push({ kind: 'eof', value: '', raw: '', quoted: false, offset: text.length });
  return tokens;
}
