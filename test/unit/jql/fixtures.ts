/**
 * Realistic issues in REST v3 shape for the JQL engine tests: a security-incident project (SEC) and an
 * operations project (OPS) holding a lessons-learned action. "Now" is Wednesday 2026-03-18 14:30 UTC.
 */
import { compareByOrder, matchesJql, parseJql, type JqlContext, type JqlIssueView } from '../../../sandbox/jira/jql';

export const NOW = new Date('2026-03-18T14:30:00.000Z');
export const ctx: JqlContext = { now: NOW, currentAccountId: 'acc-alice' };

const user = (accountId: string, displayName: string) => ({ accountId, displayName, emailAddress: `${displayName.split(' ')[0]?.toLowerCase() ?? 'x'}@example.com` });
export const alice = user('acc-alice', 'Alice Archer');
export const bob = user('acc-bob', 'Bob Baker');
export const carol = user('acc-carol', 'Carol Chen');

const status = (name: string, key: 'new' | 'indeterminate' | 'done', id: string) => ({
  name,
  id,
  statusCategory: { key, name: { new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[key], id: { new: 2, indeterminate: 4, done: 3 }[key] },
});

export const adf = (...paragraphs: string[]) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

const causes = { id: '10000', name: 'Causes', inward: 'is caused by', outward: 'causes' };
const relates = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };
const SEC = { key: 'SEC', id: '10100', name: 'Security Incidents' };
const OPS = { key: 'OPS', id: '10200', name: 'Operations' };

function issue(key: string, id: string, fields: Record<string, unknown>, properties: Record<string, unknown> = {}): JqlIssueView {
  const projectKey = key.split('-')[0] ?? '';
  return {
    id,
    key,
    projectKey,
    fields: {
      project: projectKey === 'SEC' ? SEC : OPS,
      labels: [],
      components: [],
      issuelinks: [],
      assignee: null,
      resolution: null,
      resolutiondate: null,
      duedate: null,
      description: null,
      ...fields,
    },
    properties,
  };
}

export const SEC_1 = issue(
  'SEC-1',
  '10001',
  {
    summary: 'Phishing campaign targeting finance team',
    description: {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What happened' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Several users received credential ' },
            { type: 'text', text: 'harvesting', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' emails. Reported by ' },
            { type: 'mention', attrs: { id: 'acc-bob', text: '@Bob Baker' } },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Attacker spoofed the CEO mailbox' }] }] }] },
      ],
    },
    issuetype: { name: 'Incident', id: '10005', subtask: false },
    status: status('In Progress', 'indeterminate', '3'),
    priority: { name: 'High', id: '2' },
    assignee: alice,
    reporter: bob,
    labels: ['phishing', 'email'],
    components: [{ name: 'Email Gateway', id: '11' }],
    created: '2026-01-05T09:00:00.000+0000',
    updated: '2026-03-17T16:00:00.000+0000',
    duedate: '2026-03-18',
    comment: { comments: [{ body: adf('Blocked the sender domain at the gateway.') }] },
    issuelinks: [
      { id: '1', type: causes, outwardIssue: { id: '10002', key: 'SEC-2' } },
      { id: '2', type: relates, inwardIssue: { id: '20005', key: 'OPS-5' } },
    ],
  },
  {
    lessonsLearned: {
      stage: 'approved',
      overdueActions: 2,
      reviewedAt: '2026-03-10T08:00:00.000+0000',
      tags: ['root-cause', 'training'],
      owner: 'acc-alice',
      flags: { published: true },
      notes: 'Awareness training for finance staff scheduled',
    },
  },
);

export const SEC_2 = issue(
  'SEC-2',
  '10002',
  {
    summary: 'Malware detected on build server',
    issuetype: { name: 'Incident', id: '10005', subtask: false },
    status: status('Done', 'done', '10001'),
    priority: { name: 'Highest', id: '1' },
    reporter: alice,
    resolution: { name: 'Done', id: '10000' },
    resolutiondate: '2026-02-28T23:30:00.000+0000',
    created: '2026-02-01T10:00:00.000+0000',
    updated: '2026-02-28T23:30:00.000+0000',
    issuelinks: [{ id: '1', type: causes, inwardIssue: { id: '10001', key: 'SEC-1' } }],
  },
  { lessonsLearned: { stage: 'draft', overdueActions: 0, flags: { published: false } } },
);

export const SEC_3 = issue('SEC-3', '10003', {
  summary: 'Lost laptop reported by sales',
  description: 'Plain text description: device was not encrypted.',
  issuetype: { name: 'Task', id: '10002', subtask: false },
  status: status('To Do', 'new', '1'),
  priority: { name: 'Low', id: '4' },
  assignee: bob,
  reporter: bob,
  labels: ['Hardware'],
  created: '2026-03-18T08:00:00.000+0000',
  updated: '2026-03-18T08:00:00.000+0000',
  duedate: '2026-03-31',
});

export const SEC_10 = issue(
  'SEC-10',
  '10010',
  {
    summary: 'Suspicious logins from unknown IP addresses',
    description: adf('Multiple failed login attempts were followed by a successful login.'),
    issuetype: { name: 'Incident', id: '10005', subtask: false },
    status: status('In Review', 'indeterminate', '10002'),
    priority: { name: 'Medium', id: '3' },
    assignee: alice,
    reporter: carol,
    labels: ['access', 'phishing'],
    components: [{ name: 'Identity', id: '12' }, { name: 'VPN', id: '13' }],
    created: '2025-12-31T23:59:59.000+0000',
    updated: '2026-03-01T00:00:00.000+0000',
    duedate: '2026-02-28',
  },
  { lessonsLearned: { stage: 'review', overdueActions: 10, reviewedAt: '2026-02-15' } },
);

export const OPS_5 = issue(
  'OPS-5',
  '20005',
  {
    summary: 'Rotate VPN certificates after incident',
    issuetype: { name: 'Sub-task', id: '10003', subtask: true },
    status: status('Closed', 'done', '6'),
    priority: null,
    assignee: carol,
    reporter: alice,
    resolution: { name: "Won't Do", id: '10001' },
    resolutiondate: '2026-03-16T10:00:00.000+0000',
    created: '2026-03-02T12:00:00.000+0000',
    updated: '2026-03-16T10:00:00.000+0000',
    parent: { id: '20001', key: 'OPS-1' },
    issuelinks: [{ id: '2', type: relates, outwardIssue: { id: '10001', key: 'SEC-1' } }],
  },
  { llAction: { incidentKey: 'SEC-1', due: '2026-03-20', done: false } },
);

export const ALL = [SEC_1, SEC_2, SEC_3, SEC_10, OPS_5];

/** Keys of the fixtures matching `jql`, in key order (for set-like assertions). */
export function keys(jql: string, context: JqlContext = ctx, issues: JqlIssueView[] = ALL): string[] {
  const q = parseJql(jql);
  return issues
    .filter((i) => matchesJql(q, i, context))
    .map((i) => i.key)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Keys of the matching fixtures in the query's own ORDER BY order. */
export function ordered(jql: string, context: JqlContext = ctx, issues: JqlIssueView[] = ALL): string[] {
  const q = parseJql(jql);
  return issues
    .filter((i) => matchesJql(q, i, context))
    .sort(compareByOrder(q, context))
    .map((i) => i.key);
}

/** The message of the JqlError thrown by parsing `jql` (fails the test if none is thrown). */
export function errorOf(jql: string): string {
  try {
    parseJql(jql);
  } catch (e) {
    if (e instanceof Error && e.name === 'JqlError') return e.message;
    throw e;
  }
  throw new Error(`expected a JqlError for: ${jql}`);
}
