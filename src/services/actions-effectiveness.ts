import { judgeEffectiveness, type Action, type LaterIncident } from '../domain/actions';
import { parseReview } from '../domain/review';
import { ENTITY, queryIndex } from '../platform/store';
import { actionEvent } from './actions';
import { doneActionsOfProject, writeActions } from './actions-records';
import type { ReviewRecord } from './review-records';
import { loadProjectSettings } from './settings-store';

/**
 * R11 effectiveness, for the daily job: each completed action of a project not judged yet is
 * "not effective" as soon as another incident of the project with the same root-cause category
 * happened within the window after its completion, and "effective" once the window has passed
 * without one. Safe to run twice: judged actions are skipped, and writes are version-conditional.
 */

const APP_ACTOR = 'lessons-learned-app';

/** Incidents reviewed since `since` (a recurrence's review is necessarily written after the action was completed). */
async function incidentsReviewedSince(projectKey: string, since: number): Promise<LaterIncident[]> {
  const incidents: LaterIncident[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndex<ReviewRecord>(ENTITY.review, 'by-project-updated', [projectKey], { atLeast: since, sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
    for (const item of page.items) {
      const parsed = parseReview(item.value.document);
      if (!parsed.ok) continue;
      const review = parsed.value;
      const { occurredAt, reportedAt } = review.facts.timestamps;
      incidents.push({ issueId: review.incident.issueId, issueKey: review.incident.issueKey, occurredAt: occurredAt ?? reportedAt ?? review.createdAt, categories: review.rootCauses.map((rootCause) => rootCause.category) });
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return incidents;
}

export interface EffectivenessRun {
  judged: number;
  effective: number;
  notEffective: number;
  pending: number;
}

export async function judgeProjectEffectiveness(projectKey: string, now: Date): Promise<EffectivenessRun> {
  const { settings } = await loadProjectSettings(projectKey);
  const unjudged: Action[] = [];
  let cursor: string | undefined;
  do {
    const page = await doneActionsOfProject(projectKey, now.getTime(), cursor);
    unjudged.push(...page.actions.filter((action) => action.effectiveness === undefined && action.resolvedAt !== undefined));
    cursor = page.cursor;
  } while (cursor !== undefined);
  const run: EffectivenessRun = { judged: 0, effective: 0, notEffective: 0, pending: 0 };
  if (unjudged.length === 0) return run;
  const earliest = Math.min(...unjudged.map((action) => Date.parse(action.resolvedAt ?? now.toISOString())));
  const incidents = await incidentsReviewedSince(projectKey, earliest);
  const at = now.toISOString();
  const changes = unjudged.flatMap((action) => {
    const judgement = judgeEffectiveness(action, incidents, settings.effectivenessWindowDays, now);
    if (judgement === undefined || judgement.verdict === 'pending') {
      run.pending += 1;
      return [];
    }
    run.judged += 1;
    if (judgement.verdict === 'effective') run.effective += 1;
    else run.notEffective += 1;
    const next: Action = { ...action, effectiveness: judgement, version: action.version + 1, updatedAt: at, updatedBy: APP_ACTOR };
    const reason = judgement.recurrence === undefined ? undefined : `Root-cause category recurred in ${judgement.recurrence.issueKey}`;
    return [{ action: next, baseVersion: action.version, previous: action, event: actionEvent(next, 'action-effectiveness-judged', APP_ACTOR, at, action, next, reason) }];
  });
  await writeActions(changes);
  return run;
}
