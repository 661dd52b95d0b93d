/**
 * R25 the periodic (e.g. annual) review of the incident process itself: when it was held, who
 * took part, what it looked at (the period's KPIs and other inputs), what it found, which actions
 * follow (spawned as Jira issues) and when the next review is due — plus the "overdue" flag.
 */
import { z } from 'zod';
import { calendarDate, daysBetween } from '../actions/calendar-date';
import { accountId, entityId, instant, list, oneOf, requiredText, text, uniqueList } from '../review/fields';
import { LIMITS } from '../review/limits';
import { validate } from '../review/validation';
import type { Result, ValidationError } from '../review/result';

export const processReviewActionInputSchema = z.object({
  summary: requiredText('Action summary', LIMITS.shortText),
  ownerAccountId: accountId('Action owner'),
  targetDate: calendarDate('Action target date'),
});

export const kpiSchema = z.object({
  label: requiredText('KPI name', 120),
  value: text('KPI value', 120),
});

export const processReviewInputSchema = z
  .object({
    heldOn: calendarDate('Review date'),
    participants: uniqueList('Participants', accountId('Participant'), LIMITS.attendees).refine((people) => people.length > 0, { error: 'Name at least one participant' }),
    inputs: z.object({
      periodFrom: calendarDate('Period start'),
      periodTo: calendarDate('Period end'),
      kpis: list('KPIs', kpiSchema, 30),
      notes: text('Other inputs', LIMITS.longText),
    }),
    findings: list('Findings', requiredText('Finding', LIMITS.stepText), 30).refine((findings) => findings.length > 0, { error: 'Record at least one finding (it may be "no change needed")' }),
    actions: list('Actions', processReviewActionInputSchema, 20),
    nextReviewDate: calendarDate('Next review date'),
  })
  .superRefine((value, ctx) => {
    if (value.inputs.periodFrom > value.inputs.periodTo) ctx.addIssue({ code: 'custom', path: ['inputs', 'periodTo'], message: 'Period end must not be before period start' });
    if (value.nextReviewDate <= value.heldOn) ctx.addIssue({ code: 'custom', path: ['nextReviewDate'], message: 'Next review date must be after the review date' });
  });

export type ProcessReviewInput = z.input<typeof processReviewInputSchema>;

/** `pending` until Jira confirmed the issue; `unconfirmed` after a lost answer (looked up before any retry); `failed` when Jira refused. */
export const PROCESS_ACTION_STATUSES = ['pending', 'created', 'unconfirmed', 'failed'] as const;

export const processReviewActionSchema = processReviewActionInputSchema.extend({
  id: entityId('Action'),
  status: oneOf('Action status', PROCESS_ACTION_STATUSES),
  jira: z.object({ issueId: z.string(), issueKey: z.string() }).optional(),
  error: z.string().max(500).optional(),
});
export type ProcessReviewAction = z.infer<typeof processReviewActionSchema>;

export const processReviewSchema = z.object({
  id: entityId('Process review'),
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/),
  heldOn: calendarDate('Review date'),
  participants: z.array(z.string()),
  inputs: z.object({ periodFrom: z.string(), periodTo: z.string(), kpis: z.array(kpiSchema), notes: z.string() }),
  findings: z.array(z.string()),
  actions: z.array(processReviewActionSchema),
  nextReviewDate: calendarDate('Next review date'),
  version: z.int().min(1),
  recordedBy: accountId('Recorded by'),
  recordedAt: instant('Recorded at'),
});
export type ProcessReview = z.infer<typeof processReviewSchema>;

export function newProcessReview(input: unknown, identity: { id: string; projectKey: string; actor: string; at: string; actionIds: readonly string[] }): Result<ProcessReview, ValidationError> {
  const parsed = validate(processReviewInputSchema, input, 'review');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  return {
    ok: true,
    value: {
      id: identity.id,
      projectKey: identity.projectKey,
      heldOn: value.heldOn,
      participants: value.participants,
      inputs: { ...value.inputs, notes: value.inputs.notes.trim() },
      findings: value.findings.map((finding) => finding.trim()),
      actions: value.actions.map((action, index) => ({ ...action, summary: action.summary.trim(), id: identity.actionIds[index] ?? `a${index + 1}`, status: 'pending' })),
      nextReviewDate: value.nextReviewDate,
      version: 1,
      recordedBy: identity.actor,
      recordedAt: identity.at,
    },
  };
}

export type ProcessReviewState = 'never' | 'scheduled' | 'due-soon' | 'overdue';

export interface ProcessReviewStatus {
  state: ProcessReviewState;
  /** The flag for the dashboard: the next review date has passed without a newer review. */
  overdue: boolean;
  lastHeldOn?: string;
  nextReviewDate?: string;
  /** Days past the next review date (0 unless overdue). */
  daysOverdue: number;
}

/** Within this many days of the next review date the status reads "due soon". */
export const DUE_SOON_DAYS = 30;

/** The status from the most recent review (by review date); `never` when the process was never reviewed. */
export function processReviewStatus(latest: Pick<ProcessReview, 'heldOn' | 'nextReviewDate'> | undefined, today: string): ProcessReviewStatus {
  if (latest === undefined) return { state: 'never', overdue: false, daysOverdue: 0 };
  const until = daysBetween(today, latest.nextReviewDate);
  const base = { lastHeldOn: latest.heldOn, nextReviewDate: latest.nextReviewDate };
  if (until < 0) return { ...base, state: 'overdue', overdue: true, daysOverdue: -until };
  return { ...base, state: until <= DUE_SOON_DAYS ? 'due-soon' : 'scheduled', overdue: false, daysOverdue: 0 };
}
