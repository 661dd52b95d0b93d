/**
 * Evaluates a parsed query against one issue.
 *
 * Negation follows Jira: NOT is pushed down to the clauses (De Morgan) and flips their operators
 * (= ↔ !=, IN ↔ NOT IN, IS ↔ IS NOT, ~ ↔ !~, < ↔ >=, > ↔ <=). Combined with Jira's rule that the negative
 * operators never match an EMPTY field, `NOT assignee = bob` therefore skips unassigned issues exactly as
 * `assignee != bob` does.
 */
import type { Clause, FieldRef, JqlOperator, Operand } from './ast';
import { evaluateDateFunction, isDateFunction, isDateValue, parseStoredDate, resolveDateValue, type DateContext } from './dates';
import { FIELDS } from './fields';
import { isRecord, linksFromOthers, namedValues, propertyValues, rawDate, splitKey, str, textValue, type JqlIssueView } from './issue-values';
import { analyze, parseTextQuery, textMatches } from './text';

export interface JqlContext {
  /** The searching user; `currentUser()` matches nothing when absent (anonymous or app). */
  currentAccountId?: string;
  now: Date;
  /** IANA zone used for date literals and startOf…/endOf… (Jira uses the user's zone). Default "UTC". */
  userTimeZone?: string;
  /** First day of the week for startOfWeek()/endOfWeek(): 0 = Sunday (Jira's en_US default) … 6. */
  weekStartsOn?: number;
  /** Priority names from highest to lowest, for `priority > X` and ORDER BY priority. Default: Jira's five. */
  priorityOrder?: string[];
}

export const DEFAULT_PRIORITY_ORDER = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

export function dateContext(ctx: JqlContext): DateContext {
  return { now: ctx.now, timeZone: ctx.userTimeZone ?? 'UTC', weekStartsOn: ctx.weekStartsOn ?? 0 };
}

const NEGATED: Record<JqlOperator, JqlOperator> = {
  '=': '!=',
  '!=': '=',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
  '~': '!~',
  '!~': '~',
  in: 'not in',
  'not in': 'in',
  is: 'is not',
  'is not': 'is',
};

/** A single operand item (lists are flattened into these). */
type Item = { kind: 'empty' } | { kind: 'value'; value: string } | { kind: 'function'; name: string; args: string[] };

function items(operand: Operand): Item[] {
  switch (operand.kind) {
    case 'list':
      return operand.items.flatMap(items);
    case 'empty':
      return [{ kind: 'empty' }];
    case 'value':
      return [{ kind: 'value', value: operand.value }];
    case 'function':
      return [{ kind: 'function', name: operand.name, args: operand.args }];
  }
}

/** How one field of one issue answers the questions the operators ask. */
interface Subject {
  isEmpty(): boolean;
  /** Positive equality with one operand item (never called with EMPTY). */
  equals(item: Item): boolean;
  /** Signs of (stored value − operand) for each comparable stored value; empty when incomparable. */
  compare(item: Item): number[];
  text(): string;
}

const ci = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

class Evaluator {
  private readonly dates: DateContext;

  constructor(
    private readonly issue: JqlIssueView,
    private readonly ctx: JqlContext,
  ) {
    this.dates = dateContext(ctx);
  }

  clause(c: Clause, negated: boolean): boolean {
    switch (c.kind) {
      case 'and':
        return negated ? c.clauses.some((x) => this.clause(x, true)) : c.clauses.every((x) => this.clause(x, false));
      case 'or':
        return negated ? c.clauses.every((x) => this.clause(x, true)) : c.clauses.some((x) => this.clause(x, false));
      case 'not':
        return this.clause(c.clause, !negated);
      case 'terminal':
        return this.terminal(c.field, negated ? NEGATED[c.operator] : c.operator, c.operand);
    }
  }

  private terminal(field: FieldRef, op: JqlOperator, operand: Operand): boolean {
    const subject = this.subject(field);
    const list = items(operand);
    const positive = (): boolean => list.some((it) => (it.kind === 'empty' ? subject.isEmpty() : subject.equals(it)));
    switch (op) {
      case 'is':
        return subject.isEmpty();
      case 'is not':
        return !subject.isEmpty();
      case '=':
      case 'in':
        return positive();
      case '!=':
      case 'not in':
        // Jira: the negative operators never match an issue whose field is EMPTY.
        return !subject.isEmpty() && !list.some((it) => it.kind !== 'empty' && subject.equals(it));
      case '~':
      case '!~': {
        if (subject.isEmpty()) return false;
        const query = list[0]?.kind === 'value' ? list[0].value : '';
        const matched = textMatches(parseTextQuery(query), analyze(subject.text()));
        return op === '~' ? matched : !matched;
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const item = list[0];
        if (!item || item.kind === 'empty') return false;
        const test = { '<': (s: number) => s < 0, '<=': (s: number) => s <= 0, '>': (s: number) => s > 0, '>=': (s: number) => s >= 0 }[op];
        return subject.compare(item).some(test);
      }
    }
  }

  /** Instant of a date operand item (literal, period, epoch ms or date function), or null. */
  private instantOf(item: Item): number | null {
    if (item.kind === 'value') return resolveDateValue(item.value, this.dates);
    if (item.kind === 'function' && isDateFunction(item.name)) return evaluateDateFunction(item.name, item.args, this.dates);
    return null;
  }

  private subject(field: FieldRef): Subject {
    const def = FIELDS[field.id];
    switch (def.kind) {
      case 'date':
        return this.dateSubject(parseStoredDate(rawDate(this.issue, field.id), this.dates.timeZone));
      case 'text': {
        const text = textValue(this.issue, field.id);
        return { isEmpty: () => text.trim() === '', equals: () => false, compare: () => [], text: () => text };
      }
      case 'property':
        return this.propertySubject(field.property?.key ?? '', field.property?.path ?? []);
      default:
        return this.namedSubject(field);
    }
  }

  private dateSubject(stored: number | null): Subject {
    return {
      isEmpty: () => stored === null,
      equals: (item) => {
        const at = this.instantOf(item);
        return stored !== null && at !== null && stored === at;
      },
      compare: (item) => {
        const at = this.instantOf(item);
        return stored === null || at === null ? [] : [Math.sign(stored - at)];
      },
      text: () => '',
    };
  }

  private namedSubject(field: FieldRef): Subject {
    const id = field.id;
    const values = namedValues(this.issue, id);
    const issue = this.issue;
    const subject: Subject = {
      isEmpty: () => values.length === 0,
      equals: (item) => {
        if (item.kind === 'function') return this.functionEquals(item, values);
        if (item.kind !== 'value') return false;
        // `resolution = Unresolved` is Jira's spelling of "no resolution".
        if (id === 'resolution' && ci(item.value, 'unresolved')) return values.length === 0;
        if (id === 'issuekey') return ci(item.value, issue.key) || item.value === issue.id;
        return values.some((names) => names.some((n) => ci(n, item.value)));
      },
      compare: (item) => {
        if (item.kind !== 'value') return [];
        if (id === 'priority') {
          const order = (this.ctx.priorityOrder ?? DEFAULT_PRIORITY_ORDER).map((p) => p.toLowerCase());
          const rank = (name: string): number => order.indexOf(name.toLowerCase());
          const target = rank(item.value);
          const own = values[0]?.map(rank).find((r) => r >= 0);
          // Higher priority is "greater": index 0 (Highest) ranks above the rest.
          return target < 0 || own === undefined ? [] : [Math.sign(target - own)];
        }
        if (id === 'issuekey') {
          if (/^\d+$/.test(item.value)) return [Math.sign(Number(issue.id) - Number(item.value))];
          const mine = splitKey(issue.key);
          const theirs = splitKey(item.value);
          // Jira compares keys only within the same project: `key > SEC-10` never matches OPS-11.
          return mine && theirs && mine.project === theirs.project ? [Math.sign(mine.num - theirs.num)] : [];
        }
        return [];
      },
      text: () => '',
    };
    return subject;
  }

  private functionEquals(fn: { name: string; args: string[] }, values: string[][]): boolean {
    const lower = fn.name.toLowerCase();
    if (lower === 'currentuser') {
      const me = this.ctx.currentAccountId;
      return me !== undefined && values.some((names) => names[0] === me);
    }
    if (lower === 'linkedissues') {
      const [target = '', linkType] = fn.args;
      return linksFromOthers(this.issue).some(
        (l) =>
          (ci(l.otherKey, target) || l.otherId === target) &&
          (linkType === undefined || ci(l.otherDescription, linkType) || ci(l.typeName, linkType)),
      );
    }
    if (lower === 'standardissuetypes' || lower === 'subtaskissuetypes') {
      const type = this.issue.fields.issuetype;
      const subtask = isRecord(type) && type.subtask === true;
      return values.length > 0 && subtask === (lower === 'subtaskissuetypes');
    }
    return false;
  }

  /**
   * Entity property values as Jira's property index sees them, typed by the stored JSON: numbers compare
   * numerically, ISO-date strings as dates when the operand is a date, other strings exactly (and by
   * code-unit order for ranges), booleans as "true"/"false"; `~` runs a text search over string values.
   */
  private propertySubject(key: string, path: string[]): Subject {
    const values = propertyValues(this.issue, key, path);
    const me = this.ctx.currentAccountId;
    const storedDate = (v: unknown): number | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? parseStoredDate(v, this.dates.timeZone) : null);
    const operandDate = (item: Item): number | null => {
      if (item.kind === 'function') return this.instantOf(item);
      return item.kind === 'value' && isDateValue(item.value) && !/^\d+$/.test(item.value) ? this.instantOf(item) : null;
    };
    const cmp = (v: unknown, item: Item): number | null => {
      if (item.kind === 'function' && item.name.toLowerCase() === 'currentuser') {
        return me !== undefined && v === me ? 0 : null;
      }
      const d = storedDate(v);
      const od = operandDate(item);
      if (d !== null && od !== null) return Math.sign(d - od);
      if (item.kind !== 'value') return null;
      if (typeof v === 'number') {
        const n = Number(item.value);
        return item.value.trim() !== '' && Number.isFinite(n) ? Math.sign(v - n) : null;
      }
      if (typeof v === 'boolean') return String(v) === item.value.toLowerCase() ? 0 : null;
      if (typeof v === 'string') return v === item.value ? 0 : v < item.value ? -1 : 1;
      return null;
    };
    return {
      isEmpty: () => values.length === 0,
      equals: (item) => values.some((v) => cmp(v, item) === 0),
      compare: (item) => values.map((v) => cmp(v, item)).filter((c): c is number => c !== null),
      text: () => values.map((v) => str(v) ?? '').join('\n'),
    };
  }
}

/** True if the issue satisfies the query's WHERE part (an empty query matches every issue). */
export function evaluate(where: Clause | null, issue: JqlIssueView, ctx: JqlContext): boolean {
  return where === null || new Evaluator(issue, ctx).clause(where, false);
}
