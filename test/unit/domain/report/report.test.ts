import { buildIncidentReport, buildWalkthrough, procedureInForce, renderReportHtml, type IncidentRecord } from '../../../../src/domain/report';
import { DANA, FOX, INCIDENT, TAXONOMY, WALTER, draftReview, phishingReview } from '../review/fixtures';
import type { Action } from '../../../../src/domain/actions';

/** R13 report model and renderer, R24 walkthrough: full record, sparse record, hostile text. */
const ISSUE = { id: INCIDENT.issueId, key: INCIDENT.issueKey, summary: 'Phishing e-mail led to a compromised finance mailbox', status: 'Done', issueType: 'Incident', projectKey: 'SEC', projectName: 'Security Incidents', priority: 'High', created: '2025-03-05T15:05:00.000+0000', resolved: '2025-03-07T11:00:00.000+0000', assignee: 'Dana Scully', reporter: null };

function approved() {
  const review = phishingReview('in_review');
  return {
    ...review,
    decisions: review.rootCauses.map((rootCause) => ({ rootCauseId: rootCause.id, option: 'corrective-action' as const, rationale: 'Fix it.', decidedBy: DANA, decidedAt: '2025-03-10T09:00:00Z' })),
    workflow: { stage: 'approved' as const, history: [{ from: 'awaiting_approval' as const, to: 'approved' as const, by: WALTER, at: '2025-03-12T09:00:00Z', comment: 'Agreed.' }] },
  };
}

const action = (rootCauseId: string, overrides: Partial<Action> = {}): Action => ({
  id: `a-${rootCauseId}`,
  incident: INCIDENT,
  rootCauseId,
  rootCauseCategory: 'awareness-training',
  kind: 'corrective',
  summary: `Action for ${rootCauseId}`,
  description: '',
  ownerAccountId: FOX,
  targetDate: '2025-04-30',
  status: 'done',
  origin: 'created',
  jira: { issueId: '20001', issueKey: 'ISMS-7' },
  resolvedAt: '2025-04-20T10:00:00Z',
  verification: { by: WALTER, at: '2025-04-25T10:00:00Z', evidence: 'Checked the new control.' },
  effectiveness: { verdict: 'effective', judgedAt: '2025-10-25T00:00:00Z', windowDays: 180 },
  version: 3,
  createdAt: '2025-03-12T10:00:00Z',
  createdBy: DANA,
  updatedAt: '2025-10-25T00:00:00Z',
  updatedBy: DANA,
  ...overrides,
});

function record(overrides: Partial<IncidentRecord> = {}): IncidentRecord {
  const review = approved();
  return {
    issue: ISSUE,
    review,
    actions: review.rootCauses.map((rootCause) => action(rootCause.id)),
    risks: [],
    riskLinks: [],
    communications: [{ shareId: 's1', issueKey: INCIDENT.issueKey, incidentIssueId: INCIDENT.issueId, projectKey: 'SEC', audience: 'staff', reviewVersion: review.version, reviewStage: 'approved', sentBy: DANA, sentAt: '2025-03-13T09:00:00Z', recipients: { users: [FOX], groups: [], projectRoles: [] }, roleMembers: [], subject: 'Lessons', status: 'sent' }],
    audit: { entries: [], complete: true },
    procedure: { projectKey: 'SEC', revision: 2, currentVersion: 1, versions: [{ version: 1, author: DANA, createdAt: '2025-01-01T00:00:00Z', changeSummary: 'First', signedOffBy: WALTER, signedOffAt: '2025-01-02T00:00:00Z' }] },
    taxonomy: TAXONOMY,
    approverRule: 'members of the group "isms-approvers"',
    people: { [DANA]: 'Dana Scully', [WALTER]: 'Walter Skinner', [FOX]: 'Fox Mulder' },
    attachments: [],
    ...overrides,
  };
}

test('a fully filled incident: names, decisions with approval, actions to effectiveness, procedure in force; only the meeting-independent gaps remain', () => {
  const report = buildIncidentReport(record());
  expect(report.approval).toMatchObject({ state: 'Approved', by: 'Walter Skinner', comment: 'Agreed.' });
  expect(report.procedure).toMatchObject({ version: 1, signedOffBy: 'Walter Skinner' });
  expect(report.actions.every((item) => item.verification?.by === 'Walter Skinner' && item.effectiveness?.verdict === 'Effective')).toBe(true);
  expect(report.gaps.filter((gap) => ['decisions', 'actions', 'root-causes', 'communication', 'procedure'].includes(gap.section))).toEqual([]);
  const html = renderReportHtml(report, { paper: 'A4' });
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).toContain('@page { size: A4');
  expect(html).toContain("default-src 'none'");
  expect(html).not.toMatch(/<script|<link|src="http/);
  expect(renderReportHtml(report, { paper: 'A4' })).toBe(html);
  const walk = buildWalkthrough(record(), '2026-01-01');
  expect(walk.steps.find((step) => step.id === 'effectiveness')?.status).toBe('complete');
  expect(walk.steps.find((step) => step.id === 'verification')?.status).toBe('complete');
});

test('a sparse review (and no review at all) never crashes and flags what is missing', () => {
  const sparse = buildIncidentReport(record({ review: draftReview(), actions: [], communications: [], procedure: null }));
  const messages = sparse.gaps.map((gap) => gap.message);
  expect(messages).toEqual(expect.arrayContaining(['No root cause has been identified.', 'Severity is not recorded.', 'No incident manager is named.', 'No signed-off review procedure was in force for this review.']));
  expect(renderReportHtml(sparse, { paper: 'Letter' })).toContain('@page { size: letter');
  const none = buildIncidentReport(record({ review: null, actions: [], communications: [] }));
  expect(none.gaps).toEqual([{ section: 'incident', message: 'No post-incident review has been started for this incident.' }]);
  expect(renderReportHtml(none, { paper: 'A4' })).toContain('No review: no facts recorded.');
  expect(buildWalkthrough(record({ review: null, actions: [] }), '2026-01-01').steps.find((step) => step.id === 'review')?.status).toBe('gap');
});

test('gaps: a decision without approval, a done action without verification, an open action past its target', () => {
  const review = { ...approved(), workflow: { stage: 'in_review' as const, history: [] } };
  const [first, second] = review.rootCauses;
  const actions = [action(first?.id ?? '', { verification: undefined, effectiveness: undefined }), action(second?.id ?? '', { status: 'in-progress', resolvedAt: undefined, verification: undefined, effectiveness: undefined })];
  const report = buildIncidentReport(record({ review, actions }));
  expect(report.gaps.map((gap) => gap.message)).toEqual(expect.arrayContaining([expect.stringContaining('not approved by management'), `The action “Action for ${first?.id ?? ''}” is done but not verified.`]));
  const walk = buildWalkthrough(record({ review, actions }), '2025-05-01');
  expect(walk.steps.find((step) => step.id === 'verification')?.status).toBe('gap');
  expect(walk.steps.find((step) => step.id === 'actions')?.gaps).toContain(`“Action for ${second?.id ?? ''}” is past its target date (2025-04-30).`);
});

test('hostile text is escaped everywhere, including the fishbone drawing and links', () => {
  const hostile = '<img src=x onerror=alert(1)>"\'&</svg><script>';
  const review = approved();
  const withHostile = {
    ...review,
    facts: { ...review.facts, impact: hostile, tags: [hostile] },
    fishbone: { ...review.fishbone, effect: hostile, causes: [{ id: 'c1', categoryId: review.fishbone.categories[0]?.id ?? 'people', text: hostile }] },
  };
  const actions = [action(review.rootCauses[0]?.id ?? '', { summary: hostile, verification: { by: WALTER, at: '2025-04-25T10:00:00Z', evidence: hostile, evidenceLink: 'javascript:alert(1)' } })];
  const html = renderReportHtml(buildIncidentReport(record({ review: withHostile, actions, people: { [DANA]: hostile } })), { paper: 'A4' });
  expect(html).not.toMatch(/<img|<script|href="javascript/);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/svg&gt;&lt;script&gt;');
  expect(html.match(/<\/svg>/g)).toHaveLength(1);
});

test('the procedure in force is the latest signed off at the approval, not a later one', () => {
  const head = { projectKey: 'SEC', revision: 4, currentVersion: 2, versions: [
    { version: 1, author: DANA, createdAt: '2025-01-01T00:00:00Z', changeSummary: 'First', signedOffBy: WALTER, signedOffAt: '2025-01-02T00:00:00Z' },
    { version: 2, author: DANA, createdAt: '2025-06-01T00:00:00Z', changeSummary: 'Second', signedOffBy: WALTER, signedOffAt: '2025-06-02T00:00:00Z' },
  ] };
  expect(procedureInForce(head, approved())).toMatchObject({ version: 1, basis: 'approval' });
  expect(procedureInForce(head, { ...approved(), workflow: { stage: 'in_review', history: [] }, updatedAt: '2025-07-01T00:00:00Z' })).toMatchObject({ version: 2, basis: 'last-change' });
  expect(procedureInForce(null, approved())).toBeNull();
});
