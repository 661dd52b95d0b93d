import { matchesJql, parseJql } from '../../../sandbox/jira/jql';
import { ALL, ctx, keys } from './fixtures';

// lessonsLearned: SEC-1 {stage approved, overdueActions 2, reviewedAt 2026-03-10T08:00, tags [root-cause, training],
//   owner acc-alice, flags.published true, notes "...training..."}; SEC-2 {stage draft, overdueActions 0,
//   flags.published false}; SEC-10 {stage review, overdueActions 10, reviewedAt 2026-02-15}.
// llAction on OPS-5: {incidentKey SEC-1, due 2026-03-20, done false}.
const LL = 'issue.property[lessonsLearned]';

describe('issue entity properties in JQL', () => {
  it('compares string values exactly', () => {
    expect(keys(`${LL}.stage = approved`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.stage = "Approved"`)).toEqual([]);
    expect(keys(`${LL}.stage in (draft, review)`)).toEqual(['SEC-2', 'SEC-10']);
    expect(keys('issue.property[llAction].incidentKey = "SEC-1"')).toEqual(['OPS-5']);
    expect(keys('issue.property[llAction].incidentKey = "SEC-12"')).toEqual([]);
  });

  it('!= and NOT IN never match issues without the property', () => {
    expect(keys(`${LL}.stage != approved`)).toEqual(['SEC-2', 'SEC-10']);
    expect(keys(`NOT ${LL}.stage = approved`)).toEqual(['SEC-2', 'SEC-10']);
    expect(keys(`${LL}.stage not in (draft)`)).toEqual(['SEC-1', 'SEC-10']);
  });

  it('supports IS EMPTY on a missing property or path', () => {
    expect(keys(`${LL}.stage is EMPTY`)).toEqual(['OPS-5', 'SEC-3']);
    expect(keys(`${LL}.reviewedAt is not EMPTY`)).toEqual(['SEC-1', 'SEC-10']);
    expect(keys(`${LL} is not EMPTY`)).toEqual(['SEC-1', 'SEC-2', 'SEC-10']);
  });

  it('compares numbers numerically', () => {
    expect(keys(`${LL}.overdueActions > 0`)).toEqual(['SEC-1', 'SEC-10']);
    expect(keys(`${LL}.overdueActions > 5`)).toEqual(['SEC-10']);
    expect(keys(`${LL}.overdueActions >= 2`)).toEqual(['SEC-1', 'SEC-10']);
    expect(keys(`${LL}.overdueActions < 1`)).toEqual(['SEC-2']);
    expect(keys(`${LL}.overdueActions = 0`)).toEqual(['SEC-2']);
    expect(keys(`${LL}.overdueActions = abc`)).toEqual([]);
  });

  it('matches any element of an array value', () => {
    expect(keys(`${LL}.tags = training`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.tags in ("root-cause", other)`)).toEqual(['SEC-1']);
  });

  it('reads nested paths and booleans', () => {
    // true/false are reserved JQL words, so they must be quoted.
    expect(keys(`${LL}.flags.published = "true"`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.flags.published = 'FALSE'`)).toEqual(['SEC-2']);
    expect(keys('issue.property[llAction].done = "false"')).toEqual(['OPS-5']);
  });

  it('compares ISO date strings as dates against date values and functions', () => {
    expect(keys(`${LL}.reviewedAt >= "2026-03-01"`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.reviewedAt < startOfMonth()`)).toEqual(['SEC-10']);
    expect(keys(`${LL}.reviewedAt > -30d`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.reviewedAt > -35d`)).toEqual(['SEC-1', 'SEC-10']);
    expect(keys('issue.property[llAction].due <= 2d')).toEqual(['OPS-5']);
    expect(keys('issue.property[llAction].due < now()')).toEqual([]);
  });

  it('supports currentUser() for user-valued properties', () => {
    expect(keys(`${LL}.owner = currentUser()`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.owner = currentUser()`, { ...ctx, currentAccountId: 'acc-bob' })).toEqual([]);
  });

  it('supports ~ text search on string values', () => {
    expect(keys(`${LL}.notes ~ training`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.notes ~ "finance staff"`)).toEqual(['SEC-1']);
    expect(keys(`${LL}.notes !~ payroll`)).toEqual(['SEC-1']);
  });

  it('combines with ordinary clauses', () => {
    expect(keys(`project = SEC AND ${LL}.overdueActions > 0 AND statusCategory != Done`)).toEqual(['SEC-1', 'SEC-10']);
    expect(keys(`issue.property["lessonsLearned"].stage = approved OR issue.property[llAction].incidentKey = SEC-1`)).toEqual(['OPS-5', 'SEC-1']);
  });

  it('unknown property keys simply match nothing', () => {
    expect(keys('issue.property[nope].x = 1')).toEqual([]);
  });
});

describe("an app's search aliases (jira:entityProperty searchAlias)", () => {
  const aliases = new Map([
    ['llstage', { key: 'lessonsLearned', path: ['stage'] }],
    ['lloverdueactions', { key: 'lessonsLearned', path: ['overdueActions'] }],
    ['lltags', { key: 'lessonsLearned', path: ['tags'] }],
    ['status', { key: 'lessonsLearned', path: ['stage'] }],
  ]);
  const aliased = (jql: string): string[] => {
    const query = parseJql(jql, { propertyAliases: aliases });
    return ALL.filter((issue) => matchesJql(query, issue, ctx)).map((issue) => issue.key).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  };

  it('stand for the property path, case-insensitively, with every operator of the path', () => {
    expect(aliased('llStage = approved')).toEqual(keys(`${LL}.stage = approved`));
    expect(aliased('LLSTAGE in (draft, review)')).toEqual(['SEC-2', 'SEC-10']);
    expect(aliased('llOverdueActions > 5')).toEqual(['SEC-10']);
    expect(aliased('llTags = training AND project = SEC')).toEqual(['SEC-1']);
  });

  it('never shadow a system field, and are unknown without the app', () => {
    expect(aliased('status = Done')).toEqual(keys('status = Done'));
    expect(() => parseJql('llStage = approved')).toThrow("Field 'llStage' does not exist or you do not have permission to view it.");
  });
});
