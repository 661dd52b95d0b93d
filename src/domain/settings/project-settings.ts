/**
 * Per-project configuration of the lessons-learned process (issue types, severity, taxonomy,
 * corrective-action target, approvers, effectiveness window, reminders). Pure: schema, defaults,
 * and the questions other features ask of it. Stored per project, versioned like every record.
 */
import { z } from 'zod';
import { DEFAULT_FISHBONE_CATEGORIES, DEFAULT_ROOT_CAUSE_TAXONOMY, DEFAULT_SEVERITY_MAPPING, SEVERITIES, type RootCauseTaxonomy, type Severity } from '../review';

const name = (label: string, max = 255) =>
  z.string({ error: `${label} is required` }).trim().min(1, { error: `${label} must not be empty` }).max(max, { error: `${label} must be at most ${max} characters` });

const categoryKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, { error: 'Category keys use lower-case letters, digits and dashes' });

export const taxonomyEntrySchema = z.object({
  key: categoryKey,
  label: name('Category name', 80),
  /** Retired categories stay valid in history and trends but are not offered for new root causes. */
  retired: z.boolean().default(false),
});

export const approverRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('group'), groupName: name('Approver group') }),
    z.object({ kind: z.literal('project-role'), roleName: name('Approver project role') }),
  ],
  { error: 'Approvers must be a Jira group or a project role' },
);

const whole = (label: string, min: number, max: number) =>
  z
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max}` });

const severity = z.enum(SEVERITIES, { error: `Severity must be one of ${SEVERITIES.join(', ')}` });

export const projectSettingsSchema = z.object({
  /** Issue type names that are incidents; any type whose name contains "Incident" also counts. */
  incidentIssueTypes: z.array(name('Incident issue type')).max(20, { error: 'At most 20 incident issue types' }),
  /** Jira priority name → severity, for pre-filling facts. */
  severityMapping: z.record(z.string().trim().min(1, { error: 'Priority name must not be empty' }).max(60, { error: 'Priority name must be at most 60 characters' }), severity),
  /** Severities for which a review is mandatory (R22). */
  significantSeverities: z.array(severity).max(4),
  /** A significant incident's review should be approved within this many days of resolution. */
  reviewTargetDays: whole('Review target (days)', 1, 365),
  rootCauseTaxonomy: z.array(taxonomyEntrySchema).min(1, { error: 'Keep at least one root-cause category' }).max(50, { error: 'At most 50 root-cause categories' }),
  fishboneCategories: z
    .array(z.object({ id: categoryKey, label: name('Fishbone category', 80), retired: z.boolean().default(false) }))
    .min(1, { error: 'Keep at least one fishbone category' })
    .max(12, { error: 'At most 12 fishbone categories fit on the diagram' }),
  actions: z.object({
    /** Where corrective-action issues are created; null = the incident's own project. */
    projectKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/, { error: 'Action project must be a Jira project key such as ISMS' }).nullable(),
    issueTypeName: name('Action issue type'),
    linkTypeName: name('Link type'),
    defaultDueDays: whole('Default due date (days)', 1, 365),
  }),
  approvers: approverRuleSchema,
  /** Segregation of duties: whoever requested approval may not approve. */
  requireIndependentApprover: z.boolean(),
  /** A completed action is effective when its root-cause category does not recur within this window (R11). */
  effectivenessWindowDays: whole('Effectiveness window (days)', 7, 730),
  reminders: z.object({
    enabled: z.boolean(),
    daysBeforeDue: whole('Reminder lead time (days)', 0, 60),
    notifyWatchers: z.boolean(),
  }),
});

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  incidentIssueTypes: ['Incident'],
  severityMapping: { ...DEFAULT_SEVERITY_MAPPING },
  significantSeverities: ['critical', 'high'],
  reviewTargetDays: 14,
  rootCauseTaxonomy: DEFAULT_ROOT_CAUSE_TAXONOMY.map((category) => ({ ...category, retired: false })),
  fishboneCategories: DEFAULT_FISHBONE_CATEGORIES.map((category) => ({ ...category, retired: false })),
  actions: { projectKey: null, issueTypeName: 'Task', linkTypeName: 'Relates', defaultDueDays: 30 },
  approvers: { kind: 'group', groupName: 'isms-approvers' },
  requireIndependentApprover: true,
  effectivenessWindowDays: 90,
  reminders: { enabled: true, daysBeforeDue: 3, notifyWatchers: false },
};

/** Categories offered for new root causes (retired ones only stay valid on existing ones). */
export const activeTaxonomy = (settings: ProjectSettings): RootCauseTaxonomy =>
  settings.rootCauseTaxonomy.filter((category) => !category.retired).map(({ key, label }) => ({ key, label }));

/** Every category ever used, for labels in history, trends and reports. */
export const fullTaxonomy = (settings: ProjectSettings): RootCauseTaxonomy => settings.rootCauseTaxonomy.map(({ key, label }) => ({ key, label }));

/** Fishbone categories a new review's diagram starts with (retired ones stay on old diagrams, which keep their own copy). */
export const activeFishboneCategories = (settings: ProjectSettings): { id: string; label: string }[] =>
  settings.fishboneCategories.filter((category) => !category.retired).map(({ id, label }) => ({ id, label }));

export function isIncidentType(settings: ProjectSettings, issueTypeName: string): boolean {
  return /incident/i.test(issueTypeName) || settings.incidentIssueTypes.some((type) => type.toLowerCase() === issueTypeName.toLowerCase());
}

export const isSignificant = (settings: ProjectSettings, severity: Severity | undefined): boolean =>
  severity !== undefined && settings.significantSeverities.includes(severity);
