import type { Action } from '../../../../src/domain/actions';
import type { Review } from '../../../../src/domain/review';
import { DANA, INCIDENT, draftReview, phishingReview } from '../review/fixtures';

/** A review whose facts and stage the test decides. */
export function reviewWith(patch: { timestamps?: Review['facts']['timestamps']; severity?: Review['facts']['severity']; type?: Review['facts']['type']; stage?: Review['workflow']['stage']; history?: Review['workflow']['history']; categories?: string[]; createdAt?: string }): Review {
  const base = phishingReview('draft');
  return {
    ...base,
    facts: {
      ...base.facts,
      timestamps: patch.timestamps ?? base.facts.timestamps,
      ...(patch.severity === undefined ? {} : { severity: patch.severity }),
      ...(patch.type === undefined ? {} : { type: patch.type }),
    },
    rootCauses: patch.categories === undefined ? base.rootCauses : patch.categories.map((category, index) => ({ id: `r${String(index + 1)}`, text: `Cause ${String(index + 1)}`, category, source: { kind: 'manual' as const } })),
    workflow: { stage: patch.stage ?? 'draft', history: patch.history ?? [] },
    createdAt: patch.createdAt ?? base.createdAt,
  };
}

export const emptyReview = (createdAt = '2026-03-07T12:00:00.000Z'): Review => ({ ...draftReview(), createdAt });

export function action(patch: Partial<Action> = {}): Action {
  return {
    id: 'a1',
    incident: INCIDENT,
    rootCauseId: 'r1',
    rootCauseCategory: 'policy-process',
    kind: 'corrective',
    summary: 'Introduce call-back verification',
    description: '',
    ownerAccountId: DANA,
    targetDate: '2026-03-31',
    status: 'todo',
    origin: 'created',
    jira: { issueId: '10100', issueKey: 'SEC-100' },
    version: 2,
    createdAt: '2026-03-01T09:00:00.000Z',
    createdBy: DANA,
    updatedAt: '2026-03-01T09:00:00.000Z',
    updatedBy: DANA,
    ...patch,
  };
}
