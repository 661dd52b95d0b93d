import { compareByOrder, parseJql, type JqlIssueView } from '../../../sandbox/jira/jql';
import { ALL, ctx, ordered } from './fixtures';

// created: SEC-10 2025-12-31, SEC-1 2026-01-05, SEC-2 02-01, OPS-5 03-02, SEC-3 03-18.
// priority: SEC-2 Highest, SEC-1 High, SEC-10 Medium, SEC-3 Low, OPS-5 none.

describe('ORDER BY', () => {
  it('defaults to created DESC without ORDER BY', () => {
    expect(ordered('')).toEqual(['SEC-3', 'OPS-5', 'SEC-2', 'SEC-1', 'SEC-10']);
    expect(ordered('project = SEC')).toEqual(['SEC-3', 'SEC-2', 'SEC-1', 'SEC-10']);
  });

  it('orders keys by project, then by number numerically', () => {
    expect(ordered('ORDER BY key')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(ordered('ORDER BY issuekey DESC')).toEqual(['SEC-10', 'SEC-3', 'SEC-2', 'SEC-1', 'OPS-5']);
  });

  it('orders dates, with Jira\'s per-field default direction', () => {
    expect(ordered('ORDER BY created ASC')).toEqual(['SEC-10', 'SEC-1', 'SEC-2', 'OPS-5', 'SEC-3']);
    expect(ordered('ORDER BY created')).toEqual(['SEC-3', 'OPS-5', 'SEC-2', 'SEC-1', 'SEC-10']);
    expect(ordered('ORDER BY updated DESC')).toEqual(['SEC-3', 'SEC-1', 'OPS-5', 'SEC-10', 'SEC-2']);
  });

  it('puts EMPTY values last ascending and first descending', () => {
    // Empty due dates (SEC-2, OPS-5) tie and fall back to key DESC.
    expect(ordered('ORDER BY duedate ASC')).toEqual(['SEC-10', 'SEC-1', 'SEC-3', 'SEC-2', 'OPS-5']);
    expect(ordered('ORDER BY due DESC')).toEqual(['SEC-2', 'OPS-5', 'SEC-3', 'SEC-1', 'SEC-10']);
    expect(ordered('ORDER BY resolved ASC')).toEqual(['SEC-2', 'OPS-5', 'SEC-10', 'SEC-3', 'SEC-1']);
  });

  it('orders priority by rank: DESC is Highest → Lowest', () => {
    expect(ordered('project = SEC ORDER BY priority DESC')).toEqual(['SEC-2', 'SEC-1', 'SEC-10', 'SEC-3']);
    expect(ordered('project = SEC ORDER BY priority')).toEqual(['SEC-2', 'SEC-1', 'SEC-10', 'SEC-3']);
    expect(ordered('ORDER BY priority ASC')).toEqual(['SEC-3', 'SEC-10', 'SEC-1', 'SEC-2', 'OPS-5']);
    expect(ordered('project = SEC ORDER BY priority DESC', { ...ctx, priorityOrder: ['Low', 'Medium', 'High', 'Highest'] })).toEqual(['SEC-3', 'SEC-10', 'SEC-1', 'SEC-2']);
  });

  it('orders summary alphabetically, case-insensitively', () => {
    expect(ordered('ORDER BY summary')).toEqual(['SEC-3', 'SEC-2', 'SEC-1', 'OPS-5', 'SEC-10']);
    const lower: JqlIssueView = { id: '9', key: 'SEC-9', projectKey: 'SEC', properties: {}, fields: { summary: 'aaa first' } };
    const upper: JqlIssueView = { id: '8', key: 'SEC-8', projectKey: 'SEC', properties: {}, fields: { summary: 'BBB second' } };
    expect(ordered('ORDER BY summary ASC', ctx, [upper, lower])).toEqual(['SEC-9', 'SEC-8']);
  });

  it('orders status by category then name, and users by display name', () => {
    expect(ordered('ORDER BY status')).toEqual(['SEC-3', 'SEC-1', 'SEC-10', 'OPS-5', 'SEC-2']);
    expect(ordered('ORDER BY assignee')).toEqual(['SEC-10', 'SEC-1', 'SEC-3', 'OPS-5', 'SEC-2']);
  });

  it('applies several sort fields in turn', () => {
    expect(ordered('ORDER BY statusCategory ASC, priority DESC')).toEqual(['SEC-3', 'SEC-1', 'SEC-10', 'OPS-5', 'SEC-2']);
    expect(ordered('ORDER BY project ASC, created ASC')).toEqual(['OPS-5', 'SEC-10', 'SEC-1', 'SEC-2', 'SEC-3']);
  });

  it('orders by an entity property value', () => {
    expect(ordered('ORDER BY issue.property[lessonsLearned].overdueActions ASC')).toEqual(['SEC-2', 'SEC-1', 'SEC-10', 'SEC-3', 'OPS-5']);
    expect(ordered('ORDER BY issue.property[lessonsLearned].overdueActions DESC')).toEqual(['SEC-3', 'OPS-5', 'SEC-10', 'SEC-1', 'SEC-2']);
    expect(ordered('issue.property[lessonsLearned].stage is not EMPTY ORDER BY issue.property[lessonsLearned].stage')).toEqual(['SEC-1', 'SEC-2', 'SEC-10']);
  });

  it('is a consistent comparator (antisymmetric, zero only for the same issue)', () => {
    for (const jql of ['', 'ORDER BY priority', 'ORDER BY duedate ASC, summary', 'ORDER BY assignee DESC']) {
      const cmp = compareByOrder(parseJql(jql), ctx);
      for (const a of ALL) {
        for (const b of ALL) {
          expect(Math.sign(cmp(a, b)) + Math.sign(cmp(b, a))).toBe(0);
          if (a !== b) expect(cmp(a, b)).not.toBe(0);
        }
      }
    }
  });
});
