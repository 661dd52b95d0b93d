/**
 * R9/R20 risk register: a root cause decided "manage as a risk" becomes (or joins) a risk entry
 * with a treatment (accept → recorded in the register only; mitigate → also risk-treatment
 * actions), a likelihood × impact rating, an owner and a next review date, and links to the
 * incidents and root causes behind it — traceable both ways.
 */
import { z } from 'zod';
import { accountId, entityId, instant, oneOf, requiredText, text } from '../review/fields';
import { LIMITS } from '../review/limits';
import { fail, ok, type Result, type ValidationError } from '../review/result';
import { incidentRefSchema } from '../review/review';
import { validate } from '../review/validation';
import { calendarDate } from '../actions/calendar-date';

export const RISK_TREATMENTS = ['accept', 'mitigate'] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];
export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The default 1–5 × 1–5 rating matrix. */
export const RATING_SCALE = { min: 1, max: 5 } as const;

const rating = (label: string) =>
  z
    .int({ error: `${label} must be a whole number from ${RATING_SCALE.min} to ${RATING_SCALE.max}` })
    .min(RATING_SCALE.min, { error: `${label} must be at least ${RATING_SCALE.min}` })
    .max(RATING_SCALE.max, { error: `${label} must be at most ${RATING_SCALE.max}` });

/** What a person edits. */
export const riskInputSchema = z.object({
  title: requiredText('Risk title', LIMITS.shortText),
  description: text('Risk description', LIMITS.longText),
  treatment: oneOf('Treatment', RISK_TREATMENTS),
  likelihood: rating('Likelihood'),
  impact: rating('Impact'),
  ownerAccountId: accountId('Risk owner'),
  nextReviewDate: calendarDate('Next review date'),
  status: oneOf('Risk status', RISK_STATUSES).default('open'),
});

export const riskSchema = riskInputSchema.extend({
  id: entityId('Risk'),
  projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/, { error: 'Project key must look like SEC' }),
  version: z.int().min(1),
  createdAt: instant('Created at'),
  createdBy: accountId('Created by'),
  updatedAt: instant('Updated at'),
  updatedBy: accountId('Updated by'),
});

export type RiskInput = z.input<typeof riskInputSchema>;
export type Risk = z.infer<typeof riskSchema>;

/** One incident root cause behind a risk. Stored as its own record, indexed both ways. */
export const riskLinkSchema = z.object({
  riskId: entityId('Risk'),
  incident: incidentRefSchema,
  rootCauseId: entityId('Root cause'),
  linkedBy: accountId('Linked by'),
  linkedAt: instant('Linked at'),
});
export type RiskLink = z.infer<typeof riskLinkSchema>;

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export const riskScore = (likelihood: number, impact: number): number => likelihood * impact;

/** Bands of the 5 × 5 matrix: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

export interface RiskWriteContext {
  actor: string;
  at: string;
}

export function createRisk(input: unknown, identity: { id: string; projectKey: string }, context: RiskWriteContext): Result<Risk, ValidationError> {
  const parsed = validate(riskInputSchema, input, 'risk');
  if (!parsed.ok) return parsed;
  return validate(riskSchema, {
    ...parsed.value,
    title: parsed.value.title.trim(),
    ...identity,
    version: 1,
    createdAt: context.at,
    createdBy: context.actor,
    updatedAt: context.at,
    updatedBy: context.actor,
  });
}

/** A new version of the risk, or `unchanged` when the edit changes nothing (no write, no event). */
export function updateRisk(risk: Risk, input: unknown, context: RiskWriteContext & { baseVersion: number }): Result<{ risk: Risk; changed: boolean }> {
  if (context.baseVersion !== risk.version) {
    return fail({
      code: 'conflict',
      message: `This risk was changed by someone else at ${risk.updatedAt.slice(0, 16).replace('T', ' ')} UTC — reload to see their change.`,
      changedBy: risk.updatedBy,
      changedAt: risk.updatedAt,
      currentVersion: risk.version,
    });
  }
  const parsed = validate(riskInputSchema, input, 'risk');
  if (!parsed.ok) return parsed;
  const edited = { ...parsed.value, title: parsed.value.title.trim() };
  const same = (Object.keys(edited) as (keyof typeof edited)[]).every((key) => edited[key] === risk[key]);
  if (same) return ok({ risk, changed: false });
  return ok({ risk: { ...risk, ...edited, version: risk.version + 1, updatedAt: context.at, updatedBy: context.actor }, changed: true });
}

/** Accepting a risk records it; mitigating it also needs risk-treatment actions. */
export const needsTreatmentActions = (risk: Pick<Risk, 'treatment' | 'status'>): boolean => risk.treatment === 'mitigate' && risk.status === 'open';
