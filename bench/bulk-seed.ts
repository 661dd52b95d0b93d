import { DEFAULT_FISHBONE_CATEGORIES, buildAuditEvent, createReview, parseReview, type Review } from '../src/domain/review';
import { registerProject } from '../src/services/daily-job-registry';
import { writeReview } from '../src/services/review-records';
import { PERSONAS, STAFF, seedBulkIncidents } from '../sandbox/jira';
import type { Sandbox } from '../sandbox/sandbox';
import { reviewContentFor } from '../sandbox/seed/review-content';

/**
 * Brings a sandbox to N incidents with reviews in realistic proportions, fast: Jira issues are
 * inserted in one transaction and reviews are written through the app's own storage layer
 * (so indexes and rollups are maintained as in production), not through the UI.
 */
const HOUR = 3_600_000;

interface IssueRow {
  id: string;
  key: string;
  fields: { labels: string[]; created: string; resolutiondate: string | null; summary: string };
}

function reviewFor(issue: IssueRow, index: number): Review {
  const content = reviewContentFor(issue.fields.labels);
  const reported = Date.parse(issue.fields.created);
  const resolved = issue.fields.resolutiondate ? Date.parse(issue.fields.resolutiondate) : reported + 24 * HOUR;
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = iso(resolved + 2 * 24 * HOUR);
  const created = createReview({ incident: { issueId: issue.id, issueKey: issue.key, projectKey: issue.key.split('-')[0] ?? 'SEC' }, actor: PERSONAS.rita.accountId, at });
  if (!created.ok) throw new Error(created.error.message);
  const stage = (['closed', 'closed', 'closed', 'approved', 'awaiting_approval', 'in_review', 'draft'] as const)[index % 7] ?? 'draft';
  const review = {
    ...created.value,
    facts: {
      summary: issue.fields.summary,
      type: content.type,
      severity: (['critical', 'high', 'medium', 'low'] as const)[index % 4],
      ciaAffected: content.cia,
      affectedAssets: ['Customer portal'],
      impact: content.problem,
      timestamps: { occurredAt: iso(reported - 5 * HOUR), detectedAt: iso(reported - 2 * HOUR), reportedAt: iso(reported), containedAt: iso(Math.min(reported + 3 * HOUR, resolved)), resolvedAt: iso(resolved) },
      remediationSteps: content.improvements.split(/;\s*/),
      tags: issue.fields.labels.slice(0, 5),
    },
    timeline: [{ id: 't1', at: iso(reported - 2 * HOUR), text: 'Detected' }],
    people: { incidentManager: PERSONAS.rita.accountId, responseTeam: [STAFF.sam.accountId], legal: [], informationSecurity: [PERSONAS.mark.accountId], communications: [], meeting: { heldAt: at, attendees: [PERSONAS.rita.accountId] } },
    fiveWhys: [{ id: 'c1', problem: content.problem, steps: content.whys.map(([why, because]) => ({ why, because })) }],
    fishbone: { effect: content.problem, categories: DEFAULT_FISHBONE_CATEGORIES.map((c) => ({ ...c })), causes: content.fishbone.map(([categoryId, text], i) => ({ id: `f${String(i + 1)}`, categoryId, text })) },
    rootCauses: [
      { id: 'r1', text: content.rootCauses[0][1], category: content.rootCauses[0][0], source: { kind: 'five-whys', chainId: 'c1' } },
      { id: 'r2', text: content.rootCauses[1][1], category: content.rootCauses[1][0], source: { kind: 'fishbone', causeId: 'f1' } },
    ],
    lessons: { ...created.value.lessons, whatWasTheIncident: content.problem, whatWentWell: content.wentWell, whatWouldWeDoDifferently: content.differently, whatImprovementsAreNeeded: content.improvements },
    workflow: { stage, history: [] },
  };
  const parsed = parseReview(review);
  if (!parsed.ok) throw new Error(`bench review invalid: ${parsed.error.message}`);
  return parsed.value;
}

export async function bulkSeed(sandbox: Sandbox, incidents: number): Promise<{ incidents: number; reviews: number }> {
  const existing = (sandbox.db.prepare(`SELECT COUNT(*) AS n FROM jira_issues`).get() as { n: number }).n;
  if (incidents > 60) seedBulkIncidents(sandbox.jira.state, { projectKey: 'SEC', count: incidents - 60, now: new Date() });
  const rows = sandbox.db.prepare(`SELECT COUNT(*) AS n FROM jira_issues`).get() as { n: number };
  let reviews = 0;
  let page: string | undefined;
  do {
    const body: { issues: IssueRow[]; nextPageToken?: string } = JSON.parse(
      (await sandbox.jira.handle({
        method: 'POST',
        path: '/rest/api/3/search/jql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jql: 'project = SEC AND statusCategory = Done ORDER BY created ASC', fields: ['labels', 'created', 'resolutiondate', 'summary'], maxResults: 1000, ...(page ? { nextPageToken: page } : {}) }),
        as: { kind: 'app' },
      })).body,
    ) as { issues: IssueRow[]; nextPageToken?: string };
    await sandbox.runtime.invoke({ moduleKey: 'bench-seed' }, async () => {
      for (const issue of body.issues) {
        // Three in four resolved incidents have a review: coverage gaps are part of real data.
        if (reviews % 4 === 3) { reviews++; continue; }
        const review = reviewFor(issue, reviews);
        await writeReview(review, null, buildAuditEvent({ incident: review.incident, kind: 'review-created', by: review.createdBy, at: review.createdAt, version: review.version, changes: [] }));
        reviews++;
      }
    });
    page = body.nextPageToken;
  } while (page !== undefined);
  // startReview registers the project for the daily job and the all-projects page; writing the
  // reviews directly skipped it, so register it as the first review would have.
  await sandbox.runtime.invoke({ moduleKey: 'bench-seed' }, () => registerProject('SEC'));
  return { incidents: rows.n - existing + 60, reviews: Math.round((reviews * 3) / 4) };
}
