import { z } from 'zod';
import type { Action, ActionKind, CreationReport } from '../domain/actions';
import type { ApprovalState, Decision, DecisionOption, PolicyReference } from '../domain/decisions';
import type { ChecklistItem, IncidentRef, ReviewStage, RootCause } from '../domain/review';
import type { Risk, RiskLevel, RiskLink } from '../domain/risks';
import { issueKeySchema, projectKeySchema } from './keys';

/**
 * The "Decisions & actions" part of the panel (R7–R11, R20): its resolvers' inputs and the view
 * model they all return. Decisions and affected policies themselves are review sections, saved
 * with `saveReviewSection` (`decisions`, `affectedPolicies`).
 */
const recordId = (label: string) => z.string({ error: `${label} is required` }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label} must be an id` });
const version = z.int({ error: 'baseVersion must be the version you loaded' }).min(1, { error: 'baseVersion must be at least 1' });
const comment = z.string({ error: 'comment must be text' }).max(5000, { error: 'comment must be at most 5000 characters' });

/** Action and risk contents are validated by their domain, which names the field. */
export const decisionsInputs = {
  getDecisions: z.strictObject({ issueKey: issueKeySchema }),
  decideApproval: z.strictObject({
    issueKey: issueKeySchema,
    baseVersion: version,
    outcome: z.enum(['approve', 'reject'], { error: 'outcome must be approve or reject' }),
    comment: comment.default(''),
  }),
  saveRisk: z.strictObject({
    issueKey: issueKeySchema,
    /** The root cause the risk comes from; a new risk is linked to it. */
    rootCauseId: recordId('rootCauseId'),
    /** Absent for a new risk. */
    riskId: recordId('riskId').optional(),
    baseVersion: version.optional(),
    risk: z.unknown(),
  }),
  linkRisk: z.strictObject({ issueKey: issueKeySchema, rootCauseId: recordId('rootCauseId'), riskId: recordId('riskId') }),
  unlinkRisk: z.strictObject({ issueKey: issueKeySchema, rootCauseId: recordId('rootCauseId'), riskId: recordId('riskId') }),
  listRisks: z.strictObject({ projectKey: projectKeySchema, cursor: z.string().max(2000, { error: 'cursor is too long' }).optional() }),
  getRisk: z.strictObject({ projectKey: projectKeySchema, riskId: recordId('riskId'), cursor: z.string().max(2000, { error: 'cursor is too long' }).optional() }),
  addActions: z.strictObject({ issueKey: issueKeySchema, actions: z.array(z.unknown()).min(1, { error: 'add at least one action' }).max(50, { error: 'at most 50 actions at a time' }) }),
  updateAction: z.strictObject({ issueKey: issueKeySchema, actionId: recordId('actionId'), baseVersion: version, action: z.unknown() }),
  removeAction: z.strictObject({ issueKey: issueKeySchema, actionId: recordId('actionId'), baseVersion: version }),
  createActionIssues: z.strictObject({
    issueKey: issueKeySchema,
    /** Only these drafts; all drafts of the incident when absent. */
    actionIds: z.array(recordId('actionId')).max(50, { error: 'at most 50 actions at a time' }).optional(),
  }),
  linkActionIssue: z.strictObject({
    issueKey: issueKeySchema,
    rootCauseId: recordId('rootCauseId'),
    jiraIssueKey: issueKeySchema,
    kind: z.enum(['corrective', 'improvement', 'risk-treatment'], { error: 'kind must be corrective, improvement or risk-treatment' }).optional(),
  }),
  verifyAction: z.strictObject({
    issueKey: issueKeySchema,
    actionId: recordId('actionId'),
    baseVersion: version,
    evidence: z.string({ error: 'evidence is required' }).max(5000, { error: 'evidence must be at most 5000 characters' }),
    evidenceLink: z.string().max(2000, { error: 'evidenceLink is too long' }).optional(),
  }),
};

export interface RiskView extends Risk {
  score: number;
  level: RiskLevel;
}

export interface ActionView extends Action {
  /** Days past the target date while still open; 0 otherwise. */
  daysOverdue: number;
  /** Done, not yet verified, and the caller may verify it (is not its owner and may edit the incident). */
  canVerify: boolean;
}

export interface RootCauseDecisionView {
  rootCause: RootCause & { categoryLabel: string };
  decision: Decision | null;
  /** The kind new actions get from this decision; null when the decision calls for none (yet). */
  actionKind: ActionKind | null;
  /** Why actions cannot be added yet, in words; null when they can. */
  actionsBlockedReason: string | null;
  risks: RiskView[];
  actions: ActionView[];
}

export interface DecisionsView {
  incident: IncidentRef & { summary: string };
  stage: ReviewStage;
  /** The review version, for saving decisions (saveReviewSection) and for decideApproval. */
  reviewVersion: number;
  canEdit: boolean;
  /** Decisions can be changed now (draft, in review; approved = change reopens approval). */
  decisionsEditable: boolean;
  /** The caller matches the approver rule and the review awaits approval. */
  canApprove: boolean;
  /** Who may approve, in words. */
  approverRule: string;
  approval: ApprovalState;
  /** What approving needs, from the decisions' point of view. */
  approvalChecklist: ChecklistItem[];
  /** Jira issues can be created once the decisions are approved. */
  canCreateIssues: boolean;
  options: { value: DecisionOption; label: string }[];
  rootCauses: RootCauseDecisionView[];
  affectedPolicies: PolicyReference[];
  actionTarget: { projectKey: string; issueTypeName: string; linkTypeName: string; defaultDueDays: number };
  /** The last "Create issues" run (kept until the next one), e.g. "3 of 4 created; retry to finish". */
  lastCreation: (CreationReport & { at: string; by: string }) | null;
  /** Draft actions not yet in Jira. */
  draftCount: number;
  /** UTC day the overdue figures were computed for. */
  today: string;
}

export interface CreateIssuesResult {
  view: DecisionsView;
  report: CreationReport;
}

export interface RiskRegisterPage {
  risks: RiskView[];
  cursor?: string;
}

export interface RiskDetail {
  risk: RiskView;
  /** R20 risk → incidents: the incident root causes behind this risk (one page, newest first). */
  links: RiskLink[];
  cursor?: string;
}

export interface DecisionsOutputs {
  getDecisions: DecisionsView;
  decideApproval: DecisionsView;
  saveRisk: DecisionsView;
  linkRisk: DecisionsView;
  unlinkRisk: DecisionsView;
  listRisks: RiskRegisterPage;
  getRisk: RiskDetail;
  addActions: DecisionsView;
  updateAction: DecisionsView;
  removeAction: DecisionsView;
  createActionIssues: CreateIssuesResult;
  linkActionIssue: DecisionsView;
  verifyAction: DecisionsView;
}
