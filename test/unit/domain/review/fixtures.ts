/** Realistic reviews for the tests: a phishing incident with credential theft and a lost laptop. */
import {
  DEFAULT_FISHBONE_CATEGORIES,
  DEFAULT_ROOT_CAUSE_TAXONOMY,
  createReview,
  emptyFacts,
  parseReview,
  type IncidentFacts,
  type Review,
  type ReviewStage,
} from '../../../../src/domain/review';

/** Incident manager (Dana Scully). */
export const DANA = '5b10ac8d82e05b22cc7d4ef5';
/** ISMS manager who approves (Walter Skinner). */
export const WALTER = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';
/** Security analyst (Fox Mulder). */
export const FOX = '5d53f3cbc6b9320d9ea5bdc2';
/** Communications (Monica Reyes). */
export const MONICA = '60a7b1c2d3e4f5a6b7c8d9e0';

export const KNOWN_PEOPLE = ['Dana Scully', 'Walter Skinner', 'Fox Mulder', 'Monica Reyes'];
export const TAXONOMY = DEFAULT_ROOT_CAUSE_TAXONOMY;

export const INCIDENT = { issueId: '10042', issueKey: 'SEC-42', projectKey: 'SEC' };

export const phishingFacts = (): IncidentFacts => ({
  summary: 'Phishing e-mail led to a compromised finance mailbox',
  type: 'malicious',
  severity: 'high',
  ciaAffected: ['confidentiality', 'integrity'],
  affectedAssets: ['Microsoft 365 mailbox finance@example.com', 'Accounts payable process'],
  impact: 'Attacker read 3 weeks of invoices and sent 14 fraudulent payment-change requests; one supplier payment of EUR 18,400 was redirected.',
  timestamps: {
    occurredAt: '2025-03-03T08:12:00Z',
    detectedAt: '2025-03-05T14:40:00Z',
    reportedAt: '2025-03-05T15:05:00Z',
    containedAt: '2025-03-05T16:30:00Z',
    resolvedAt: '2025-03-07T11:00:00Z',
  },
  remediationSteps: ['Reset password and revoked sessions', 'Removed malicious inbox rule', 'Recalled payment with the bank'],
  tags: ['phishing', 'bec', 'finance'],
});

export const lostLaptopFacts = (): IncidentFacts => ({
  ...emptyFacts(),
  summary: 'Unencrypted laptop left on a train',
  type: 'accidental',
  severity: 'medium',
  ciaAffected: ['confidentiality'],
  affectedAssets: ['Laptop LT-0193'],
  impact: 'Customer list (2,300 records) on the local disk; no evidence of access.',
  timestamps: { occurredAt: '2025-06-12T17:45:00+02:00', reportedAt: '2025-06-13T07:30:00Z' },
});

/** A fresh draft as the service would create it. */
export function draftReview(facts: IncidentFacts = emptyFacts()): Review {
  const created = createReview({ incident: INCIDENT, actor: DANA, at: '2025-03-07T12:00:00Z', facts });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** The phishing review with every section filled in, at the given stage. */
export function phishingReview(stage: ReviewStage = 'in_review'): Review {
  const review: Review = {
    ...draftReview(phishingFacts()),
    timeline: [
      { id: 't1', at: '2025-03-03T08:12:00Z', text: 'Phishing e-mail "Invoice overdue" delivered to finance@', author: FOX },
      { id: 't2', at: '2025-03-03T08:31:00Z', text: 'Credentials entered on fake login page' },
      { id: 't3', at: '2025-03-05T14:40:00Z', text: 'Supplier calls about changed bank details' },
      { id: 't4', at: '2025-03-05T16:30:00Z', text: 'Sessions revoked, inbox rule removed' },
    ],
    people: {
      incidentManager: DANA,
      responseTeam: [FOX],
      legal: [],
      informationSecurity: [FOX],
      communications: [MONICA],
      meeting: { heldAt: '2025-03-10T10:00:00Z', attendees: [DANA, FOX, MONICA] },
    },
    fiveWhys: [
      {
        id: 'c1',
        problem: 'A supplier payment was redirected',
        steps: [
          { why: 'Why was the payment redirected?', because: 'A forged bank-change request was processed' },
          { why: 'Why was it processed?', because: 'It came from a genuine internal mailbox' },
          { why: 'Why did no one verify it?', because: 'Bank-detail changes need no call-back verification' },
        ],
      },
    ],
    fishbone: {
      effect: 'Mailbox compromised and payment redirected',
      categories: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({ ...category })),
      causes: [
        { id: 'f1', categoryId: 'technology', text: 'No phishing-resistant MFA on mailboxes' },
        { id: 'f2', categoryId: 'process', text: 'No call-back for bank-detail changes' },
      ],
    },
    rootCauses: [
      { id: 'r1', text: 'Bank-detail changes need no call-back verification', category: 'policy-process', source: { kind: 'five-whys', chainId: 'c1' } },
      { id: 'r2', text: 'No phishing-resistant MFA on mailboxes', category: 'access-control', source: { kind: 'fishbone', causeId: 'f1' } },
    ],
    lessons: {
      whatWasTheIncident: 'Business e-mail compromise of the finance mailbox after a phishing e-mail.',
      whatHappened: 'Credentials were phished, an inbox rule hid replies, and forged bank changes were sent to suppliers.',
      whatWasTheImpact: 'EUR 18,400 redirected (recovered), invoices disclosed.',
      howEffectiveWasTheResponse: 'Containment within 2 hours of detection; detection took 2 days.',
      whatWentWell: 'The supplier called us; the bank recall worked.',
      whatWouldWeDoDifferently: 'Alert on new inbox forwarding rules.',
      whatImprovementsAreNeeded: 'Call-back verification for bank changes; FIDO2 MFA for finance.',
    },
    workflow: { stage, history: [] },
  };
  const parsed = parseReview(review);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
