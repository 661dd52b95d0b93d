/**
 * R23 audit trail: a compact, human-readable list of the leaves that changed between two
 * versions of a section — not a copy of the document. Entries with an `id` (timeline entries,
 * chains, causes, root causes) are matched by id, so inserting one entry reads as one
 * "added", not as every later entry "changed".
 */
export type AuditChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

export interface AuditChange {
  /** e.g. `facts.timestamps.detectedAt`, `timeline[id=t3].text`, `fiveWhys[id=c1].steps[2].because`. */
  path: string;
  kind: AuditChangeKind;
  before?: string;
  after?: string;
}

/** Keeps one audit event far below the KVS value limit even for a wholesale rewrite. */
export const MAX_CHANGES_PER_EVENT = 100;
export const MAX_AUDIT_VALUE_LENGTH = 300;

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Identified = Record<string, Json> & { id: string };

const hasStringId = (value: Json): value is Identified =>
  isRecord(value) && typeof value.id === 'string';

const isPrimitive = (value: Json): value is string | number | boolean | null =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const truncate = (value: string): string =>
  value.length > MAX_AUDIT_VALUE_LENGTH ? `${value.slice(0, MAX_AUDIT_VALUE_LENGTH - 1)}…` : value;

/** A short rendering for people reading the trail: text as is, entries by their text, lists joined. */
export function renderAuditValue(value: Json): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return truncate(value);
  if (isPrimitive(value)) return String(value);
  if (Array.isArray(value) && value.every(isPrimitive)) return truncate(value.map(String).join(', '));
  if (isRecord(value) && typeof value.text === 'string') return truncate(value.text);
  return truncate(JSON.stringify(value));
}

const change = (path: string, kind: AuditChangeKind, before: Json, after: Json): AuditChange => ({
  path,
  kind,
  ...(before === undefined ? {} : { before: renderAuditValue(before) }),
  ...(after === undefined ? {} : { after: renderAuditValue(after) }),
});

function diffEntriesById(path: string, before: readonly Identified[], after: readonly Identified[], out: AuditChange[]): void {
  const beforeById = new Map(before.map((entry) => [entry.id, entry]));
  const afterById = new Map(after.map((entry) => [entry.id, entry]));
  for (const entry of before) {
    if (!afterById.has(entry.id)) out.push(change(`${path}[id=${entry.id}]`, 'removed', entry, undefined));
  }
  for (const entry of after) {
    const previous = beforeById.get(entry.id);
    if (previous === undefined) out.push(change(`${path}[id=${entry.id}]`, 'added', undefined, entry));
    else diffInto(`${path}[id=${entry.id}]`, previous, entry, out);
  }
  const keptBefore = before.filter((entry) => afterById.has(entry.id)).map((entry) => entry.id);
  const keptAfter = after.filter((entry) => beforeById.has(entry.id)).map((entry) => entry.id);
  if (keptBefore.join('\u0000') !== keptAfter.join('\u0000')) {
    out.push({ path, kind: 'reordered', before: truncate(keptBefore.join(', ')), after: truncate(keptAfter.join(', ')) });
  }
}

/** Lists of plain values (tags, accountIds, steps): what was added and removed, or a new order. */
function diffPrimitiveList(path: string, before: readonly Json[], after: readonly Json[], out: AuditChange[]): void {
  const remaining = [...after];
  const removed: Json[] = [];
  for (const value of before) {
    const index = remaining.indexOf(value);
    if (index === -1) removed.push(value);
    else remaining.splice(index, 1);
  }
  for (const value of removed) out.push(change(path, 'removed', value, undefined));
  for (const value of remaining) out.push(change(path, 'added', undefined, value));
  if (removed.length === 0 && remaining.length === 0 && before.some((value, index) => value !== after[index])) {
    out.push(change(path, 'reordered', before, after));
  }
}

function diffArrays(path: string, before: readonly Json[], after: readonly Json[], out: AuditChange[]): void {
  const all = [...before, ...after];
  if (all.length > 0 && all.every(hasStringId)) {
    diffEntriesById(path, before.filter(hasStringId), after.filter(hasStringId), out);
  } else if (all.every(isPrimitive)) {
    diffPrimitiveList(path, before, after, out);
  } else {
    // Entries without ids (why-steps) are positional: step 3 is step 3.
    for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
      diffInto(`${path}[${index}]`, before[index], after[index], out);
    }
  }
}

function diffInto(path: string, before: Json, after: Json, out: AuditChange[]): void {
  if (before === after) return;
  if (before === undefined) {
    out.push(change(path, 'added', undefined, after));
    return;
  }
  if (after === undefined) {
    out.push(change(path, 'removed', before, undefined));
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffArrays(path, before, after, out);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) diffInto(path ? `${path}.${key}` : key, before[key], after[key], out);
    return;
  }
  out.push(change(path, 'changed', before, after));
}

/** The changed leaves between two JSON-like values, with paths starting at `basePath`. */
export function diffForAudit(before: Json, after: Json, basePath = ''): AuditChange[] {
  const out: AuditChange[] = [];
  diffInto(basePath, before, after, out);
  return out;
}

/** "facts.severity: high → critical" — one line per change for logs, e-mails and the report. */
export function formatAuditChange(entry: AuditChange): string {
  switch (entry.kind) {
    case 'added':
      return `${entry.path}: added ${entry.after ?? ''}`.trimEnd();
    case 'removed':
      return `${entry.path}: removed ${entry.before ?? ''}`.trimEnd();
    case 'changed':
      return `${entry.path}: ${entry.before ?? ''} → ${entry.after ?? ''}`;
    case 'reordered':
      return `${entry.path}: reordered`;
  }
}
