/**
 * Size bounds for every string and list in a review.
 *
 * They are generous for real incidents (a long timeline, several why-chains) but keep each
 * field small enough to display and diff. The sum of all maxima is still larger than what a
 * single KVS value can hold, so the total is enforced separately by `assertWithinStorageLimit`
 * (storage-limit.ts) rather than made unreachable by starving individual fields.
 */
export const LIMITS = {
  idLength: 64,
  accountIdLength: 128,
  shortText: 255,
  labelText: 60,
  tagLength: 50,
  assetLength: 200,
  stepText: 1_000,
  longText: 5_000,
  tags: 30,
  assets: 50,
  remediationSteps: 50,
  timelineEntries: 300,
  timelineText: 2_000,
  peoplePerRole: 30,
  attendees: 50,
  whyChains: 10,
  whySteps: 10,
  fishboneCategories: 12,
  fishboneCauses: 100,
  rootCauses: 20,
  lessonAnswer: 5_000,
  /** Stage changes kept inside the document; the full history lives in the audit events. */
  workflowHistory: 50,
} as const;

/**
 * Forge KVS refuses values above 240 KiB. We stop at 200 KiB of UTF-8 JSON so the entity
 * wrapper, index fields and future schema additions never push a stored review over the edge.
 */
export const KVS_VALUE_LIMIT_BYTES = 240 * 1024;
export const REVIEW_STORAGE_BUDGET_BYTES = 200 * 1024;
