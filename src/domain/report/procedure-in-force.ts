/**
 * Which signed-off version of the project's review procedure (R21) governed a review: the latest
 * version signed off at or before the moment that counts — the approval of the decisions, or,
 * for a review not approved yet, its last change.
 */
import { compareAsc } from 'date-fns';
import type { ProcedureHead, ProcedureVersionMeta } from '../procedure/procedure';
import { currentApproval } from '../review/workflow';
import type { Review } from '../review/review';

export interface ProcedureInForce {
  version: number;
  signedOffBy: string;
  signedOffAt: string;
  changeSummary: string;
  /** The moment the version was chosen for, and what that moment was. */
  at: string;
  basis: 'approval' | 'last-change';
}

export function procedureInForce(head: ProcedureHead | null, review: Review | null): ProcedureInForce | null {
  if (head === null || review === null) return null;
  const approval = currentApproval(review);
  const at = approval?.at ?? review.updatedAt;
  const signedBefore = head.versions.filter(
    (meta): meta is ProcedureVersionMeta & { signedOffBy: string; signedOffAt: string } =>
      meta.signedOffBy !== undefined && meta.signedOffAt !== undefined && compareAsc(new Date(meta.signedOffAt), new Date(at)) <= 0,
  );
  const inForce = signedBefore.sort((a, b) => compareAsc(new Date(a.signedOffAt), new Date(b.signedOffAt))).at(-1);
  if (inForce === undefined) return null;
  return { version: inForce.version, signedOffBy: inForce.signedOffBy, signedOffAt: inForce.signedOffAt, changeSummary: inForce.changeSummary, at, basis: approval === undefined ? 'last-change' : 'approval' };
}
