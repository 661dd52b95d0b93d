/** R1 incident facts. Fields may be empty in a draft; the workflow checklist asks for them later. */
import { z } from 'zod';
import { compareAsc } from 'date-fns';
import { instant, list, oneOf, parseInstant, text, uniqueList } from './fields';
import { LIMITS } from './limits';

export const INCIDENT_TYPES = ['accidental', 'malicious', 'environmental'] as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const CIA_PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;

export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type CiaProperty = (typeof CIA_PROPERTIES)[number];

/** The key timestamps in the order they must occur. The order of this list *is* the rule. */
export const TIMESTAMP_FIELDS = ['occurredAt', 'detectedAt', 'reportedAt', 'containedAt', 'resolvedAt'] as const;
export type TimestampField = (typeof TIMESTAMP_FIELDS)[number];

export const TIMESTAMP_LABELS: Record<TimestampField, string> = {
  occurredAt: 'Occurred',
  detectedAt: 'Detected',
  reportedAt: 'Reported',
  containedAt: 'Contained',
  resolvedAt: 'Resolved',
};

/**
 * Compares each timestamp with the nearest earlier one that is filled in. Checking only
 * neighbours among the present values is enough (the order is transitive) and reports one
 * clear problem instead of a cascade when a single value is wrong.
 */
export const incidentTimestampsSchema = z
  .object({
    occurredAt: instant('Occurred time').optional(),
    detectedAt: instant('Detected time').optional(),
    reportedAt: instant('Reported time').optional(),
    containedAt: instant('Contained time').optional(),
    resolvedAt: instant('Resolved time').optional(),
  })
  .superRefine((timestamps, ctx) => {
    let previous: { field: TimestampField; value: string } | undefined;
    for (const field of TIMESTAMP_FIELDS) {
      const value = timestamps[field];
      if (value === undefined) continue;
      if (previous && compareAsc(parseInstant(previous.value), parseInstant(value)) > 0) {
        const later = TIMESTAMP_LABELS[field];
        const earlier = TIMESTAMP_LABELS[previous.field];
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${later} time must not be before ${earlier.toLowerCase()} time (${later.toLowerCase()} ${value}, ${earlier.toLowerCase()} ${previous.value})`,
        });
      }
      previous = { field, value };
    }
  });

export type IncidentTimestamps = z.infer<typeof incidentTimestampsSchema>;

export const incidentFactsSchema = z.object({
  summary: text('Summary', LIMITS.shortText),
  type: oneOf('Incident type', INCIDENT_TYPES).optional(),
  severity: oneOf('Severity', SEVERITIES).optional(),
  ciaAffected: uniqueList('Affected C/I/A properties', oneOf('Affected C/I/A property', CIA_PROPERTIES), 3),
  affectedAssets: uniqueList('Affected assets', text('Affected asset', LIMITS.assetLength), LIMITS.assets),
  impact: text('Impact description', LIMITS.longText),
  timestamps: incidentTimestampsSchema,
  remediationSteps: list('Remediation steps', text('Remediation step', LIMITS.stepText), LIMITS.remediationSteps),
  tags: uniqueList('Tags', text('Tag', LIMITS.tagLength), LIMITS.tags),
});

export type IncidentFacts = z.infer<typeof incidentFactsSchema>;

export const emptyFacts = (): IncidentFacts => ({
  summary: '',
  ciaAffected: [],
  affectedAssets: [],
  impact: '',
  timestamps: {},
  remediationSteps: [],
  tags: [],
});
