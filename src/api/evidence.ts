import { z } from 'zod';
import { EXPORT_FORMATS, MAX_SAMPLE_SIZE, MAX_SEED, evidencePeriodSchema, type EvidenceOverview, type EvidenceRecords } from '../domain/evidence';
import { cursorSchema, projectKeySchema } from './keys';

/**
 * The audit evidence pack (R24, R26) on the project page, for managers (approvers and project
 * admins): one constant-cost overview from the rollups, then the period's records in bounded
 * pages the page pulls with a progress bar, and a record of every export in the audit trail.
 */
export const EVIDENCE_LISTS = ['incidents', 'actions', 'completed-actions', 'risks', 'communications', 'process-reviews'] as const;
export type EvidenceList = (typeof EVIDENCE_LISTS)[number];

const count = z.int({ error: 'counts are whole numbers' }).min(0).max(10_000_000);

export const evidenceInputs = {
  getEvidencePackOverview: z.strictObject({ projectKey: projectKeySchema, period: evidencePeriodSchema }),
  listEvidencePackRecords: z.strictObject({
    projectKey: projectKeySchema,
    period: evidencePeriodSchema,
    list: z.enum(EVIDENCE_LISTS, { error: `list must be one of ${EVIDENCE_LISTS.join(', ')}` }),
    cursor: cursorSchema.optional(),
  }),
  recordEvidencePackExport: z.strictObject({
    projectKey: projectKeySchema,
    period: evidencePeriodSchema,
    format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
    sample: z
      .strictObject({
        seed: z.int({ error: 'seed must be a whole number' }).min(0, { error: 'seed must be at least 0' }).max(MAX_SEED, { error: `seed must be at most ${String(MAX_SEED)}` }),
        size: z.int({ error: 'sample size must be a whole number' }).min(1, { error: 'sample size must be at least 1' }).max(MAX_SAMPLE_SIZE, { error: `sample size must be at most ${String(MAX_SAMPLE_SIZE)}` }),
      })
      .optional(),
    recordCounts: z.strictObject({ incidents: count, actions: count, risks: count, communications: count, processReviews: count }),
  }),
};

export interface EvidenceRecordsPage {
  list: EvidenceList;
  /** Only this list's kind of record is filled. */
  records: Partial<EvidenceRecords>;
  /** How many records this page holds, and stored records it could not read (left out, as in the rollups). */
  count: number;
  unreadable: number;
  /** How far through the period this list has got, 0…1 (1 when done). */
  position: number;
  cursor?: string;
}

export interface EvidenceExportRecorded {
  recordedAt: string;
}

export interface EvidenceOutputs {
  getEvidencePackOverview: EvidenceOverview;
  listEvidencePackRecords: EvidenceRecordsPage;
  recordEvidencePackExport: EvidenceExportRecorded;
}
