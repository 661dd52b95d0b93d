import { A527_CONTROL } from '../../../../src/domain/report';
import { emptyEvidenceRecords, type ActionEvidence, type EvidenceOverview, type EvidenceRecords, type IncidentEvidence } from '../../../../src/domain/evidence';

/** A quarter's overview as the service builds it, with nothing in it. */
export function emptyOverview(): EvidenceOverview {
  return {
    projectKey: 'SEC',
    today: '2026-03-20',
    generatedAt: '2026-03-20T10:00:00.000Z',
    generatedBy: 'mark',
    period: { spec: { kind: 'quarter' }, months: ['2026-01', '2026-02', '2026-03'], previousMonths: ['2025-10', '2025-11', '2025-12'], label: 'Jan 2026 – Mar 2026', previousLabel: 'Oct 2025 – Dec 2025', firstDay: '2026-01-01', lastDay: '2026-03-31' },
    attributes: A527_CONTROL,
    procedure: { versionsInPeriod: [] },
    approvers: 'the group "isms-approvers"',
    settings: { significantSeverities: ['critical', 'high'], reviewTargetDays: 14, effectivenessWindowDays: 90 },
    figures: { incidents: 0, reviewed: 0, actionsClosed: 0, actionsOnTime: 0, actionsVerified: 0, actionsEffective: 0, actionsNotEffective: 0, openActions: 0, overdueActions: 0 },
    kpis: [],
    repeats: [],
    processReview: { state: 'never', overdue: false, daysOverdue: 0 },
  };
}

export function incident(key: string, overrides: Partial<IncidentEvidence> = {}): IncidentEvidence {
  return {
    issueId: key.replace(/\D/g, ''),
    issueKey: key,
    projectKey: 'SEC',
    summary: `Incident ${key}`,
    severity: 'high',
    occurredAt: '2026-02-01T10:00:00.000Z',
    stage: 'approved',
    approval: { by: 'mark', at: '2026-02-10T10:00:00.000Z' },
    rootCauses: [{ id: 'r1', category: 'access-control', categoryLabel: 'Access control', text: 'MFA not enforced', method: 'five-whys', whySteps: 5 }],
    whyChains: 1,
    deepestWhy: 5,
    fishboneCauses: 2,
    decisions: [{ rootCauseId: 'r1', option: 'corrective-action', decidedBy: 'rita', decidedAt: '2026-02-05T10:00:00.000Z' }],
    people: { incidentManager: 'rita', responseTeam: ['sam'], informationSecurity: ['mark'], legal: [], communications: [] },
    meeting: { heldAt: '2026-02-06T10:00:00.000Z', attendees: ['rita', 'sam'] },
    affectedPolicies: [{ title: 'Access policy', reference: 'POL-7 v3' }],
    lessonsAnswered: 8,
    lessonsAsked: 8,
    ...overrides,
  };
}

export function action(id: string, overrides: Partial<ActionEvidence> = {}): ActionEvidence {
  return {
    actionId: id,
    incidentIssueKey: 'SEC-1',
    rootCauseCategory: 'access-control',
    kind: 'corrective',
    summary: `Action ${id}`,
    ownerAccountId: 'owen',
    targetDate: '2026-03-01',
    status: 'done',
    jiraIssueKey: `ISMS-${id}`,
    createdAt: '2026-02-06T10:00:00.000Z',
    completedAt: '2026-02-20T10:00:00.000Z',
    verification: { by: 'mark', at: '2026-02-25T10:00:00.000Z', evidence: 'MFA enforced in the IdP' },
    effectiveness: { verdict: 'effective', judgedAt: '2026-03-15T10:00:00.000Z' },
    ...overrides,
  };
}

/** A quarter with full evidence for every question. */
export function fullPack(): { overview: EvidenceOverview; records: EvidenceRecords } {
  const overview = emptyOverview();
  overview.procedure = {
    current: { version: 2, changeSummary: 'Triggers by severity', signedOffBy: 'mark', signedOffAt: '2026-01-15T10:00:00.000Z' },
    versionsInPeriod: [{ version: 2, author: 'alice', createdAt: '2026-01-10T10:00:00.000Z', changeSummary: 'Triggers by severity', signedOffBy: 'mark', signedOffAt: '2026-01-15T10:00:00.000Z' }],
  };
  overview.figures = { incidents: 2, reviewed: 2, actionsClosed: 1, actionsOnTime: 1, actionsVerified: 1, actionsEffective: 1, actionsNotEffective: 0, openActions: 0, overdueActions: 0 };
  overview.kpis = [
    { id: 'incidents', label: 'Incidents', definition: '', unit: 'count', better: 'lower', subject: 'incidents', current: { value: 2 }, previous: { value: 3 }, monthly: [] },
  ];
  overview.processReview = { state: 'scheduled', overdue: false, lastHeldOn: '2026-02-01', nextReviewDate: '2027-02-01', daysOverdue: 0 };
  const records: EvidenceRecords = {
    ...emptyEvidenceRecords(),
    incidents: [incident('SEC-1'), incident('SEC-2', { decisions: [{ rootCauseId: 'r1', option: 'manage-as-risk', decidedBy: 'rita', decidedAt: '2026-02-05T10:00:00.000Z' }] })],
    actions: [action('1')],
    risks: [
      {
        riskId: 'k1', title: 'Account takeover', treatment: 'mitigate', status: 'open', likelihood: 3, impact: 4, score: 12, level: 'high', ownerAccountId: 'mark', nextReviewDate: '2026-06-01', updatedAt: '2026-02-05T10:00:00.000Z',
        links: [{ incidentIssueKey: 'SEC-2', rootCauseId: 'r1', linkedAt: '2026-02-05T10:00:00.000Z' }], moreLinks: false,
      },
    ],
    communications: ['SEC-1', 'SEC-2'].map((issueKey) => ({ shareId: issueKey, issueKey, audience: 'staff', sentBy: 'rita', sentAt: '2026-02-12T10:00:00.000Z', recipients: { users: 3, groups: ['security'], projectRoles: [], roleMembers: 0 }, reviewVersion: 5, status: 'sent' })),
    processReviews: [{ processReviewId: 'p1', heldOn: '2026-02-01', participants: ['mark', 'alice'], periodFrom: '2025-02-01', periodTo: '2026-01-31', findings: ['Add supplier triggers'], actions: [], nextReviewDate: '2027-02-01', recordedBy: 'mark' }],
  };
  return { overview, records };
}
