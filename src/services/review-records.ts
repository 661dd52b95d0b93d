import { AppError } from '../api/errors';
import { parseReview, type AuditEvent, type Review } from '../domain/review';
import { ENTITY, getRecord, queryIndex, writeVersioned, type Page } from '../platform/store';

/**
 * How reviews and their audit trail are stored. A review is keyed by the Jira issue id (stable
 * when an issue moves project); its attributes beside the document are what the indexes need.
 */
export interface ReviewRecord {
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

/** Saves a new version of the review with its audit event, only if nobody wrote in between. */
export async function writeReview(review: Review, baseVersion: number | null, event: AuditEvent): Promise<void> {
  const key = reviewKey(review.incident.issueId);
  const record: ReviewRecord = {
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
  };
  const audit: AuditRecord = { recordKey: key, projectKey: review.incident.projectKey, at: Date.parse(event.at), accountId: event.by, change: event };
  await writeVersioned(ENTITY.review, key, record, baseVersion, [{ entity: ENTITY.auditEvent, key: auditKey(event), value: audit }]);
}

export async function readHistory(issueId: string, cursor?: string): Promise<Page<AuditRecord>> {
  return queryIndex<AuditRecord>(ENTITY.auditEvent, 'by-record', [reviewKey(issueId)], { sort: 'DESC', limit: 20, ...(cursor === undefined ? {} : { cursor }) });
}

export async function recentReviews(projectKey: string): Promise<Page<ReviewRecord>> {
  return queryIndex<ReviewRecord>(ENTITY.review, 'by-project-updated', [projectKey], { sort: 'DESC', limit: 20 });
}
