/**
 * R10/R11 corrective and improvement actions. An action belongs to one root cause of one
 * incident and follows the decision taken for it; it is planned in the app ("draft"), becomes a
 * linked Jira issue (created by the app, or an existing issue linked), is tracked from Jira to
 * completion, verified by someone other than its owner, and judged effective later.
 */
import { z } from 'zod';
import { accountId, entityId, instant, oneOf, requiredText, text } from '../review/fields';
import { LIMITS } from '../review/limits';
import { incidentRefSchema } from '../review/review';
import type { DecisionOption } from '../decisions/decision';
import { calendarDate } from './calendar-date';

export const ACTION_KINDS = ['corrective', 'improvement', 'risk-treatment'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  corrective: 'Corrective action',
  improvement: 'Improvement',
  'risk-treatment': 'Risk treatment',
};

/** `draft` = planned in the app, no Jira issue yet; the others mirror the Jira issue. */
export const ACTION_STATUSES = ['draft', 'todo', 'in-progress', 'done', 'deleted'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still count as open work (for "overdue"). */
export const OPEN_STATUSES: readonly ActionStatus[] = ['draft', 'todo', 'in-progress'];

/** At most this many actions per incident (two bulk-create calls' worth). */
export const MAX_ACTIONS_PER_INCIDENT = 50;

export const actionInputSchema = z.object({
  rootCauseId: entityId('Root cause'),
  kind: oneOf('Action kind', ACTION_KINDS).optional(),
  summary: requiredText('Action summary', LIMITS.shortText),
  description: text('Action description', LIMITS.longText).default(''),
  ownerAccountId: accountId('Action owner'),
  /** Defaults to the project's "due in N days". */
  targetDate: calendarDate('Target date').optional(),
});
export type ActionInput = z.input<typeof actionInputSchema>;

export const jiraIssueRefSchema = z.object({
  issueId: z.string().regex(/^\d{1,20}$/),
  issueKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,99}-[1-9]\d{0,9}$/),
});
export type JiraIssueRef = z.infer<typeof jiraIssueRefSchema>;

export const verificationSchema = z.object({
  by: accountId('Verified by'),
  at: instant('Verified at'),
  evidence: requiredText('Evidence', LIMITS.longText),
  evidenceLink: z.string().max(2000).optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

export const EFFECTIVENESS_VERDICTS = ['effective', 'not-effective'] as const;
export type EffectivenessVerdict = (typeof EFFECTIVENESS_VERDICTS)[number];

export const effectivenessSchema = z.object({
  verdict: oneOf('Effectiveness', EFFECTIVENESS_VERDICTS),
  judgedAt: instant('Judged at'),
  windowDays: z.int().min(1),
  /** The incident whose root cause had the same category, for "not effective". */
  recurrence: z.object({ issueId: z.string(), issueKey: z.string() }).optional(),
});
export type Effectiveness = z.infer<typeof effectivenessSchema>;

export const actionSchema = z.object({
  id: entityId('Action'),
  incident: incidentRefSchema,
  rootCauseId: entityId('Root cause'),
  /** Copied when planned, so effectiveness can be judged even if the review changes later. */
  rootCauseCategory: entityId('Root cause category'),
  kind: oneOf('Action kind', ACTION_KINDS),
  summary: requiredText('Action summary', LIMITS.shortText),
  description: text('Action description', LIMITS.longText),
  ownerAccountId: accountId('Action owner'),
  targetDate: calendarDate('Target date'),
  status: oneOf('Action status', ACTION_STATUSES),
  origin: oneOf('Action origin', ['created', 'linked'] as const),
  jira: jiraIssueRefSchema.optional(),
  /** When Jira resolved the issue (set when it reaches a done status, cleared when reopened). */
  resolvedAt: instant('Resolved at').optional(),
  /** The Jira issue's `updated` time of the last observation applied, so stale events are ignored. */
  observedAt: instant('Observed at').optional(),
  verification: verificationSchema.optional(),
  effectiveness: effectivenessSchema.optional(),
  version: z.int().min(1),
  createdAt: instant('Created at'),
  createdBy: accountId('Created by'),
  updatedAt: instant('Updated at'),
  updatedBy: accountId('Updated by'),
});
export type Action = z.infer<typeof actionSchema>;

/** Which decisions call for actions, and of which kind by default. */
export const DEFAULT_KIND_FOR: Record<DecisionOption, ActionKind | undefined> = {
  'no-further-action': undefined,
  'corrective-action': 'corrective',
  'continual-improvement': 'improvement',
  'manage-as-risk': 'risk-treatment',
};

/** A new version stamped with who and when. */
export const stampAction = (action: Action, actor: string, at: string): Action => ({ ...action, version: action.version + 1, updatedAt: at, updatedBy: actor });
