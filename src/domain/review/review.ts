/** The whole post-incident review document: one per incident issue, stored as one KVS value. */
import { z } from 'zod';
import { accountId, instant } from './fields';
import { emptyFacts, incidentFactsSchema, type IncidentFacts } from './facts';
import { timelineSchema } from './timeline';
import { emptyPeople, peopleSchema } from './people';
import { fiveWhysSchema } from './five-whys';
import { DEFAULT_FISHBONE_CATEGORIES, emptyFishbone, fishboneSchema, type FishboneCategory } from './fishbone';
import { rootCausesSchema } from './root-causes';
import { emptyLessons, lessonsSchema } from './lessons';
import { workflowStateSchema } from './stages';
import { affectedPoliciesSchema, decisionsSchema } from '../decisions/decision';
import type { Result, ValidationError } from './result';
import { validate } from './validation';

export const incidentRefSchema = z.object({
  issueId: z.string({ error: 'Issue id is required' }).regex(/^\d{1,20}$/, { error: 'Issue id must be a number' }),
  issueKey: z
    .string({ error: 'Issue key is required' })
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}-[1-9]\d{0,9}$/, { error: 'Issue key must look like SEC-123' }),
  projectKey: z
    .string({ error: 'Project key is required' })
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, { error: 'Project key must look like SEC' }),
});

export type IncidentRef = z.infer<typeof incidentRefSchema>;

/**
 * Each editable section with its schema. A section is replaced as a whole on save; the audit
 * diff then records only the leaves that changed.
 */
export const SECTION_SCHEMAS = {
  facts: incidentFactsSchema,
  timeline: timelineSchema,
  people: peopleSchema,
  fiveWhys: fiveWhysSchema,
  fishbone: fishboneSchema,
  rootCauses: rootCausesSchema,
  lessons: lessonsSchema,
  /** R7: one decision per root cause (saved through prepareDecisions, which stamps who and when). */
  decisions: decisionsSchema,
  /** R20: policies and procedures the incident showed need updating. */
  affectedPolicies: affectedPoliciesSchema,
} as const;

export type SectionName = keyof typeof SECTION_SCHEMAS;
export const SECTION_NAMES = Object.keys(SECTION_SCHEMAS) as SectionName[];

export const SECTION_LABELS: Record<SectionName, string> = {
  facts: 'Incident facts',
  timeline: 'Timeline',
  people: 'People and roles',
  fiveWhys: '5 Whys',
  fishbone: 'Fishbone',
  rootCauses: 'Root causes',
  lessons: 'Lessons learned',
  decisions: 'Decisions',
  affectedPolicies: 'Affected policies and procedures',
};

export const REVIEW_SCHEMA_VERSION = 1;

export const reviewSchema = z.object({
  /** Bumped only when the stored shape changes, so the service knows when to migrate. */
  schemaVersion: z.literal(REVIEW_SCHEMA_VERSION),
  incident: incidentRefSchema,
  ...SECTION_SCHEMAS,
  // Reviews stored before decisions existed read as "no decisions yet".
  decisions: decisionsSchema.default([]),
  affectedPolicies: affectedPoliciesSchema.default([]),
  workflow: workflowStateSchema,
  /** Bumped on every write; a write based on an older version is refused (no silent merge). */
  version: z.int({ error: 'Version must be a whole number' }).min(1, { error: 'Version must be at least 1' }),
  createdAt: instant('Created at'),
  createdBy: accountId('Created by'),
  updatedAt: instant('Updated at'),
  updatedBy: accountId('Updated by'),
});

export type Review = z.infer<typeof reviewSchema>;
export type SectionValue<S extends SectionName> = Review[S];

export interface NewReviewInput {
  incident: IncidentRef;
  actor: string;
  at: string;
  /** Usually from factsFromJiraIssue. */
  facts?: IncidentFacts;
  /** The project's default fishbone categories. */
  fishboneCategories?: readonly FishboneCategory[];
}

export function createReview(input: NewReviewInput): Result<Review, ValidationError> {
  return validate(reviewSchema, {
    schemaVersion: REVIEW_SCHEMA_VERSION,
    incident: input.incident,
    facts: input.facts ?? emptyFacts(),
    timeline: [],
    people: emptyPeople(),
    fiveWhys: [],
    fishbone: emptyFishbone(input.fishboneCategories ?? DEFAULT_FISHBONE_CATEGORIES),
    rootCauses: [],
    lessons: emptyLessons(),
    decisions: [],
    affectedPolicies: [],
    workflow: { stage: 'draft', history: [] },
    version: 1,
    createdAt: input.at,
    createdBy: input.actor,
    updatedAt: input.at,
    updatedBy: input.actor,
  });
}

/** Validates a stored or received review (e.g. after reading from KVS). */
export const parseReview = (value: unknown): Result<Review, ValidationError> => validate(reviewSchema, value);

export const sectionOf = <S extends SectionName>(review: Review, section: S): SectionValue<S> => review[section];
