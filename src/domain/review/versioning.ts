/**
 * Optimistic concurrency for the review document. Two people editing the same review is normal
 * in an incident team; a write based on an old version is refused (never merged silently) and
 * the message says who got there first.
 */
import { fail, ok, type ConflictError, type Result } from './result';
import type { Review } from './review';

/** Resolves an accountId to a display name when the caller has one (the domain stores only ids). */
export type NameOf = (accountId: string) => string | undefined;

/** "2025-03-14 09:30 UTC": servers run in UTC, so the message states it rather than guessing a zone. */
export const formatUtc = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

export function checkBaseVersion(review: Review, baseVersion: number, nameOf?: NameOf): Result<void, ConflictError> {
  if (baseVersion === review.version) return ok(undefined);
  const who = nameOf?.(review.updatedBy) ?? review.updatedBy;
  return fail({
    code: 'conflict',
    message: `This review was changed by ${who} at ${formatUtc(review.updatedAt)} — reload to see their change.`,
    changedBy: review.updatedBy,
    changedAt: review.updatedAt,
    currentVersion: review.version,
  });
}

/** The metadata every write stamps on the document. */
export const stampWrite = (review: Review, actor: string, at: string): Review => ({
  ...review,
  version: review.version + 1,
  updatedAt: at,
  updatedBy: actor,
});
