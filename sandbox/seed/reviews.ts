import type { Envelope } from '../../src/api/envelope';
import { DEFAULT_FISHBONE_CATEGORIES, type Review, type ReviewStage } from '../../src/domain/review';
import { jiraRequest } from '../jira-as';
import { PERSONAS, STAFF, type PersonaName } from '../jira';
import type { Sandbox } from '../sandbox';
import { seedActions } from './actions';
import { atTime, StepClock } from './clock';
import { reviewContentFor } from './review-content';

/**
 * Seeds post-incident reviews at every stage by driving the app's own resolvers as the personas
 * would (start, fill each section, submit, request approval, approve, close) — so seeded records
 * went through the same validation, permissions and audit trail as real ones. Each review's work
 * happens at a believable moment after its incident was resolved (see clock.ts), so approval
 * lags, and the corrective actions planned from approved decisions (actions.ts), give the project
 * page true KPIs: some reviews late, some actions done on time, some late, some still overdue.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
  /** Actions by outcome (on time, late, open) and risks recorded — only on the first run. */
  actions?: Record<string, number>;
  risks?: number;
}

export type SeedCall = <T>(persona: PersonaName, functionKey: string, payload: unknown) => Promise<T>;

export async function seedReviews(sandbox: Sandbox): Promise<ReviewSeedSummary> {
  const already = sandbox.db.prepare(`SELECT COUNT(*) AS n FROM kvs_entities WHERE entity_name = 'review'`).get() as { n: number };
  const summary: ReviewSeedSummary = { reviews: {} };
  if (already.n > 0) return summary;
  summary.actions = {};
  summary.risks = 0;

  const call: SeedCall = async <T>(persona: PersonaName, functionKey: string, payload: unknown): Promise<T> => {
    const accountId = PERSONAS[persona].accountId;
    const context = sandbox.app.frameContext(accountId, { type: 'jira:issuePanel' }, { siteUrl: 'http://127.0.0.1', colorMode: 'light' });
    const envelope = (await sandbox.app.invoke(accountId, context, functionKey, payload)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`seed: ${functionKey} ${JSON.stringify(payload).slice(0, 80)} failed: ${envelope.error.message}`);
    return envelope.data;
  };
  // Nothing the seed does may be dated in the future or at "now".
  const ceiling = Date.now() - HOUR;

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
      const clock = new StepClock(ceiling);
      const plan = { stage, index, withRisk: index % 4 === 2 && (stage === 'approved' || stage === 'closed') };
      await seedOne(call, clock, issue, plan);
      if (plan.withRisk) summary.risks += 1;
      if (stage === 'approved' || stage === 'closed') {
        const outcomes = await seedActions(sandbox, call, clock, { projectKey, issueKey: issue.key, index });
        for (const outcome of outcomes) summary.actions[outcome] = (summary.actions[outcome] ?? 0) + 1;
        if (stage === 'closed') await atTime(clock.at(clock.latest + HOUR), () => move(call, issue.key, 'mark', 'closed'));
      }
      summary.reviews[stage] = (summary.reviews[stage] ?? 0) + 1;
    }
    // The daily job's effectiveness check, as it would have run today. Loaded here, once the Forge
    // globals exist (@forge/kvs reads them when first imported).
    const { judgeProjectEffectiveness } = await import('../../src/services/actions-effectiveness');
    await sandbox.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => judgeProjectEffectiveness(projectKey, new Date()));
  }
  return summary;
}

async function move(call: SeedCall, issueKey: string, persona: PersonaName, target: ReviewStage): Promise<void> {
  const { review } = await call<{ review: Review | null }>('rita', 'getPanel', { issueKey });
  if (review === null) throw new Error(`seed: ${issueKey} has no review`);
  await call(persona, 'transitionReview', { issueKey, target, baseVersion: review.version });
}

interface Plan {
  stage: ReviewStage;
  index: number;
  withRisk: boolean;
}

async function seedOne(call: SeedCall, clock: StepClock, issue: SeedIssue, plan: Plan): Promise<void> {
  const { stage, index } = plan;
  const content = reviewContentFor(issue.fields.labels);
  const reported = Date.parse(issue.fields.created);
  const resolved = issue.fields.resolutiondate ? Date.parse(issue.fields.resolutiondate) : reported + 24 * HOUR;
  // When the team worked on the review: started a day or two after resolution, approval 4 to 30 days after it.
  const started = resolved + (1 + (index % 2)) * DAY;
  const submitted = started + (1 + (index % 3)) * DAY;
  const requested = submitted + (1 + (index % 4)) * DAY;
  const approved = requested + (index % 6 === 0 ? 18 : 1 + (index % 5)) * DAY;
  const step = (planned: number, work: () => Promise<void>) => atTime(clock.at(planned), work);

  let review = (await atTime(clock.at(started), () => call<{ review: Review }>('rita', 'startReview', { issueKey: issue.key }))).review;
  const save = (section: string, value: unknown) =>
    step(started, async () => {
      review = (await call<{ review: Review }>('rita', 'saveReviewSection', { issueKey: issue.key, section, value, baseVersion: review.version })).review;
    });
  const moveTo = (at: number, persona: PersonaName, target: ReviewStage) =>
    step(at, async () => {
      review = (await call<{ review: Review }>(persona, 'transitionReview', { issueKey: issue.key, target, baseVersion: review.version })).review;
    });

  const responder = issue.fields.assignee?.accountId ?? PERSONAS.rita.accountId;
  await save('facts', {
    ...review.facts,
    type: content.type,
    severity: review.facts.severity ?? 'medium',
    ciaAffected: content.cia,
    affectedAssets: review.facts.affectedAssets.length > 0 ? review.facts.affectedAssets : ['Unknown asset'],
    impact: review.facts.impact !== '' ? review.facts.impact : content.problem,
    timestamps: {
      occurredAt: iso(reported - (3 + (index % 9)) * HOUR),
      detectedAt: iso(reported - 2 * HOUR),
      reportedAt: iso(reported),
      containedAt: iso(Math.min(reported + (1 + (index % 6)) * HOUR, resolved)),
      resolvedAt: iso(resolved),
    },
    remediationSteps: content.improvements.split(/;\s*/),
  });
  if (stage === 'draft') return;

  await save('timeline', [
    { id: 'seed-t1', at: iso(reported - 5 * HOUR), text: content.problem },
    { id: 'seed-t2', at: iso(reported - 2 * HOUR), text: 'Detected and escalated to the security team' },
    { id: 'seed-t3', at: iso(Math.min(reported + 3 * HOUR, resolved)), text: 'Contained' },
  ]);
  await save('people', {
    incidentManager: PERSONAS.rita.accountId,
    responseTeam: [...new Set([responder, STAFF.sam.accountId])],
    legal: [],
    informationSecurity: [PERSONAS.mark.accountId],
    communications: [STAFF.grace.accountId],
    meeting: { heldAt: iso(Math.min(started, Date.now() - 2 * HOUR)), attendees: [PERSONAS.rita.accountId, PERSONAS.mark.accountId, STAFF.sam.accountId] },
  });
  await save('fiveWhys', [{ id: 'seed-c1', problem: content.problem, steps: content.whys.map(([why, because]) => ({ why, because })) }]);
  await save('fishbone', {
    effect: content.problem,
    categories: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({ ...category })),
    causes: content.fishbone.map(([categoryId, text], causeIndex) => ({ id: `seed-f${causeIndex + 1}`, categoryId, text })),
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
    plan.withRisk
      ? { rootCauseId: 'seed-r2', option: 'manage-as-risk', rationale: `Residual risk owned by the ISMS manager: ${content.differently}` }
      : { rootCauseId: 'seed-r2', option: 'continual-improvement', rationale: content.differently },
  ]);
  if (plan.withRisk) {
    await step(started, async () => {
      await call('rita', 'saveRisk', {
        issueKey: issue.key,
        rootCauseId: 'seed-r2',
        risk: {
          title: `Residual risk: ${content.rootCauses[1][1]}`.slice(0, 255),
          description: content.problem,
          treatment: index % 8 === 2 ? 'accept' : 'mitigate',
          likelihood: 2 + (index % 3),
          impact: 3 + (index % 2),
          ownerAccountId: PERSONAS.mark.accountId,
          nextReviewDate: iso(approved + 180 * DAY).slice(0, 10),
        },
      });
      const panel = await call<{ review: Review | null }>('rita', 'getPanel', { issueKey: issue.key });
      if (panel.review !== null) review = panel.review;
    });
  }
  await moveTo(submitted, 'rita', 'in_review');
  if (stage === 'in_review') return;
  await moveTo(requested, 'rita', 'awaiting_approval');
  if (stage === 'awaiting_approval') return;
  await moveTo(approved, 'mark', 'approved');
}
