/**
 * ORDER BY: a comparator for Array.prototype.sort built from the query's sort list.
 *
 * Choices (documented because Jira leaves some unspecified):
 *  - No ORDER BY: `created DESC` (newest first), the order Jira Cloud's issue search shows by default.
 *  - A field without ASC/DESC uses its Jira default: created/updated/resolved and priority DESC, others ASC.
 *  - EMPTY values sort after every value ascending, so first when descending (Jira treats "no value" as
 *    the greatest).
 *  - key orders by project key, then by issue number numerically (SEC-9 before SEC-10).
 *  - priority orders by rank (ctx.priorityOrder, highest first): DESC = Highest → Lowest.
 *  - status orders by category (To Do, In Progress, Done) then name: the sandbox has no workflow order.
 *  - user fields order by display name (falling back to account id); text case-insensitively.
 *  - Ties are broken by key descending, then id, so results are stable and deterministic.
 */
import type { FieldId, JqlQuery, SortSpec } from './ast';
import { parseStoredDate } from './dates';
import { DEFAULT_PRIORITY_ORDER, type JqlContext } from './evaluator';
import { isRecord, propertyValues, splitKey, str, type JqlIssueView } from './issue-values';

type SortKey = number | string | [string, number] | null;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const CATEGORY_RANK: Record<string, number> = { new: 0, indeterminate: 1, done: 2 };
const DESC_BY_DEFAULT = new Set<FieldId>(['created', 'updated', 'resolutiondate', 'priority']);

function nameOf(v: unknown, ...props: string[]): string | null {
  if (!isRecord(v)) return null;
  for (const p of props) {
    const s = str(v[p]);
    if (s) return s;
  }
  return null;
}

function keyOf(issue: JqlIssueView): [string, number] {
  const k = splitKey(issue.key);
  return k ? [k.project, k.num] : [issue.key.toUpperCase(), 0];
}

function sortKey(spec: SortSpec, issue: JqlIssueView, ctx: JqlContext): SortKey {
  const f = issue.fields;
  const tz = ctx.userTimeZone ?? 'UTC';
  switch (spec.field.id) {
    case 'issuekey':
      return keyOf(issue);
    case 'created':
    case 'updated':
    case 'resolutiondate':
    case 'duedate':
      return parseStoredDate(f[spec.field.id], tz);
    case 'priority': {
      const name = nameOf(f.priority, 'name');
      const order = (ctx.priorityOrder ?? DEFAULT_PRIORITY_ORDER).map((p) => p.toLowerCase());
      const index = name === null ? -1 : order.indexOf(name.toLowerCase());
      // Greater = more important, so DESC lists Highest first.
      return index < 0 ? null : order.length - index;
    }
    case 'status': {
      const status = f.status;
      const name = nameOf(status, 'name');
      if (name === null) return null;
      const category = isRecord(status) ? nameOf(status.statusCategory, 'key') : null;
      return `${CATEGORY_RANK[category ?? ''] ?? 1}:${name}`;
    }
    case 'statusCategory': {
      const status = f.status;
      const category = isRecord(status) ? nameOf(status.statusCategory, 'key') : null;
      return category === null ? null : (CATEGORY_RANK[category] ?? 1);
    }
    case 'summary':
      return str(f.summary) ?? null;
    case 'project':
      return nameOf(f.project, 'name', 'key') ?? issue.projectKey;
    case 'issuetype':
    case 'resolution':
      return nameOf(f[spec.field.id], 'name');
    case 'assignee':
    case 'reporter':
    case 'creator':
      return nameOf(f[spec.field.id], 'displayName', 'accountId');
    case 'component': {
      const list = Array.isArray(f.components) ? f.components : [];
      const names = list.map((c) => nameOf(c, 'name')).filter((n): n is string => n !== null).sort(collator.compare);
      return names[0] ?? null;
    }
    case 'property': {
      const p = spec.field.property;
      const first = p ? propertyValues(issue, p.key, p.path)[0] : undefined;
      if (typeof first === 'number' || typeof first === 'string') return first;
      if (typeof first === 'boolean') return String(first);
      return null;
    }
    default:
      return null;
  }
}

/** Compares two non-null keys; numbers sort before strings when a property mixes both. */
function compareKeys(a: Exclude<SortKey, null>, b: Exclude<SortKey, null>): number {
  if (Array.isArray(a) && Array.isArray(b)) return collator.compare(a[0], b[0]) || a[1] - b[1];
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return typeof a === 'number' ? -1 : 1;
}

export function defaultDirection(field: FieldId): 'asc' | 'desc' {
  return DESC_BY_DEFAULT.has(field) ? 'desc' : 'asc';
}

const DEFAULT_ORDER: SortSpec[] = [{ field: { name: 'created', id: 'created' }, direction: 'desc' }];

/** Comparator implementing the query's ORDER BY (or the default order) for Array.prototype.sort. */
export function comparator(query: JqlQuery, ctx: JqlContext): (a: JqlIssueView, b: JqlIssueView) => number {
  const specs = query.orderBy.length > 0 ? query.orderBy : DEFAULT_ORDER;
  return (a, b) => {
    for (const spec of specs) {
      const ka = sortKey(spec, a, ctx);
      const kb = sortKey(spec, b, ctx);
      const desc = (spec.direction ?? defaultDirection(spec.field.id)) === 'desc';
      let c: number;
      if (ka === null && kb === null) c = 0;
      else if (ka === null) c = 1;
      else if (kb === null) c = -1;
      else c = compareKeys(ka, kb);
      if (c !== 0) return desc ? -c : c;
    }
    return compareKeys(keyOf(b), keyOf(a)) || collator.compare(b.id, a.id);
  };
}
