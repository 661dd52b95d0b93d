/**
 * R23 for the evidence pack: who produced or exported which pack, when. Stored in the same
 * append-only `audit-event` entity as every other change, under the project's pack record key.
 */
import type { EvidencePeriod } from './period';

export const EXPORT_FORMATS = ['html', 'json', 'csv-actions', 'csv-risks'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  html: 'print-ready HTML',
  json: 'JSON of the raw records',
  'csv-actions': 'corrective actions log (CSV)',
  'csv-risks': 'risk register (CSV)',
};

export interface EvidencePackAuditEvent {
  kind: 'evidence-pack-produced' | 'evidence-pack-exported';
  projectKey: string;
  by: string;
  at: string;
  period: EvidencePeriod;
  /** The months covered, as resolved when the event was written. */
  months: { from: string; to: string };
  format?: ExportFormat;
  /** The sample's seed and size, when the export contains a sample. */
  sample?: { seed: number; size: number };
  /** How many records the export holds, per kind. */
  recordCounts?: { incidents: number; actions: number; risks: number; communications: number; processReviews: number };
}

export const evidencePackRecordKey = (projectKey: string): string => `evidence-pack-${projectKey}`;
