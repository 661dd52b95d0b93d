/**
 * The parsed form of a JQL query. Plain data (JSON-serialisable) so it can be logged or snapshotted.
 */

export type JqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

/** The system fields this engine knows, after alias resolution (type → issuetype, due → duedate, ...). */
export type FieldId =
  | 'project'
  | 'issuekey'
  | 'issuetype'
  | 'status'
  | 'statusCategory'
  | 'priority'
  | 'assignee'
  | 'reporter'
  | 'creator'
  | 'labels'
  | 'component'
  | 'resolution'
  | 'created'
  | 'updated'
  | 'resolutiondate'
  | 'duedate'
  | 'summary'
  | 'description'
  | 'environment'
  | 'comment'
  | 'text'
  | 'parent'
  | 'property';

export interface FieldRef {
  /** The name as written in the query (used in messages, like Jira). */
  name: string;
  id: FieldId;
  /** For `issue.property[key].a.b`: the property key and the path segments (possibly empty). */
  property?: { key: string; path: string[] };
}

export type Operand =
  | { kind: 'value'; value: string; quoted: boolean }
  | { kind: 'empty' }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'list'; items: Operand[] };

export type Clause =
  | { kind: 'and'; clauses: Clause[] }
  | { kind: 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause }
  | { kind: 'terminal'; field: FieldRef; operator: JqlOperator; operand: Operand };

export interface SortSpec {
  field: FieldRef;
  /** Undefined when the query gave no direction: the field's default applies (see ordering.ts). */
  direction?: 'asc' | 'desc';
}

export interface JqlQuery {
  /** The original text, for logs. */
  text: string;
  /** Null for an empty query or one with only ORDER BY (an "unbounded" query in Jira's terms). */
  where: Clause | null;
  /** Empty when there is no ORDER BY clause. */
  orderBy: SortSpec[];
}
