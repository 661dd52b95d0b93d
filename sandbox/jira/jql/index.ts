/**
 * JQL engine for the Jira sandbox: parse once, then filter and sort issues the way Jira Cloud's
 * `/rest/api/3/search/jql` would. Pure (no I/O); time comes only from `ctx.now`.
 *
 * Usage by the REST emulator:
 *   const q = parseJql(body.jql);                       // throws JqlError → 400 {errorMessages}
 *   const hits = issues.filter((i) => matchesJql(q, i, ctx)).sort(compareByOrder(q, ctx));
 *
 * Module map: lexer → parser (+ fields validation) → ast; evaluator (dates, text, issue-values); ordering.
 */
import type { JqlQuery } from './ast';
import { evaluate, type JqlContext } from './evaluator';
import type { JqlIssueView } from './issue-values';
import { comparator } from './ordering';

export { JqlError } from './errors';
export { parseJql, type ParseOptions, type PropertyAlias } from './parser';
export type { Clause, FieldId, FieldRef, JqlOperator, JqlQuery, Operand, SortSpec } from './ast';
export type { JqlContext } from './evaluator';
export type { JqlIssueView } from './issue-values';
export { adfToText } from './text';

export function matchesJql(query: JqlQuery, issue: JqlIssueView, ctx: JqlContext): boolean {
  return evaluate(query.where, issue, ctx);
}

export function compareByOrder(query: JqlQuery, ctx: JqlContext): (a: JqlIssueView, b: JqlIssueView) => number {
  return comparator(query, ctx);
}

/**
 * Jira Cloud's search/jql rejects "unbounded" queries (empty, or ORDER BY only) with
 * "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."
 * The emulator can use this to do the same.
 */
export function isBoundedQuery(query: JqlQuery): boolean {
  return query.where !== null;
}
