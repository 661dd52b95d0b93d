/**
 * Reading JQL-relevant values out of an issue in REST v3 shape. The fields bag is `unknown` JSON, so every
 * accessor checks shapes instead of trusting them: a malformed fixture yields "empty", never a crash.
 */
import type { FieldId } from './ast';
import { adfToText } from './text';

export interface JqlIssueView {
  id: string;
  key: string;
  projectKey: string;
  /** Jira REST v3 field shapes (summary, description ADF, status {name, statusCategory}, ...). */
  fields: Record<string, unknown>;
  /** Issue entity properties by property key (JSON values). */
  properties: Record<string, unknown>;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** The identifying strings of an object-valued field: name, key, id, value (whichever are present). */
function identifiers(obj: unknown, props: readonly string[]): string[] {
  if (typeof obj === 'string') return [obj];
  if (!isRecord(obj)) return [];
  return props.map((p) => str(obj[p])).filter((s): s is string => s !== undefined && s !== '');
}

/** One value of a field, as the set of strings that identify it (e.g. a status by name and id). */
export type NamedValue = string[];

/** The values of an equality-matched field; an empty array means the field is EMPTY. */
export function namedValues(issue: JqlIssueView, id: FieldId): NamedValue[] {
  const f = issue.fields;
  const one = (v: NamedValue): NamedValue[] => (v.length ? [v] : []);
  switch (id) {
    case 'project': {
      const p = f.project;
      return one([issue.projectKey, ...identifiers(p, ['key', 'id', 'name'])]);
    }
    case 'issuekey':
      return one([issue.key, issue.id]);
    case 'parent':
      return one(identifiers(f.parent, ['key', 'id']));
    case 'issuetype':
      return one(identifiers(f.issuetype, ['name', 'id']));
    case 'status':
      return one(identifiers(f.status, ['name', 'id']));
    case 'statusCategory': {
      const status = f.status;
      return one(isRecord(status) ? identifiers(status.statusCategory, ['key', 'name', 'id']) : []);
    }
    case 'priority':
      return one(identifiers(f.priority, ['name', 'id']));
    case 'resolution':
      return one(identifiers(f.resolution, ['name', 'id']));
    case 'assignee':
    case 'reporter':
    case 'creator':
      return one(identifiers(f[id], ['accountId', 'emailAddress', 'displayName']));
    case 'labels':
      return Array.isArray(f.labels) ? f.labels.map((l) => identifiers(l, [])).filter((v) => v.length > 0) : [];
    case 'component': {
      const list = f.components;
      return Array.isArray(list) ? list.map((c) => identifiers(c, ['name', 'id'])).filter((v) => v.length > 0) : [];
    }
    default:
      return [];
  }
}

/** Text of a text field (summary, ADF description/environment, comments; `text` = all of them). */
export function textValue(issue: JqlIssueView, id: FieldId): string {
  const f = issue.fields;
  switch (id) {
    case 'summary':
      return str(f.summary) ?? '';
    case 'description':
      return adfToText(f.description);
    case 'environment':
      return adfToText(f.environment);
    case 'comment': {
      const c = f.comment;
      const comments = isRecord(c) && Array.isArray(c.comments) ? c.comments : Array.isArray(c) ? c : [];
      return comments.map((x) => (isRecord(x) ? adfToText(x.body) : '')).join('\n');
    }
    case 'text':
      return ['summary', 'description', 'environment', 'comment'].map((k) => textValue(issue, k as FieldId)).join('\n');
    default:
      return '';
  }
}

/** Raw stored date of a date field (ISO string or null). */
export function rawDate(issue: JqlIssueView, id: FieldId): unknown {
  return issue.fields[id];
}

/** Splits "SEC-12" into project key and number, or null. */
export function splitKey(key: string): { project: string; num: number } | null {
  const m = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/.exec(key.trim());
  return m?.[1] && m[2] ? { project: m[1].toUpperCase(), num: Number(m[2]) } : null;
}

/** A link of this issue, seen from the *other* issue: its key/id and the description it reads there. */
export interface LinkFromOther {
  otherKey: string;
  otherId: string;
  /** How the other issue describes its link to this one ("is caused by", "blocks", ...). */
  otherDescription: string;
  typeName: string;
}

/**
 * REST semantics: on issue A, `{type, outwardIssue: B}` reads "A <outward> B", so B reads "B <inward> A";
 * `{type, inwardIssue: B}` reads "A <inward> B", so B reads "B <outward> A".
 */
export function linksFromOthers(issue: JqlIssueView): LinkFromOther[] {
  const links = issue.fields.issuelinks;
  if (!Array.isArray(links)) return [];
  const out: LinkFromOther[] = [];
  for (const link of links) {
    if (!isRecord(link)) continue;
    const type = isRecord(link.type) ? link.type : {};
    const typeName = str(type.name) ?? '';
    const outward = link.outwardIssue;
    const inward = link.inwardIssue;
    if (isRecord(outward)) {
      out.push({ otherKey: str(outward.key) ?? '', otherId: str(outward.id) ?? '', otherDescription: str(type.inward) ?? '', typeName });
    }
    if (isRecord(inward)) {
      out.push({ otherKey: str(inward.key) ?? '', otherId: str(inward.id) ?? '', otherDescription: str(type.outward) ?? '', typeName });
    }
  }
  return out;
}

/** Values at `path` inside a property; arrays fan out (Jira indexes each element), null/missing = none. */
export function propertyValues(issue: JqlIssueView, key: string, path: string[]): unknown[] {
  let current: unknown[] = [issue.properties[key]];
  for (const segment of path) {
    const nextValues: unknown[] = [];
    for (const v of current.flatMap((x) => (Array.isArray(x) ? (x as unknown[]) : [x]))) {
      if (isRecord(v) && segment in v) nextValues.push(v[segment]);
    }
    current = nextValues;
  }
  return current.flatMap((x) => (Array.isArray(x) ? (x as unknown[]) : [x])).filter((v) => v !== null && v !== undefined && v !== '');
}
