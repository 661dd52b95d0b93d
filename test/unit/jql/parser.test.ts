import { JqlError, isBoundedQuery, parseJql, type Clause } from '../../../sandbox/jira/jql';
import { tokenize } from '../../../sandbox/jira/jql/lexer';
import { errorOf } from './fixtures';

/** Compact rendering of a WHERE tree for precedence assertions. */
function shape(c: Clause | null): string {
  if (c === null) return '∅';
  switch (c.kind) {
    case 'and':
      return `(${c.clauses.map(shape).join(' & ')})`;
    case 'or':
      return `(${c.clauses.map(shape).join(' | ')})`;
    case 'not':
      return `!${shape(c.clause)}`;
    case 'terminal': {
      const o = c.operand;
      const v = o.kind === 'value' ? o.value : o.kind === 'empty' ? 'EMPTY' : o.kind === 'function' ? `${o.name}()` : `[${o.items.length}]`;
      return `${c.field.id} ${c.operator} ${v}`;
    }
  }
}
const where = (jql: string) => shape(parseJql(jql).where);

describe('lexer', () => {
  it('reads quoted strings with both quote styles and escapes', () => {
    const t = tokenize(`summary ~ "say \\"hi\\"\\n" OR summary ~ 'it\\'s' OR summary ~ "\\u0041\\\\"`);
    const strings = t.filter((x) => x.kind === 'string' && x.quoted).map((x) => x.value);
    expect(strings).toEqual(['say "hi"\n', "it's", 'A\\']);
  });

  it('keeps keys, dates, periods and property paths as single unquoted words', () => {
    const values = tokenize('key = SEC-12 created > 2026/01/31 -30d issue.property[x].a.b').filter((x) => x.kind === 'string').map((x) => x.value);
    expect(values).toEqual(['key', 'SEC-12', 'created', '2026/01/31', '-30d', 'issue.property', 'x', '.a.b']);
  });

  it('rejects an invalid escape with its position', () => {
    expect(() => tokenize('summary ~ "a\\qb"')).toThrow("Error in the JQL Query: The escape sequence '\\q' is not valid. (line 1, character 13)");
  });
});

describe('parser: structure and precedence', () => {
  it('treats an empty or blank query as "match all" and as unbounded', () => {
    expect(parseJql('').where).toBeNull();
    expect(parseJql('   \n ').where).toBeNull();
    expect(isBoundedQuery(parseJql(''))).toBe(false);
    expect(isBoundedQuery(parseJql('ORDER BY created'))).toBe(false);
    expect(isBoundedQuery(parseJql('project = SEC'))).toBe(true);
  });

  it('binds AND tighter than OR', () => {
    expect(where('project = SEC OR status = Done AND priority = High')).toBe('(project = SEC | (status = Done & priority = High))');
    expect(where('project = SEC AND status = Done OR priority = High')).toBe('((project = SEC & status = Done) | priority = High)');
  });

  it('binds NOT tighter than AND and applies it to a parenthesised group', () => {
    expect(where('NOT status = Done AND priority = High')).toBe('(!status = Done & priority = High)');
    expect(where('NOT (status = Done OR priority = High)')).toBe('!(status = Done | priority = High)');
    expect(where('NOT NOT status = Done')).toBe('!!status = Done');
  });

  it('lets parentheses override precedence', () => {
    expect(where('(project = SEC OR project = OPS) AND status = Done')).toBe('((project = SEC | project = OPS) & status = Done)');
  });

  it('is case-insensitive for keywords, fields and functions, and accepts &&, ||, !', () => {
    expect(where('PROJECT = SEC and Status In (Open) oR assignee IS not empty')).toBe('((project = SEC & status in [1]) | assignee is not EMPTY)');
    expect(where('project = SEC && !status = Done || priority = High')).toBe('((project = SEC & !status = Done) | priority = High)');
    expect(where('assignee = CURRENTUSER()')).toBe('assignee = CURRENTUSER()');
  });

  it('parses every operator form', () => {
    expect(where('status != Done')).toBe('status != Done');
    expect(where('status not in (Done, Closed)')).toBe('status not in [2]');
    expect(where('resolution is EMPTY')).toBe('resolution is EMPTY');
    expect(where('resolution is not null')).toBe('resolution is not EMPTY');
    expect(where('assignee = EMPTY')).toBe('assignee = EMPTY');
    expect(where('created >= -30d')).toBe('created >= -30d');
    expect(where('created <= "2026-01-31 10:00"')).toBe('created <= 2026-01-31 10:00');
    expect(where('summary !~ "vpn"')).toBe('summary !~ vpn');
  });

  it('resolves field aliases', () => {
    expect(where('type = Incident')).toBe('issuetype = Incident');
    expect(where('issueKey = SEC-1')).toBe('issuekey = SEC-1');
    expect(where('id = 10001')).toBe('issuekey = 10001');
    expect(where('due < now()')).toBe('duedate < now()');
    expect(where('resolved > -1w')).toBe('resolutiondate > -1w');
    expect(where('createdDate > -1w')).toBe('created > -1w');
  });

  it('parses quoted values and keeps reserved words usable inside quotes', () => {
    expect(where("status = 'In Progress'")).toBe('status = In Progress');
    expect(where('labels = "select"')).toBe('labels = select');
    expect(where('summary ~ "and"')).toBe('summary ~ and');
  });

  it('parses functions with quoted and unquoted arguments', () => {
    const q = parseJql('issue in linkedIssues(SEC-1, "is caused by") AND created > startOfMonth(-1)');
    expect(q.where).toMatchObject({
      kind: 'and',
      clauses: [
        { operand: { kind: 'function', name: 'linkedIssues', args: ['SEC-1', 'is caused by'] } },
        { operand: { kind: 'function', name: 'startOfMonth', args: ['-1'] } },
      ],
    });
  });

  it('parses lists mixing values, EMPTY and functions', () => {
    const q = parseJql('assignee in (acc-bob, currentUser(), EMPTY)');
    expect(q.where).toMatchObject({ operand: { kind: 'list', items: [{ kind: 'value' }, { kind: 'function' }, { kind: 'empty' }] } });
  });

  it('parses entity property references', () => {
    expect(parseJql('issue.property[lessonsLearned].stage = approved').where).toMatchObject({
      field: { id: 'property', name: 'issue.property[lessonsLearned].stage', property: { key: 'lessonsLearned', path: ['stage'] } },
    });
    expect(parseJql('issue.property["ll action"].a.b > 0').where).toMatchObject({ field: { property: { key: 'll action', path: ['a', 'b'] } } });
    expect(parseJql('ISSUE.PROPERTY[x] is not empty').where).toMatchObject({ field: { property: { key: 'x', path: [] } } });
  });

  it('parses ORDER BY with several fields and optional directions', () => {
    const q = parseJql('project = SEC order by priority DESC, key, issue.property[lessonsLearned].overdueActions asc');
    expect(q.orderBy.map((s) => [s.field.id, s.direction])).toEqual([
      ['priority', 'desc'],
      ['issuekey', undefined],
      ['property', 'asc'],
    ]);
    expect(parseJql('ORDER BY created').where).toBeNull();
  });
});

describe('parser: errors worded like Jira', () => {
  it('throws JqlError instances carrying errorMessages', () => {
    let caught: unknown;
    try {
      parseJql('foo = bar');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(JqlError);
    expect((caught as JqlError).errorMessages).toEqual(["Field 'foo' does not exist or you do not have permission to view it."]);
  });

  it('reports a missing closing parenthesis of a list', () => {
    expect(errorOf('status in (Open, Closed AND priority = High')).toBe("Error in the JQL Query: Expecting ')' but got 'AND'. (line 1, character 25)");
  });

  it('reports an unclosed group', () => {
    expect(errorOf('project = SEC AND (status = Open')).toBe("Error in the JQL Query: Expecting ')' before the end of the query.");
    expect(errorOf('(status = Open priority = High)')).toBe("Error in the JQL Query: Expecting ')' but got 'priority'. (line 1, character 16)");
  });

  it('reports a missing AND/OR between clauses', () => {
    expect(errorOf('project = SEC status = Open')).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 15)");
    expect(errorOf('project = SEC)')).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 14)");
  });

  it('reports positions on later lines', () => {
    expect(errorOf('project = SEC\nAND status = Open\n  foo')).toBe("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'foo'. (line 3, character 3)");
  });

  it('reports a missing or unknown operator', () => {
    expect(errorOf('status Open')).toMatch(/^Error in the JQL Query: Expecting operator but got 'Open'\. The valid operators are '=', '!=', .*\(line 1, character 8\)$/);
    expect(errorOf('status')).toMatch(/^Error in the JQL Query: Expecting operator before the end of the query\./);
  });

  it('reports a missing value, and keywords used as values', () => {
    expect(errorOf('status =')).toBe('Error in the JQL Query: Expecting either a value, list or function before the end of the query.');
    expect(errorOf('status = AND priority = High')).toBe(
      "Error in the JQL Query: Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 10)",
    );
    expect(errorOf('project = SEC AND')).toBe('Error in the JQL Query: Expecting a field name before the end of the query.');
  });

  it('rejects reserved words and reserved characters unless quoted', () => {
    expect(errorOf('labels = select')).toBe("Error in the JQL Query: 'select' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 10)");
    expect(errorOf('summary ~ phish*')).toBe(
      "Error in the JQL Query: The character '*' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002a' instead. (line 1, character 16)",
    );
  });

  it('reports unterminated strings at the opening quote', () => {
    expect(errorOf("summary ~ 'phish")).toBe("Error in the JQL Query: The quoted string 'phish' has not been completed. (line 1, character 11)");
    expect(errorOf('summary ~ "')).toBe('Error in the JQL Query: The quoted string has not been completed. (line 1, character 11)');
  });

  it('rejects unknown fields, including unknown custom fields and other entities', () => {
    expect(errorOf('universe = 42')).toBe("Field 'universe' does not exist or you do not have permission to view it.");
    expect(errorOf('cf[10001] = x')).toBe("Field 'cf[10001]' does not exist or you do not have permission to view it.");
    expect(errorOf('project = SEC ORDER BY flavour')).toBe("Field 'flavour' does not exist or you do not have permission to view it.");
  });

  it('rejects unknown functions and functions on the wrong field', () => {
    expect(errorOf('assignee = currentLogin()')).toBe("Unable to find JQL function 'currentLogin()'.");
    expect(errorOf('status = currentUser()')).toBe("A value provided by the function 'currentUser' is invalid for the field 'status'.");
    expect(errorOf('created > startOfMonth(-1, 2)')).toBe("Function 'startOfMonth' expected between '0' and '1' arguments but received '2'.");
    expect(errorOf('created > startOfMonth("last")')).toMatch(/^Duration format for function 'startOfMonth' should be/);
    expect(errorOf('issue = linkedIssues(SEC-1)')).toMatch(/^Operator '=' does not support the list value/);
    expect(errorOf('issue in linkedIssues()')).toBe("Function 'linkedIssues' expected between '1' and '2' arguments but received '0'.");
  });

  it('rejects operators a field does not support', () => {
    expect(errorOf('status ~ Open')).toBe("The operator '~' is not supported by the 'status' field.");
    expect(errorOf('summary = "Phishing"')).toBe("The operator '=' is not supported by the 'summary' field.");
    expect(errorOf('text !~ phishing')).toBe("The operator '!~' is not supported by the 'text' field.");
    expect(errorOf('labels > a1')).toBe("The operator '>' is not supported by the 'labels' field.");
  });

  it('rejects malformed operand shapes', () => {
    expect(errorOf('status in Open')).toBe("Operator 'in' does not support the non-list value 'Open' for field 'status'.");
    expect(errorOf('status = (Open, Done)')).toBe("Operator '=' does not support the list value for field 'status'.");
    expect(errorOf('assignee is bob')).toMatch(/only supports the EMPTY value/);
    expect(errorOf('summary ~ "*phish"')).toMatch(/not allowed to start with a wildcard/);
  });

  it('rejects invalid dates with Jira\'s list of formats', () => {
    expect(errorOf('created > "31/01/2026"')).toBe(
      "Date value '31/01/2026' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    );
    expect(errorOf('duedate = 2026-02-30')).toMatch(/^Date value '2026-02-30' for field 'duedate' is invalid/);
    expect(errorOf('updated > yesterday')).toMatch(/^Date value 'yesterday'/);
  });

  it('validates ORDER BY', () => {
    expect(errorOf('project = SEC ORDER created')).toBe("Error in the JQL Query: Expecting 'by' but got 'created'. (line 1, character 21)");
    expect(errorOf('ORDER BY description')).toBe("Field 'description' does not support sorting.");
    expect(errorOf('ORDER BY created sideways')).toBe("Error in the JQL Query: Expecting either 'ASC' or 'DESC' but got 'sideways'. (line 1, character 18)");
  });

  it('says plainly that history operators are not emulated', () => {
    expect(errorOf('status WAS Open')).toMatch(/WAS' is not supported by the sandbox/);
  });
});
