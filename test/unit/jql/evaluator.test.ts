import { keys } from './fixtures';

describe('matchesJql: combining clauses', () => {
  it('matches everything for the empty query', () => {
    expect(keys('')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('ORDER BY key')).toHaveLength(5);
  });

  it('applies AND before OR, and parentheses first', () => {
    expect(keys('project = OPS OR status = Done AND priority = Highest')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('(project = OPS OR status = Done) AND priority = Highest')).toEqual(['SEC-2']);
  });

  it('pushes NOT down like Jira, so negated clauses never match EMPTY fields', () => {
    // OPS-5 has no priority: `priority != High` (what NOT turns `priority = High` into) excludes it.
    expect(keys('NOT (status = Done OR priority = High)')).toEqual(['SEC-3', 'SEC-10']);
    expect(keys('NOT assignee = currentUser()')).toEqual(['OPS-5', 'SEC-3']);
    expect(keys('NOT resolution is EMPTY')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('NOT NOT project = OPS')).toEqual(['OPS-5']);
    expect(keys('NOT (project = SEC AND NOT labels = phishing)')).toEqual(['OPS-5', 'SEC-1', 'SEC-10']);
  });
});

describe('matchesJql: fields', () => {
  it('project by key, id or name, case-insensitively', () => {
    expect(keys('project = sec')).toEqual(['SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('project = 10200')).toEqual(['OPS-5']);
    expect(keys('project = "Security Incidents" AND priority = Highest')).toEqual(['SEC-2']);
    expect(keys('project != SEC')).toEqual(['OPS-5']);
    expect(keys('project in (OPS, SEC)')).toHaveLength(5);
    expect(keys('project is EMPTY')).toEqual([]);
  });

  it('key / issue / id by key or numeric id, and key comparison within a project', () => {
    expect(keys('key = SEC-1')).toEqual(['SEC-1']);
    expect(keys('issue = sec-10')).toEqual(['SEC-10']);
    expect(keys('id = 20005')).toEqual(['OPS-5']);
    expect(keys('issuekey in (SEC-1, 20005, NOPE-1)')).toEqual(['OPS-5', 'SEC-1']);
    expect(keys('key != SEC-1')).toEqual(['OPS-5', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('key not in (SEC-1, SEC-2)')).toEqual(['OPS-5', 'SEC-3', 'SEC-10']);
    expect(keys('key > SEC-2')).toEqual(['SEC-3', 'SEC-10']);
    expect(keys('key <= SEC-2')).toEqual(['SEC-1', 'SEC-2']);
    expect(keys('key < OPS-10')).toEqual(['OPS-5']);
    expect(keys('id > 10005')).toEqual(['OPS-5', 'SEC-10']);
  });

  it('issuetype / type, including standardIssueTypes() and subTaskIssueTypes()', () => {
    expect(keys('type = incident')).toEqual(['SEC-1', 'SEC-2', 'SEC-10']);
    expect(keys('issuetype = 10002')).toEqual(['SEC-3']);
    expect(keys('type != Task')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-10']);
    expect(keys('issuetype in standardIssueTypes()')).toEqual(['SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('issuetype in subTaskIssueTypes()')).toEqual(['OPS-5']);
    expect(keys('issuetype not in subTaskIssueTypes()')).toEqual(['SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
  });

  it('status by name or id', () => {
    expect(keys('status = "in progress"')).toEqual(['SEC-1']);
    expect(keys('status in ("To Do", Closed)')).toEqual(['OPS-5', 'SEC-3']);
    expect(keys('status != Done')).toEqual(['OPS-5', 'SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('status = 10002')).toEqual(['SEC-10']);
  });

  it('statusCategory by name, key or id', () => {
    expect(keys('statusCategory = Done')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('statusCategory = indeterminate')).toEqual(['SEC-1', 'SEC-10']);
    expect(keys('statusCategory = "In Progress"')).toEqual(['SEC-1', 'SEC-10']);
    expect(keys('statusCategory = 2')).toEqual(['SEC-3']);
    expect(keys('statusCategory != "To Do"')).toEqual(['OPS-5', 'SEC-1', 'SEC-2', 'SEC-10']);
  });

  it('priority by name and by rank', () => {
    expect(keys('priority = high')).toEqual(['SEC-1']);
    expect(keys('priority > Medium')).toEqual(['SEC-1', 'SEC-2']);
    expect(keys('priority >= Medium')).toEqual(['SEC-1', 'SEC-2', 'SEC-10']);
    expect(keys('priority <= Medium')).toEqual(['SEC-3', 'SEC-10']);
    expect(keys('priority < Lowest')).toEqual([]);
    expect(keys('priority is EMPTY')).toEqual(['OPS-5']);
    expect(keys('priority != High')).toEqual(['SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('priority > Medium', { now: new Date(), priorityOrder: ['P1', 'Medium', 'High', 'Highest'] })).toEqual([]);
  });

  it('assignee / reporter by accountId, name or e-mail, currentUser() and EMPTY', () => {
    expect(keys('assignee = currentUser()')).toEqual(['SEC-1', 'SEC-10']);
    expect(keys('assignee = acc-bob')).toEqual(['SEC-3']);
    expect(keys('assignee = "bob baker"')).toEqual(['SEC-3']);
    expect(keys('assignee = "carol@example.com"')).toEqual(['OPS-5']);
    expect(keys('assignee is EMPTY')).toEqual(['SEC-2']);
    expect(keys('assignee = EMPTY')).toEqual(['SEC-2']);
    expect(keys('assignee != currentUser()')).toEqual(['OPS-5', 'SEC-3']);
    expect(keys('assignee != currentUser() OR assignee is EMPTY')).toEqual(['OPS-5', 'SEC-2', 'SEC-3']);
    expect(keys('assignee in (acc-bob, EMPTY)')).toEqual(['SEC-2', 'SEC-3']);
    expect(keys('assignee not in (acc-alice, acc-carol)')).toEqual(['SEC-3']);
    expect(keys('assignee in (currentUser(), acc-carol)')).toEqual(['OPS-5', 'SEC-1', 'SEC-10']);
    expect(keys('reporter = currentUser()')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('reporter != acc-bob')).toEqual(['OPS-5', 'SEC-2', 'SEC-10']);
  });

  it('currentUser() matches nothing without a current user (anonymous / app)', () => {
    const anonymous = { now: new Date('2026-03-18T14:30:00.000Z') };
    expect(keys('assignee = currentUser()', anonymous)).toEqual([]);
    expect(keys('assignee != currentUser()', anonymous)).toEqual(['OPS-5', 'SEC-1', 'SEC-3', 'SEC-10']);
  });

  it('labels: any label, case-insensitive; != and NOT IN skip issues without labels', () => {
    expect(keys('labels = phishing')).toEqual(['SEC-1', 'SEC-10']);
    expect(keys('labels = hardware')).toEqual(['SEC-3']);
    expect(keys('labels in (email, "access")')).toEqual(['SEC-1', 'SEC-10']); // access is a reserved word
    expect(keys('labels = phishing AND labels = email')).toEqual(['SEC-1']);
    expect(keys('labels != phishing')).toEqual(['SEC-3']);
    expect(keys('labels not in (email)')).toEqual(['SEC-3', 'SEC-10']);
    expect(keys('labels is EMPTY')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('labels is not EMPTY')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
  });

  it('component by name or id', () => {
    expect(keys('component = "email gateway"')).toEqual(['SEC-1']);
    expect(keys('component = VPN')).toEqual(['SEC-10']);
    expect(keys('component = 12')).toEqual(['SEC-10']);
    expect(keys('component is EMPTY')).toEqual(['OPS-5', 'SEC-2', 'SEC-3']);
  });

  it('resolution including the Unresolved keyword', () => {
    expect(keys('resolution = Unresolved')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('resolution is EMPTY')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
    expect(keys('resolution != Unresolved')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('resolution = "won\'t do"')).toEqual(['OPS-5']);
    expect(keys('resolution in (Done, Unresolved)')).toEqual(['SEC-1', 'SEC-2', 'SEC-3', 'SEC-10']);
    expect(keys('resolution not in (Done)')).toEqual(['OPS-5']);
  });

  it('parent by key', () => {
    expect(keys('parent = OPS-1')).toEqual(['OPS-5']);
    expect(keys('parent != OPS-1')).toEqual([]);
  });
});

describe('matchesJql: linkedIssues()', () => {
  // SEC-1 causes SEC-2; OPS-5 relates to SEC-1.
  it('finds every issue linked to the given issue', () => {
    expect(keys('issue in linkedIssues("SEC-1")')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('issue in linkedIssues(sec-2)')).toEqual(['SEC-1']);
    expect(keys('issue in linkedIssues(10001)')).toEqual(['OPS-5', 'SEC-2']);
    expect(keys('issue not in linkedIssues(SEC-1)')).toEqual(['SEC-1', 'SEC-3', 'SEC-10']);
  });

  it('filters by the link description as read from the given issue', () => {
    expect(keys('issue in linkedIssues(SEC-1, "causes")')).toEqual(['SEC-2']);
    expect(keys('issue in linkedIssues(SEC-1, "is caused by")')).toEqual([]);
    expect(keys('issue in linkedIssues(SEC-2, "is caused by")')).toEqual(['SEC-1']);
    expect(keys('issue in linkedIssues(SEC-1, "relates to")')).toEqual(['OPS-5']);
    // Leniency: the link type name works too.
    expect(keys('issue in linkedIssues(SEC-1, Relates)')).toEqual(['OPS-5']);
  });
});
