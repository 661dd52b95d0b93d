import { resolverInputs, type FunctionKey } from '../../src/api/resolvers';
import type { PersonaName } from '../../sandbox/jira';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * Every resolver × every sandbox persona → allowed or refused, on the SEC project where
 * alice administers, rita and mark are members (mark is the approver), owen only views and
 * oscar has no access. A refusal must be FORBIDDEN and change nothing in app storage or in Jira.
 * A resolver without an entry here fails the first test: new resolvers must declare who may call them.
 */
type Outcome = 'allow' | 'deny';
const PERSONAS: PersonaName[] = ['alice', 'rita', 'mark', 'owen', 'oscar'];

const READ = { alice: 'allow', rita: 'allow', mark: 'allow', owen: 'allow', oscar: 'deny' } as const;
const WRITE = { alice: 'allow', rita: 'allow', mark: 'allow', owen: 'deny', oscar: 'deny' } as const;
const ADMIN = { alice: 'allow', rita: 'deny', mark: 'deny', owen: 'deny', oscar: 'deny' } as const;
/** Approving decisions: the approver group only (and never the outsider or a viewer). */
const APPROVE = { alice: 'deny', rita: 'deny', mark: 'allow', owen: 'deny', oscar: 'deny' } as const;
/** Signing off the procedure: approvers and project admins. */
const SIGN_OFF = { alice: 'allow', rita: 'deny', mark: 'allow', owen: 'deny', oscar: 'deny' } as const;

const issue = { issueKey: 'SEC-1' };
const project = { projectKey: 'SEC' };

/** A schema-valid payload per resolver (stale versions on purpose: allowed writes end in CONFLICT, changing nothing). */
const MATRIX: Partial<Record<string, { payload: Record<string, unknown>; expect: Readonly<Record<PersonaName, Outcome>> }>> = {
  getPanel: { payload: issue, expect: READ },
  startReview: { payload: issue, expect: WRITE },
  saveReviewSection: { payload: { ...issue, section: 'lessons', value: {}, baseVersion: 999 }, expect: WRITE },
  transitionReview: { payload: { ...issue, target: 'in_review', baseVersion: 999 }, expect: WRITE },
  getReviewHistory: { payload: issue, expect: READ },
  getDecisions: { payload: issue, expect: READ },
  decideApproval: { payload: { ...issue, baseVersion: 999, outcome: 'approve', comment: 'ok' }, expect: APPROVE },
  saveRisk: { payload: { ...issue, rootCauseId: 'r1', risk: {} }, expect: WRITE },
  linkRisk: { payload: { ...issue, rootCauseId: 'r1', riskId: 'x1' }, expect: WRITE },
  unlinkRisk: { payload: { ...issue, rootCauseId: 'r1', riskId: 'x1' }, expect: WRITE },
  listRisks: { payload: project, expect: READ },
  getRisk: { payload: { ...project, riskId: 'x1' }, expect: READ },
  addActions: { payload: { ...issue, actions: [{}] }, expect: WRITE },
  updateAction: { payload: { ...issue, actionId: 'a1', baseVersion: 999, action: {} }, expect: WRITE },
  removeAction: { payload: { ...issue, actionId: 'a1', baseVersion: 999 }, expect: WRITE },
  createActionIssues: { payload: issue, expect: WRITE },
  linkActionIssue: { payload: { ...issue, rootCauseId: 'r1', jiraIssueKey: 'ISMS-1' }, expect: WRITE },
  verifyAction: { payload: { ...issue, actionId: 'a1', baseVersion: 999, evidence: 'checked' }, expect: WRITE },
  getSettings: { payload: project, expect: READ },
  saveSettings: { payload: { ...project, settings: {}, baseVersion: 999 }, expect: ADMIN },
  getProcedure: { payload: project, expect: READ },
  saveProcedureDraft: { payload: { ...project, text: 'Procedure', changeSummary: 'Edit', baseVersion: 999 }, expect: ADMIN },
  signOffProcedure: { payload: { ...project, version: 99 }, expect: SIGN_OFF },
  getDashboardSummary: { payload: project, expect: READ },
  listOverdueActions: { payload: project, expect: READ },
  getReviewCoverage: { payload: project, expect: READ },
  findUnreviewedIncidents: { payload: project, expect: READ },
  searchLessons: { payload: { ...project, text: 'phishing' }, expect: READ },
  getRepeatRootCause: { payload: { ...project, category: 'access-control' }, expect: READ },
  previewLessonsShare: { payload: { ...issue, audience: 'staff' }, expect: READ },
  // Allowed callers are refused with NOT_ALLOWED (the review is a draft): nothing is sent or stored.
  shareLessons: { payload: { ...issue, audience: 'staff', recipients: { users: ['712020:3a4c0000-0000-4000-8000-000000000003'] } }, expect: WRITE },
  listLessonsShares: { payload: issue, expect: READ },
  listProjectCommunications: { payload: project, expect: READ },
  exportAwarenessSummaries: { payload: { ...project, issueKeys: ['SEC-1'] }, expect: READ },
  getProcessReviews: { payload: project, expect: READ },
  suggestProcessReviewInputs: { payload: project, expect: READ },
  /** Recording the process review: approvers and project admins (allowed callers get INVALID_INPUT for the empty review). */
  recordProcessReview: { payload: { ...project, review: {} }, expect: SIGN_OFF },
  retryProcessReviewActions: { payload: { ...project, processReviewId: 'x1' }, expect: SIGN_OFF },
  getIncidentReport: { payload: { ...issue, paper: 'A4' }, expect: READ },
  /** Exporting only reads the record (the export is recorded in the audit trail). */
  exportIncidentReport: { payload: { ...issue, paper: 'Letter', purpose: 'download' }, expect: READ },
  attachIncidentReport: { payload: { ...issue, paper: 'A4' }, expect: WRITE },
  /** The walkthrough is for managers: approvers and project admins (the sign-off rule). */
  getIncidentWalkthrough: { payload: { ...project, ...issue }, expect: SIGN_OFF },
  /** The audit evidence pack: approvers and project admins, like sign-off (each allowed call writes its audit event). */
  getEvidencePackOverview: { payload: { ...project, period: { kind: 'quarter' } }, expect: SIGN_OFF },
  listEvidencePackRecords: { payload: { ...project, period: { kind: 'year' }, list: 'incidents' }, expect: SIGN_OFF },
  recordEvidencePackExport: { payload: { ...project, period: { kind: 'year' }, format: 'json', recordCounts: { incidents: 0, actions: 0, risks: 0, communications: 0, processReviews: 0 } }, expect: SIGN_OFF },
  getIssueGlance: { payload: issue, expect: READ },
  getBackfill: { payload: project, expect: ADMIN },
  runBackfill: { payload: project, expect: ADMIN },
  /** Site-wide: anyone who can browse a project with app data (SEC); the outsider browses none of them. */
  getGlobalSummary: { payload: {}, expect: READ },
  /** Site-wide like the summary; it names only projects the caller browses and manages evidence for (global-evidence test). */
  listEvidencePackProjects: { payload: {}, expect: READ },
};

let app: AppHarness;

beforeAll(async () => {
  app = createAppHarness();
  await app.data('rita', 'startReview', issue);
});

afterAll(() => {
  app.sandbox.close();
});

/** App storage and every Jira table, to prove a refusal changed nothing anywhere. */
function worldSnapshot(): string {
  const tables = (app.sandbox.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'jira_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  const jira = tables.map((name) => JSON.stringify(app.sandbox.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  return `${app.storageSnapshot()}\n${jira}`;
}

test('every resolver has an entry in the matrix', () => {
  const missing = (Object.keys(resolverInputs) as FunctionKey[]).filter((key) => MATRIX[key] === undefined);
  expect(missing).toEqual([]);
});

const cases = Object.entries(MATRIX).flatMap(([key, entry]) => PERSONAS.map((persona) => [key, persona, entry?.expect[persona] ?? 'deny'] as const));

test.each(cases)('%s as %s → %s', async (key, persona, outcome) => {
  const entry = MATRIX[key];
  if (entry === undefined) throw new Error(`no matrix entry for ${key}`);
  const before = worldSnapshot();
  const result = await app.invoke(persona, key as FunctionKey, entry.payload);
  const code = result.ok ? 'ok' : result.error.code;
  if (outcome === 'deny') {
    expect(code).toBe('FORBIDDEN');
    expect(worldSnapshot()).toBe(before);
  } else {
    expect(code).not.toBe('FORBIDDEN');
    expect(code).not.toBe('INTERNAL');
  }
});
