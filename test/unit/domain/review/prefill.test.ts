import {
  DEFAULT_SEVERITY_MAPPING,
  factsFromJiraIssue,
  fillEmptyFacts,
  incidentFactsSchema,
  severityFromPriority,
} from '../../../../src/domain/review';
import { lostLaptopFacts } from './fixtures';

const phishingIssueFields = {
  summary: '  Phishing e-mail led to a compromised finance mailbox ',
  created: '2025-03-05T16:05:12.000+0100',
  resolutiondate: '2025-03-07T12:00:00.000+0100',
  priority: { name: 'Highest' },
  labels: ['phishing', 'bec', 'phishing'],
  components: [{ name: 'Microsoft 365' }, { name: 'Finance' }],
};

describe('factsFromJiraIssue', () => {
  it('maps summary, created, resolution date, priority, labels and components', () => {
    expect(factsFromJiraIssue(phishingIssueFields)).toEqual({
      summary: 'Phishing e-mail led to a compromised finance mailbox',
      severity: 'critical',
      ciaAffected: [],
      affectedAssets: ['Microsoft 365', 'Finance'],
      impact: '',
      timestamps: { reportedAt: '2025-03-05T15:05:12.000Z', resolvedAt: '2025-03-07T11:00:00.000Z' },
      remediationSteps: [],
      tags: ['phishing', 'bec'],
    });
  });

  it.each([
    ['Highest', 'critical'],
    ['High', 'high'],
    ['medium', 'medium'],
    ['Low', 'low'],
    ['Lowest', 'low'],
    ['Blocker', 'critical'],
    ['Major', 'high'],
  ] as const)('maps priority %s to %s by default', (priority, severity) => {
    expect(severityFromPriority(priority)).toBe(severity);
  });

  it('leaves severity empty for unknown priorities and honours a project mapping', () => {
    expect(factsFromJiraIssue({ priority: { name: 'P2 - Urgent' } }).severity).toBeUndefined();
    const mapping = { ...DEFAULT_SEVERITY_MAPPING, 'P2 - Urgent': 'high' as const };
    expect(factsFromJiraIssue({ priority: { name: 'p2 - urgent' } }, mapping).severity).toBe('high');
  });

  it('copes with an unresolved issue and missing fields', () => {
    expect(factsFromJiraIssue({ summary: 'Lost laptop', created: '2025-06-13T07:30:00.000+0000', resolutiondate: null, priority: null, labels: null })).toMatchObject({
      summary: 'Lost laptop',
      timestamps: { reportedAt: '2025-06-13T07:30:00.000Z' },
      tags: [],
      affectedAssets: [],
    });
    expect(factsFromJiraIssue({ created: 'not a date' }).timestamps).toEqual({});
  });

  it('always produces valid facts, clipping to the bounds', () => {
    const facts = factsFromJiraIssue({
      summary: 'x'.repeat(400),
      labels: Array.from({ length: 40 }, (_, index) => `label-${index}-${'y'.repeat(60)}`),
      components: Array.from({ length: 60 }, (_, index) => ({ name: `component ${index}` })),
      created: '2025-03-07T12:00:00.000+0000',
      resolutiondate: '2025-03-01T12:00:00.000+0000',
    });
    expect(incidentFactsSchema.safeParse(facts).success).toBe(true);
    expect(facts.timestamps.resolvedAt).toBeUndefined();
  });
});

describe('fillEmptyFacts', () => {
  it('fills only what people left empty', () => {
    const typed = { ...lostLaptopFacts(), tags: ['laptop'] };
    const prefill = factsFromJiraIssue({
      summary: 'Laptop lost',
      priority: { name: 'High' },
      labels: ['travel'],
      components: [{ name: 'Endpoint fleet' }],
      created: '2025-06-13T08:00:00.000+0000',
      resolutiondate: '2025-06-20T08:00:00.000+0000',
    });
    expect(fillEmptyFacts(typed, prefill)).toEqual({
      ...typed,
      timestamps: { ...typed.timestamps, resolvedAt: '2025-06-20T08:00:00.000Z' },
    });
  });

  it('keeps people\'s times when Jira\'s would contradict them', () => {
    const typed = { ...lostLaptopFacts(), timestamps: { occurredAt: '2025-06-30T00:00:00Z' } };
    const prefill = factsFromJiraIssue({ created: '2025-06-13T08:00:00.000+0000' });
    expect(fillEmptyFacts(typed, prefill).timestamps).toEqual({ occurredAt: '2025-06-30T00:00:00Z' });
  });
});
