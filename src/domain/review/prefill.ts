/**
 * Pre-fills incident facts from the Jira issue so responders do not retype what Jira knows.
 * Pure: the service fetches the fields (summary, created, resolutiondate, priority, labels,
 * components) and passes them in. The result is always valid: values are trimmed to the bounds.
 */
import { compareAsc, isValid, parseISO } from 'date-fns';
import {
  TIMESTAMP_FIELDS,
  emptyFacts,
  incidentTimestampsSchema,
  type IncidentFacts,
  type IncidentTimestamps,
  type Severity,
} from './facts';
import { LIMITS } from './limits';

/** The subset of Jira REST v3 issue `fields` used here; everything may be missing or null. */
export interface JiraIssueFields {
  summary?: string | null;
  created?: string | null;
  resolutiondate?: string | null;
  priority?: { name?: string | null } | null;
  labels?: readonly string[] | null;
  components?: readonly { name?: string | null }[] | null;
}

/** Jira priority name (matched case-insensitively) → severity. Projects may pass their own. */
export type SeverityMapping = Readonly<Record<string, Severity>>;

/**
 * Jira's default scheme plus common legacy names. "Highest" is taken as critical: in incident
 * projects it is reserved for the incidents that stop the business.
 */
export const DEFAULT_SEVERITY_MAPPING: SeverityMapping = {
  highest: 'critical',
  blocker: 'critical',
  critical: 'critical',
  high: 'high',
  major: 'high',
  medium: 'medium',
  low: 'low',
  minor: 'low',
  lowest: 'low',
  trivial: 'low',
};

export function severityFromPriority(priorityName: string | null | undefined, mapping: SeverityMapping = DEFAULT_SEVERITY_MAPPING): Severity | undefined {
  const name = priorityName?.trim().toLowerCase();
  if (!name) return undefined;
  const entry = Object.entries(mapping).find(([key]) => key.trim().toLowerCase() === name);
  return entry?.[1];
}

/** Jira sends `2025-03-14T09:30:00.000+0100`; facts store UTC ISO instants. */
export function instantFromJira(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const date = parseISO(value);
  return isValid(date) ? date.toISOString() : undefined;
}

const clip = (value: string, max: number): string => value.trim().slice(0, max);

const distinctClipped = (values: readonly string[], maxLength: number, maxCount: number): string[] =>
  [...new Set(values.map((value) => clip(value, maxLength)).filter((value) => value.length > 0))].slice(0, maxCount);

export function factsFromJiraIssue(fields: JiraIssueFields, severityMapping: SeverityMapping = DEFAULT_SEVERITY_MAPPING): IncidentFacts {
  // The issue's creation is when the incident was reported to the organisation; when it
  // occurred or was detected only people know, so those stay empty.
  const reportedAt = instantFromJira(fields.created);
  const resolvedCandidate = instantFromJira(fields.resolutiondate);
  const resolvedAt =
    resolvedCandidate && (!reportedAt || compareAsc(parseISO(reportedAt), parseISO(resolvedCandidate)) <= 0)
      ? resolvedCandidate
      : undefined;
  const severity = severityFromPriority(fields.priority?.name, severityMapping);
  return {
    ...emptyFacts(),
    summary: clip(fields.summary ?? '', LIMITS.shortText),
    ...(severity ? { severity } : {}),
    affectedAssets: distinctClipped(
      (fields.components ?? []).map((component) => component.name ?? ''),
      LIMITS.assetLength,
      LIMITS.assets,
    ),
    timestamps: { ...(reportedAt ? { reportedAt } : {}), ...(resolvedAt ? { resolvedAt } : {}) },
    tags: distinctClipped(fields.labels ?? [], LIMITS.tagLength, LIMITS.tags),
  };
}

/**
 * Refreshing from Jira must never overwrite what people typed: only empty fields are filled.
 * Lists are filled only when empty, so a deliberately trimmed asset list stays trimmed.
 */
export function fillEmptyFacts(current: IncidentFacts, prefill: IncidentFacts): IncidentFacts {
  const merged: IncidentTimestamps = { ...current.timestamps };
  for (const field of TIMESTAMP_FIELDS) merged[field] ??= prefill.timestamps[field];
  // Jira's times are only a suggestion: if they contradict what people entered, keep theirs.
  const timestamps = incidentTimestampsSchema.safeParse(merged).success ? merged : current.timestamps;
  return {
    ...current,
    summary: current.summary.trim() ? current.summary : prefill.summary,
    ...(current.severity ?? prefill.severity ? { severity: current.severity ?? prefill.severity } : {}),
    affectedAssets: current.affectedAssets.length ? current.affectedAssets : prefill.affectedAssets,
    tags: current.tags.length ? current.tags : prefill.tags,
    timestamps,
  };
}

