/**
 * Recursive-descent JQL parser producing the AST in ast.ts, then validating it (fields.ts).
 *
 * Precedence, strongest first, as Jira documents it: parentheses, comparison clauses, NOT, AND, OR —
 * so `a OR b AND NOT c` is `a OR (b AND (NOT c))`.
 *
 *   query    := [or] [ORDER BY sort ("," sort)*] EOF
 *   or       := and (OR and)*
 *   and      := not (AND not)*
 *   not      := (NOT | "!") not | "(" or ")" | terminal
 *   terminal := field operator operand
 *   field    := name | name "[" arg "]" [".path"]      (issue.property[key].a.b)
 *   operand  := EMPTY | NULL | value | function | "(" operand ("," operand)* ")"
 */
import type { Clause, FieldRef, JqlOperator, JqlQuery, Operand, SortSpec } from './ast';
import { JqlError, positionAt, syntaxError, unknownField } from './errors';
import { FIELDS, isSystemField, resolveField, validateClause } from './fields';
import { tokenize, type Token } from './lexer';

/** Jira's reserved words (Cloud list): unquoted, they are an error wherever a value or field is expected. */
const RESERVED_WORDS = new Set(
  (
    'a an abort access add after alias all alter and any are as asc at audit avg be before begin between boolean break but by byte ' +
    'catch cf changed char character check checkpoint collate collation column commit connect continue count create current date decimal declare ' +
    'decrement default defaults define delete delimiter desc difference distinct divide do double drop else empty encoding end equals escape ' +
    'exclusive exec execute exists explain false fetch file field first float for from function go goto grant greater group having identified ' +
    'if immediate in increment index initial inner inout input insert int integer intersect intersection into is isempty isnull it join last ' +
    'left less like limit lock long max min minus mode modify modulo more multiply next no noaudit not notin nowait null number object of on ' +
    'option or order outer output power previous prior privileges public raise raw remainder rename resource return returns revoke right row ' +
    'rowid rownum rows select session set share size sqrt start strict string subtract such sum synonym table that the their then there these ' +
    'they this to trans transaction trigger true uid union unique update user validate values view was when whenever where while will with'
  ).split(' '),
);

/** JQL's own keywords: when one appears where a value/field is expected Jira suggests quoting it. */
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'order', 'by', 'asc', 'desc', 'was', 'changed', 'empty', 'null']);

const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS', 'IS NOT', 'WAS', 'WAS IN', 'WAS NOT', 'WAS NOT IN' and 'CHANGED'.";

/**
 * An app's `jira:entityProperty` searchAlias: a plain JQL field name standing for
 * `issue.property[key].path` (Jira registers them when the app is installed).
 */
export interface PropertyAlias {
  key: string;
  path: string[];
}

export interface ParseOptions {
  /** Lower-cased alias → property path. System field names win over aliases, as in Jira. */
  propertyAliases?: ReadonlyMap<string, PropertyAlias>;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly options: ParseOptions = {},
  ) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** An unquoted word equal (case-insensitively) to `word`. */
  private isWord(t: Token, word: string): boolean {
    return t.kind === 'string' && !t.quoted && t.value.toLowerCase() === word;
  }

  private isAnd(t: Token): boolean {
    return t.kind === 'and' || this.isWord(t, 'and');
  }

  private isOr(t: Token): boolean {
    return t.kind === 'or' || this.isWord(t, 'or');
  }

  private isNot(t: Token): boolean {
    return t.kind === 'not' || this.isWord(t, 'not');
  }

  private error(detail: string, t: Token): JqlError {
    return syntaxError(detail, positionAt(this.text, t.offset));
  }

  parseQuery(): JqlQuery {
    let where: Clause | null = null;
    const first = this.peek();
    if (first.kind !== 'eof' && !this.isWord(first, 'order')) where = this.parseOr();
    const orderBy: SortSpec[] = [];
    const t = this.peek();
    if (this.isWord(t, 'order')) {
      this.next();
      const by = this.next();
      if (!this.isWord(by, 'by')) {
        if (by.kind === 'eof') throw syntaxError("Expecting 'by' before the end of the query.");
        throw this.error(`Expecting 'by' but got '${by.raw}'.`, by);
      }
      orderBy.push(...this.parseSortList());
    } else if (t.kind !== 'eof') {
      throw this.error(`Expecting either 'OR' or 'AND' but got '${t.raw}'.`, t);
    }
    if (where) validateClause(where);
    return { text: this.text, where, orderBy };
  }

  private parseOr(): Clause {
    const clauses = [this.parseAnd()];
    while (this.isOr(this.peek())) {
      this.next();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? (clauses[0] as Clause) : { kind: 'or', clauses };
  }

  private parseAnd(): Clause {
    const clauses = [this.parseNot()];
    while (this.isAnd(this.peek())) {
      this.next();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? (clauses[0] as Clause) : { kind: 'and', clauses };
  }

  private parseNot(): Clause {
    const t = this.peek();
    if (this.isNot(t)) {
      this.next();
      return { kind: 'not', clause: this.parseNot() };
    }
    if (t.kind === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.kind !== 'rparen') {
        if (close.kind === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
        throw this.error(`Expecting ')' but got '${close.raw}'.`, close);
      }
      return inner;
    }
    return this.parseTerminal();
  }

  private parseTerminal(): Clause {
    const field = this.parseField();
    const operator = this.parseOperator();
    const operand = this.parseOperand(true);
    return { kind: 'terminal', field, operator, operand };
  }

  /** Reads a field reference, including `issue.property[key].path`; unknown names throw Jira's error. */
  private parseField(): FieldRef {
    const t = this.next();
    if (t.kind === 'eof') throw syntaxError('Expecting a field name before the end of the query.');
    if (t.kind !== 'string') throw this.error(`Expecting a field name but got '${t.raw}'.`, t);
    // `cf` is reserved yet legal as the custom-field syntax cf[10001].
    if (!t.quoted && this.peek().kind !== 'lbracket') this.rejectReserved(t, 'field name');
    if (this.peek().kind !== 'lbracket') {
      const alias = isSystemField(t.value) ? undefined : this.options.propertyAliases?.get(t.value.toLowerCase());
      return alias === undefined ? resolveField(t.value) : { name: t.value, id: 'property', property: { key: alias.key, path: [...alias.path] } };
    }

    this.next();
    const arg = this.next();
    if (arg.kind !== 'string') throw this.error(`Expecting a property key but got '${arg.raw}'.`, arg);
    const close = this.next();
    if (close.kind !== 'rbracket') {
      if (close.kind === 'eof') throw syntaxError("Expecting ']' before the end of the query.");
      throw this.error(`Expecting ']' but got '${close.raw}'.`, close);
    }
    if (t.value.toLowerCase() !== 'issue.property') throw unknownField(`${t.value}[${arg.value}]`);
    let path: string[] = [];
    const after = this.peek();
    if (after.kind === 'string' && !after.quoted && after.value.startsWith('.')) {
      this.next();
      path = after.value.slice(1).split('.');
      if (path.some((p) => p === '')) throw this.error(`The property path '${after.value}' is not valid.`, after);
    }
    const name = `issue.property[${arg.value}]${path.length ? `.${path.join('.')}` : ''}`;
    return { name, id: 'property', property: { key: arg.value, path } };
  }

  private parseOperator(): JqlOperator {
    const t = this.next();
    if (t.kind === 'operator') return t.value as JqlOperator;
    if (this.isWord(t, 'in')) return 'in';
    if (this.isNot(t) && this.isWord(this.peek(), 'in')) {
      this.next();
      return 'not in';
    }
    if (this.isWord(t, 'is')) {
      if (this.isNot(this.peek())) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (this.isWord(t, 'was') || this.isWord(t, 'changed')) {
      throw this.error(`The history operator '${t.value.toUpperCase()}' is not supported by the sandbox JQL engine.`, t);
    }
    if (t.kind === 'eof') throw syntaxError(`Expecting operator before the end of the query. ${VALID_OPERATORS}`);
    throw this.error(`Expecting operator but got '${t.raw}'. ${VALID_OPERATORS}`, t);
  }

  private parseOperand(allowList: boolean): Operand {
    const t = this.peek();
    if (t.kind === 'lparen' && allowList) {
      this.next();
      const items: Operand[] = [this.parseOperand(false)];
      for (;;) {
        const sep = this.next();
        if (sep.kind === 'rparen') break;
        if (sep.kind === 'comma') {
          items.push(this.parseOperand(false));
          continue;
        }
        if (sep.kind === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
        throw this.error(`Expecting ')' but got '${sep.raw}'.`, sep);
      }
      return { kind: 'list', items };
    }
    if (t.kind === 'eof') throw syntaxError('Expecting either a value, list or function before the end of the query.');
    if (t.kind !== 'string') throw this.error(`Expecting either a value, list or function but got '${t.raw}'.`, t);
    this.next();
    if (!t.quoted && (t.value.toLowerCase() === 'empty' || t.value.toLowerCase() === 'null')) return { kind: 'empty' };
    if (!t.quoted && this.peek().kind === 'lparen') return { kind: 'function', name: t.value, args: this.parseArgs() };
    if (!t.quoted) {
      if (KEYWORDS.has(t.value.toLowerCase())) {
        throw this.error(`Expecting either a value, list or function but got '${t.raw}'. You must surround '${t.raw}' in quotation marks to use it as a value.`, t);
      }
      this.rejectReserved(t, 'value');
    }
    return { kind: 'value', value: t.value, quoted: t.quoted };
  }

  private parseArgs(): string[] {
    this.next(); // "("
    const args: string[] = [];
    if (this.peek().kind === 'rparen') {
      this.next();
      return args;
    }
    for (;;) {
      const arg = this.next();
      if (arg.kind !== 'string') {
        if (arg.kind === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
        throw this.error(`Expecting a function argument but got '${arg.raw}'.`, arg);
      }
      args.push(arg.value);
      const sep = this.next();
      if (sep.kind === 'rparen') return args;
      if (sep.kind === 'comma') continue;
      if (sep.kind === 'eof') throw syntaxError("Expecting ')' before the end of the query.");
      throw this.error(`Expecting ')' but got '${sep.raw}'.`, sep);
    }
  }

  private parseSortList(): SortSpec[] {
    const specs: SortSpec[] = [];
    for (;;) {
      const field = this.parseField();
      if (!FIELDS[field.id].sortable) throw new JqlError(`Field '${field.name}' does not support sorting.`);
      const spec: SortSpec = { field };
      const dir = this.peek();
      if (this.isWord(dir, 'asc') || this.isWord(dir, 'desc')) {
        this.next();
        spec.direction = dir.value.toLowerCase() as 'asc' | 'desc';
      }
      specs.push(spec);
      const sep = this.next();
      if (sep.kind === 'eof') return specs;
      if (sep.kind !== 'comma') {
        const expected = spec.direction ? "Expecting ','" : "Expecting either 'ASC' or 'DESC'";
        throw this.error(`${expected} but got '${sep.raw}'.`, sep);
      }
    }
  }

  private rejectReserved(t: Token, role: 'field name' | 'value'): void {
    const lower = t.value.toLowerCase();
    if (KEYWORDS.has(lower)) {
      throw this.error(`Expecting a ${role} but got '${t.raw}'. You must surround '${t.raw}' in quotation marks to use it as a ${role}.`, t);
    }
    if (RESERVED_WORDS.has(lower)) {
      throw this.error(`'${t.raw}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, t);
    }
  }
}

/**
 * Parses and validates a JQL query. Whitespace-only text is the empty query (matches everything).
 * Throws JqlError with Jira's wording for syntax errors, unknown fields/functions, unsupported operators
 * and malformed dates.
 */
export function parseJql(text: string, options: ParseOptions = {}): JqlQuery {
  return new Parser(text, tokenize(text), options).parseQuery();
}
