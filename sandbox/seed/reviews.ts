import type { Envelope } from '../../src/api/envelope';
import { DEFAULT_FISHBONE_CATEGORIES, type Review, type ReviewStage } from '../../src/domain/review';
import { jiraRequest } from '../jira-as';
import { PERSONAS, STAFF, type PersonaName } from '../jira';
import type { Sandbox } from '../sandbox';
import { reviewContentFor } from './review-content';

/**
 * Seeds post-incident reviews at every stage by driving the app's own resolvers as the personas
 * would (start, fill each section, submit, request approval, approve, close) — so seeded records
 * went through the same validation, permissions and audit trail as real ones.
 */
const HOUR = 3_600_000;

interface SeedIssue {
  key: string;
  fields: { labels: string[]; created: string; resolutiondate: string | null; assignee?: { accountId: string } | null };
}

/** The stage each resolved incident ends in, oldest first: old ones are closed, recent ones still in progress; some have none. */
function plannedStage(index: number, total: number): ReviewStage | null {
  const position = index / total;
  if (position < 0.45) return index % 7 === 3 ? null : 'closed';
  if (position < 0.65) return index % 5 === 2 ? null : 'approved';
  if (position < 0.75) return 'awaiting_approval';
  if (position < 0.85) return 'in_review';
  if (position < 0.92) return 'draft';
  return null;
}

const iso = (ms: number) => new Date(ms).toISOString();

export interface ReviewSeedSummary {
  reviews: Record<string, number>;
}

export async function seedReviews(sandbox: Sandbox): Promise<ReviewSeedSummary> {
  const already = sandbox.db.prepare(`SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = 'review'`).get() as { n: number };
  const summary: ReviewSeedSummary = { reviews: {} };
  if (already.n > 0) return summary;

  const call = async <T>(persona: PersonaName, functionKey: string, payload: unknown): Promise<T> => {
    const accountId = PERSONAS[persona].accountId;
    const context = sandbox.app.frameContext(accountId, { type: 'jira:issuePanel' }, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
    const envelope = (await sandbox.app.invoke(accountId, context, functionKey, payload)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`seed: ${functionKey} ${JSON.stringify(payload).slice(0, 80)} failed: ${envelope.error.message}`);
    return envelope.data;
  };

  for (const projectKey of ['SEC', 'OPS']) {
    const search = await jiraRequest<{ issues: SeedIssue[] }>(sandbox.jira, { kind: 'app' }, 'POST', '/rest/api/3/search/jql', {
      jql: `project = ${projectKey} AND statusCategory = Done ORDER BY created ASC`,
      fields: ['labels', 'created', 'resolutiondate', 'assignee'],
      maxResults: 200,
    });
    const issues = search.body.issues;
    for (const [index, issue] of issues.entries()) {
      const stage = plannedStage(index, issues.length);
      if (stage === null) continue;
      await seedOne(call, issue, stage);
      summary.reviews[stage] = (summary.reviews[stage] ?? 0) + 1;
    }
  }
  return summary;
}

type Call = <T>(persona: PersonaName, functionKey: string, payload: unknown) => Promise<T>;

async function seedOne(call: Call, issue: SeedIssue, stage: ReviewStage): Promise<void> {
  const content = reviewContentFor(issue.fields.labels);
  const started = await call<{ review: Review }>('rita', 'startReview', { issueKey: issue.key });
  let review = started.review;
  const save = async (section: string, value: unknown) => {
    review = (await call<{ review: Review }>('rita', 'saveReviewSection', { issueKey: issue.key, section, value, baseVersion: review.version })).review;
  };
  const move = async (persona: PersonaName, target: ReviewStage, reason?: string) => {
    review = (await call<{ review: Review }>(persona, 'transitionReview', { issueKey: issue.key, target, baseVersion: review.version, ...(reason ? { reason } : {}) })).review;
  };

  const reported = Date.parse(issue.fields.created);
  const resolved = issue.fields.resolutiondate ? Date.parse(issue.fields.resolutiondate) : reported + 24 * HOUR;
  const responder = issue.fields.assignee?.accountId ?? PERSONAS.rita.accountId;
  await save('facts', {
    ...review.facts,
    type: content.type,
    severity: review.facts.severity ?? 'medium',
    ciaAffected: content.cia,
    affectedAssets: review.facts.affectedAssets.length > 0 ? review.facts.affectedAssets : ['Unknown asset'],
    impact: review.facts.impact !== '' ? review.facts.impact : content.problem,
    timestamps: { occurredAt: iso(reported - 5 * HOUR), detectedAt: iso(reported - 2 * HOUR), reportedAt: iso(reported), containedAt: iso(Math.min(reported + 3 * HOUR, resolved)), resolvedAt: iso(resolved) },
    remediationSteps: content.improvements.split(/;\s*/),
  });
  if (stage === 'draft') return;

  await save('timeline', [
    { id: 'seed-t1', at: iso(reported - 5 * HOUR), text: content.problem },
    { id: 'seed-t2', at: iso(reported - 2 * HOUR), text: 'Detected and escalated to the security team' },
    { id: 'seed-t3', at: iso(Math.min(reported + 3 * HOUR, resolved)), text: 'Contained' },
  ]);
  const meeting = iso(resolved + 48 * HOUR);
  await save('people', {
    incidentManager: PERSONAS.rita.accountId,
    responseTeam: [...new Set([responder, STAFF.sam.accountId])],
    legal: [],
    informationSecurity: [PERSONAS.mark.accountId],
    communications: [STAFF.grace.accountId],
    meeting: { heldAt: meeting, attendees: [PERSONAS.rita.accountId, PERSONAS.mark.accountId, STAFF.sam.accountId] },
  });
  await save('fiveWhys', [{ id: 'seed-c1', problem: content.problem, steps: content.whys.map(([why, because]) => ({ why, because })) }]);
  await save('fishbone', {
    effect: content.problem,
    categories: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({ ...category })),
    causes: content.fishbone.map(([categoryId, text], index) => ({ id: `seed-f${index + 1}`, categoryId, text })),
  });
  await save('rootCauses', [
    { id: 'seed-r1', text: content.rootCauses[0][1], category: content.rootCauses[0][0], source: { kind: 'five-whys', chainId: 'seed-c1' } },
    { id: 'seed-r2', text: content.rootCauses[1][1], category: content.rootCauses[1][0], source: { kind: 'fishbone', causeId: 'seed-f1' } },
  ]);
  await save('lessons', {
    whatWasTheIncident: content.problem,
    whatHappened: content.whys.map(([, because]) => because).join('; '),
    whatWasTheImpact: review.facts.impact,
    howEffectiveWasTheResponse: 'Contained within hours of detection.',
    whatWentWell: content.wentWell,
    whatWouldWeDoDifferently: content.differently,
    whatImprovementsAreNeeded: content.improvements,
  });
  await save('decisions', [
    { rootCauseId: 'seed-r1', option: 'corrective-action', rationale: `Prevents a repeat: ${content.improvements}` },
    { rootCauseId: 'seed-r2', option: 'continual-improvement', rationale: content.differently },
  ]);
  await move('rita', 'in_review');
  if (stage === 'in_review') return;
  await move('rita', 'awaiting_approval');
  if (stage === 'awaiting_approval') return;
  await move('mark', 'approved');
  if (stage === 'approved') return;
  await move('mark', 'closed');
}
