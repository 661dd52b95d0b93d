import { AppError } from '../api/errors';
import { contributionDelta, isEmptyContribution, reviewContribution, reviewSearchAttributes, type Contribution, type ReviewSearchAttributes } from '../domain/dashboard';
import { parseReview, type AuditEvent, type Review, type SectionName } from '../domain/review';
import { ENTITY, getMixedRecords, getRecord, queryIndex, transact, type Page, type TransactWrite } from '../platform/store';
import { contributionOfRegistration, incidentKey, type IncidentRecord } from './incident-registrations';
import { syncAfterCommit, syncMarkerWrite } from './property-sync';
import { commitWithRollups, rollupKey, rollupPeriods, type RollupRecord } from './rollups';

/**
 * How reviews and their audit trail are stored. A review is keyed by the Jira issue id (stable
 * when an issue moves project); its attributes beside the document are what the indexes need.
 */
export interface ReviewRecord extends ReviewSearchAttributes {
  issueId: string;
  issueKey: string;
  projectKey: string;
  stage: Review['workflow']['stage'];
  version: number;
  startedAt: string;
  startedBy: string;
  /** Epoch millis, indexed for "recently updated" lists. */
  updatedAt: number;
  updatedBy: string;
  document: Review;
}

export interface AuditRecord {
  recordKey: string;
  projectKey: string;
  at: number;
  accountId: string;
  change: AuditEvent;
}

export const reviewKey = (issueId: string): string => `review-${issueId}`;

/** One audit event per review version: the key makes a replayed write land on the same record. */
const auditKey = (event: AuditEvent): string => `audit-${event.incident.issueId}-v${event.version}`;

export async function readReview(issueId: string): Promise<Review | undefined> {
  const record = await getRecord<ReviewRecord>(ENTITY.review, reviewKey(issueId));
  if (record === undefined) return undefined;
  const parsed = parseReview(record.document);
  // A stored review that no longer parses is a bug or a missed migration: never show half of it.
  if (!parsed.ok) throw new AppError('INTERNAL', `The stored review of ${record.issueKey} could not be read (${parsed.error.message}).`);
  return parsed.value;
}

export function toReviewRecord(review: Review): ReviewRecord {
  return {
    issueId: review.incident.issueId,
    issueKey: review.incident.issueKey,
    projectKey: review.incident.projectKey,
    stage: review.workflow.stage,
    version: review.version,
    startedAt: review.createdAt,
    startedBy: review.createdBy,
    updatedAt: Date.parse(review.updatedAt),
    updatedBy: review.updatedBy,
    document: review,
    ...reviewSearchAttributes(review),
  };
}

/**
 * Sections whose edits cannot change what a review adds to the dashboard rollups (nor the index
 * the rollup recompute walks): saving them writes the review and its event only. Any other write
 * (facts, root causes, decisions — which may reopen an approval —, stage changes, new sections)
 * reads the previous version and applies the rollup difference in the same transaction.
 */
const ROLLUP_NEUTRAL_SECTIONS: ReadonlySet<SectionName | 'workflow'> = new Set(['timeline', 'people', 'fiveWhys', 'fishbone', 'lessons', 'affectedPolicies']);

const affectsRollups = (event: AuditEvent): boolean => event.kind !== 'section-updated' || event.section === undefined || !ROLLUP_NEUTRAL_SECTIONS.has(event.section);

/**
 * Saves a new version of the review with its audit event, only if nobody wrote in between, and
 * with the change of its dashboard rollups in the same transaction (see rollups.ts). Cost: one
 * transaction; plus one batch read (previous version + rollups) when the change can move a rollup.
 * The same changes are the ones that can change the issue's JQL property: they carry a sync
 * marker in the transaction and are mirrored to Jira after it (see property-sync.ts).
 */
export async function writeReview(review: Review, baseVersion: number | null, event: AuditEvent): Promise<void> {
  const key = reviewKey(review.incident.issueId);
  const projectKey = review.incident.projectKey;
  const record = toReviewRecord(review);
  const audit: AuditRecord = { recordKey: key, projectKey, at: Date.parse(event.at), accountId: event.by, change: event };
  const writes: TransactWrite[] = [
    { entity: ENTITY.review, key, value: record, expect: baseVersion ?? 'absent' },
    { entity: ENTITY.auditEvent, key: auditKey(event), value: audit },
  ];
  if (!affectsRollups(event)) {
    await transact(writes);
    return;
  }
  await commitWithRollupChange(review, record, baseVersion, [...writes, syncMarkerWrite(review.incident)]);
  await syncAfterCommit([review.incident.issueId]);
}

async function commitWithRollupChange(review: Review, record: ReviewRecord, baseVersion: number | null, writes: TransactWrite[]): Promise<void> {
  const key = reviewKey(review.incident.issueId);
  const projectKey = review.incident.projectKey;
  const after = reviewContribution(review);
  const periods = rollupPeriods(after);
  const registrationKey = incidentKey(review.incident.issueId);
  const read = await getMixedRecords([
    // A new review replaces the backfill's registration of the incident, if any.
    ...(baseVersion === null ? [{ entity: ENTITY.incident, key: registrationKey }] : [{ entity: ENTITY.review, key }]),
    ...periods.map((period) => ({ entity: ENTITY.rollup, key: rollupKey(projectKey, period) })),
  ]);
  const previous = read.get(`${ENTITY.review}/${key}`) as ReviewRecord | undefined;
  // Checked here too, so a stale save costs no transaction.
  if ((baseVersion === null) !== (previous === undefined) || (previous !== undefined && previous.version !== baseVersion)) {
    throw new AppError('CONFLICT', 'This record was changed by someone else. Reload to see their change.');
  }
  const registration = read.get(`${ENTITY.incident}/${registrationKey}`) as IncidentRecord | undefined;
  const counted = registration?.projectKey === projectKey ? registration : undefined;
  const before: Contribution = counted !== undefined ? contributionOfRegistration(counted) : previous === undefined || previous.projectKey !== projectKey ? {} : contributionOf(previous);
  const delta = contributionDelta(before, after);
  // The registration goes with the review's first write, or must still be absent when it lands.
  const deletes = baseVersion === null && registration !== undefined ? [{ entity: ENTITY.incident, key: registrationKey, expect: registration.version }] : [];
  const checks = baseVersion === null && registration === undefined ? [{ entity: ENTITY.incident, key: registrationKey, expect: 'absent' as const }] : [];
  // The recompute walks reviews by incident date: a move in that index must bump the rollup version even with no delta.
  if (isEmptyContribution(delta) && previous?.occurredAt === record.occurredAt && registration === undefined) {
    await transact(writes, deletes, checks);
    return;
  }
  const preloaded = new Map(periods.map((period) => [period, read.get(`${ENTITY.rollup}/${rollupKey(projectKey, period)}`) as RollupRecord | undefined]));
  await commitWithRollups({
    projectKey,
    writes,
    deletes,
    checks,
    delta,
    preloaded,
    recordChanged: async () => {
      if (baseVersion !== null) return (await getRecord<ReviewRecord>(ENTITY.review, key))?.version !== baseVersion;
      const now = await getMixedRecords([{ entity: ENTITY.review, key }, { entity: ENTITY.incident, key: registrationKey }]);
      const registrationNow = now.get(`${ENTITY.incident}/${registrationKey}`) as IncidentRecord | undefined;
      return now.has(`${ENTITY.review}/${key}`) || registrationNow?.version !== registration?.version;
    },
  });
}

/** What a stored review adds to the rollups (a document that no longer parses adds nothing, in the recompute too). */
export function contributionOf(record: Pick<ReviewRecord, 'document'>): Contribution {
  const parsed = parseReview(record.document);
  return parsed.ok ? reviewContribution(parsed.value) : {};
}

export async function readHistory(issueId: string, cursor?: string): Promise<Page<AuditRecord>> {
  return queryIndex<AuditRecord>(ENTITY.auditEvent, 'by-record', [reviewKey(issueId)], { sort: 'DESC', limit: 20, ...(cursor === undefined ? {} : { cursor }) });
}
