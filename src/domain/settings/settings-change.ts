/**
 * The rules for changing a project's settings, beyond the schema: categories keep their keys
 * forever (past root causes and trends refer to them), so they can be added, renamed and
 * retired, never removed; and what the settings name in Jira must exist there. Pure: the Jira
 * facts are passed in by the service.
 */
import { fail, ok, validate, type FieldIssue, type Result, type ValidationError } from '../review';
import { projectSettingsSchema, type ProjectSettings } from './project-settings';

const invalid = (issues: FieldIssue[]): ValidationError => {
  const first = issues[0] ?? { field: '', message: 'The settings are not valid' };
  return { code: 'invalid', message: first.message, ...(first.field ? { field: first.field } : {}), issues };
};

interface Category {
  key: string;
  label: string;
  retired: boolean;
}

function categoryRules(path: string, noun: string, before: readonly Category[], after: readonly Category[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seenKeys = new Set<string>();
  const seenLabels = new Map<string, number>();
  after.forEach((category, index) => {
    if (seenKeys.has(category.key)) issues.push({ field: `${path}.${index}.key`, message: `Two ${noun}s use the key "${category.key}"; keys must be unique` });
    seenKeys.add(category.key);
    const label = category.label.trim().toLowerCase();
    if (!category.retired) {
      if (seenLabels.has(label)) issues.push({ field: `${path}.${index}.label`, message: `Two active ${noun}s are called "${category.label}"; names must be unique` });
      seenLabels.set(label, index);
    }
  });
  for (const old of before) {
    if (!seenKeys.has(old.key)) {
      issues.push({ field: path, message: `The ${noun} "${old.label}" cannot be removed: retire it instead, so past records keep their ${noun}` });
    }
  }
  if (after.length > 0 && after.every((category) => category.retired)) {
    issues.push({ field: path, message: `Keep at least one active ${noun}` });
  }
  return issues;
}

/**
 * Parses submitted settings and checks them against the settings they replace. Every problem
 * is reported with the dotted path of its field (`rootCauseTaxonomy.2.label`), the first one
 * in `message`.
 */
export function validateSettingsChange(before: ProjectSettings, submitted: unknown): Result<ProjectSettings, ValidationError> {
  const parsed = validate(projectSettingsSchema, submitted);
  if (!parsed.ok) return parsed;
  const next = parsed.value;
  const issues = [
    ...categoryRules('rootCauseTaxonomy', 'root-cause category', before.rootCauseTaxonomy, next.rootCauseTaxonomy),
    ...categoryRules(
      'fishboneCategories',
      'fishbone category',
      before.fishboneCategories.map(({ id, label, retired }) => ({ key: id, label, retired })),
      next.fishboneCategories.map(({ id, label, retired }) => ({ key: id, label, retired })),
    ),
  ];
  const severities = new Set(next.significantSeverities);
  if (severities.size !== next.significantSeverities.length) issues.push({ field: 'significantSeverities', message: 'Each significant severity may be listed once' });
  const types = new Set(next.incidentIssueTypes.map((type) => type.toLowerCase()));
  if (types.size !== next.incidentIssueTypes.length) issues.push({ field: 'incidentIssueTypes', message: 'Each incident issue type may be listed once' });
  const priorities = Object.keys(next.severityMapping).map((priority) => priority.trim().toLowerCase());
  if (new Set(priorities).size !== priorities.length) issues.push({ field: 'severityMapping', message: 'Each Jira priority may be mapped once' });
  return issues.length > 0 ? fail(invalid(issues)) : ok(next);
}

/** What Jira says about the names the settings use, as the admin saving them can see it. */
export interface JiraFacts {
  /** Issue types of the project being configured. */
  projectIssueTypes: readonly string[];
  /** The corrective-action target project (the project itself when `actions.projectKey` is null); null when it does not exist or the admin cannot see it. */
  actionProject: { key: string; issueTypes: readonly string[] } | null;
  linkTypes: readonly string[];
  /** Whether the approver group exists (undefined when approvers are a project role). */
  approverGroupExists?: boolean;
  /** The site's project roles (undefined when approvers are a group). */
  projectRoles?: readonly string[];
}

const has = (names: readonly string[], wanted: string): boolean => names.some((name) => name.toLowerCase() === wanted.toLowerCase());

/** Names that must exist in Jira: link type, action project and issue type, approvers, newly added incident types. */
export function checkAgainstJira(before: ProjectSettings, next: ProjectSettings, facts: JiraFacts): Result<ProjectSettings, ValidationError> {
  const issues: FieldIssue[] = [];
  if (!has(facts.linkTypes, next.actions.linkTypeName)) {
    issues.push({ field: 'actions.linkTypeName', message: `Jira has no issue link type called "${next.actions.linkTypeName}". Choose one of: ${facts.linkTypes.join(', ')}` });
  }
  if (facts.actionProject === null) {
    issues.push({ field: 'actions.projectKey', message: `The project ${next.actions.projectKey ?? ''} does not exist, or you cannot see it in Jira` });
  } else if (!has(facts.actionProject.issueTypes, next.actions.issueTypeName)) {
    issues.push({
      field: 'actions.issueTypeName',
      message: `The project ${facts.actionProject.key} has no issue type "${next.actions.issueTypeName}". Choose one of: ${facts.actionProject.issueTypes.join(', ')}`,
    });
  }
  if (facts.approverGroupExists === false && next.approvers.kind === 'group') {
    issues.push({ field: 'approvers.groupName', message: `Jira has no group called "${next.approvers.groupName}"` });
  }
  if (facts.projectRoles !== undefined && next.approvers.kind === 'project-role' && !has(facts.projectRoles, next.approvers.roleName)) {
    issues.push({ field: 'approvers.roleName', message: `Jira has no project role called "${next.approvers.roleName}". Choose one of: ${facts.projectRoles.join(', ')}` });
  }
  // Types already configured stay valid even if the project's scheme changed since; new ones must exist.
  next.incidentIssueTypes.forEach((type, index) => {
    if (!has(before.incidentIssueTypes, type) && !has(facts.projectIssueTypes, type)) {
      issues.push({ field: `incidentIssueTypes.${index}`, message: `This project has no issue type "${type}"` });
    }
  });
  return issues.length > 0 ? fail(invalid(issues)) : ok(next);
}
