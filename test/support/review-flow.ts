import { phishingReview } from '../unit/domain/review/fixtures';

/**
 * Drives an incident's review to "approved" through the resolvers, as the responder and the
 * approver would: the complete phishing review, a decision per root cause, request and approval.
 */
export type FlowInvoke = (persona: 'rita' | 'mark', key: string, payload: unknown) => Promise<unknown>;

interface WithReview {
  data: { review: { version: number } | null };
}

export async function approveReview(invoke: FlowInvoke, issueKey: string): Promise<void> {
  const complete = phishingReview('draft');
  let version = ((await invoke('rita', 'startReview', { issueKey })) as WithReview).data.review?.version ?? 1;
  const save = async (section: string, value: unknown) => {
    version = ((await invoke('rita', 'saveReviewSection', { issueKey, section, value, baseVersion: version })) as { data: { review: { version: number } } }).data.review.version;
  };
  for (const section of ['facts', 'timeline', 'people', 'fiveWhys', 'fishbone', 'rootCauses', 'lessons'] as const) await save(section, complete[section]);
  await save('decisions', [
    { rootCauseId: 'r1', option: 'corrective-action', rationale: 'Prevents a repeat' },
    { rootCauseId: 'r2', option: 'continual-improvement', rationale: 'Strengthens the control' },
  ]);
  for (const [persona, target] of [['rita', 'in_review'], ['rita', 'awaiting_approval'], ['mark', 'approved']] as const) {
    version = ((await invoke(persona, 'transitionReview', { issueKey, target, baseVersion: version })) as { data: { review: { version: number } } }).data.review.version;
  }
}
