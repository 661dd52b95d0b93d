import { AppError } from '../api/errors';
import type { SaveSettingsResult, SettingsOptions, SettingsView } from '../api/settings';
import { diffForAudit } from '../domain/review';
import { buildProjectAuditEvent, checkAgainstJira, validateSettingsChange, type JiraFacts, type ProjectSettings } from '../domain/settings';
import { getDisplayNames } from '../platform/jira/people';
import { getLinkTypeCatalog } from '../platform/jira/issue-link-types';
import { getPriorities, getProjectRoles, getProjectWithIssueTypes, groupExists, searchProjects, type ProjectWithIssueTypes } from '../platform/jira/project-config';
import { JiraTransport } from '../platform/jira/transport';
import type { Grant } from './access';
import { toAppError } from './domain-errors';
import { procedurePeople, procedureView } from './procedure';
import { projectAuditRecord, readProcedureHead } from './procedure-store';
import { loadProjectSettings, settingsKey, writeProjectSettings, type LoadedSettings } from './settings-store';

/**
 * The project settings page: the whole page (settings, the form's Jira choices, the procedure)
 * in one view model, and saving settings — validated by the settings domain and against Jira as
 * the admin, versioned, with an audit event in the same transaction.
 */

const asUser = () => new JiraTransport('user');

const typeNames = (project: ProjectWithIssueTypes | null): string[] => (project === null ? [] : project.issueTypes.filter((type) => type.subtask !== true).map((type) => type.name));

/** What the form offers; read only for admins (people who can only look do not need the choices). */
async function formOptions(project: ProjectWithIssueTypes, settings: ProjectSettings): Promise<SettingsOptions> {
  const jira = asUser();
  const actionKey = settings.actions.projectKey;
  const [projects, linkTypes, priorities, actionProject] = await Promise.all([
    searchProjects(jira),
    getLinkTypeCatalog(jira).then((catalog) => catalog.linkTypes),
    getPriorities(jira),
    actionKey === null || actionKey === project.key ? project : getProjectWithIssueTypes(jira, actionKey),
  ]);
  return {
    projectIssueTypes: typeNames(project),
    projects: projects.projects.map(({ key, name }) => ({ key, name })),
    actionIssueTypes: typeNames(actionProject),
    linkTypes: linkTypes.map(({ name, outward }) => ({ name, outward })),
    priorities: priorities.map((priority) => priority.name),
  };
}

export async function loadSettings(projectKey: string, grant: Grant, caller: string): Promise<SettingsView> {
  const jira = asUser();
  const [project, loaded, procedureRecord] = await Promise.all([getProjectWithIssueTypes(jira, projectKey), loadProjectSettings(projectKey), readProcedureHead(projectKey)]);
  if (project === null) throw new AppError('NOT_FOUND', `Project ${projectKey} was not found in Jira, or you cannot see it.`);
  const canAdminister = grant.permissions.has('ADMINISTER_PROJECTS');
  const head = procedureRecord?.document ?? null;
  const people = [...(loaded.updatedBy === undefined ? [] : [loaded.updatedBy]), ...procedurePeople(head)];
  const [options, names] = await Promise.all([canAdminister ? formOptions(project, loaded.settings) : null, getDisplayNames(jira, people)]);
  const procedure = await procedureView({ projectKey, projectName: project.name, settings: loaded.settings, canAdminister, caller }, head, names);
  return {
    project: { key: project.key, name: project.name },
    canAdminister,
    settings: loaded.settings,
    version: loaded.version,
    ...(loaded.updatedAt === undefined ? {} : { updatedAt: loaded.updatedAt }),
    ...(loaded.updatedBy === undefined ? {} : { updatedBy: { accountId: loaded.updatedBy, displayName: names.get(loaded.updatedBy) ?? 'Unknown user' } }),
    options,
    procedure,
  };
}

/** The facts `checkAgainstJira` needs, fetched together as the admin saving the settings. */
async function jiraFacts(projectKey: string, next: ProjectSettings): Promise<JiraFacts> {
  const jira = asUser();
  const actionKey = next.actions.projectKey ?? projectKey;
  const approvers = next.approvers;
  const [own, actionProject, linkTypes, approverGroupExists, projectRoles] = await Promise.all([
    getProjectWithIssueTypes(jira, projectKey),
    actionKey === projectKey ? undefined : getProjectWithIssueTypes(jira, actionKey),
    getLinkTypeCatalog(jira).then((catalog) => catalog.linkTypes),
    approvers.kind === 'group' ? groupExists(jira, approvers.groupName) : undefined,
    approvers.kind === 'project-role' ? getProjectRoles(jira, projectKey) : undefined,
  ]);
  const target = actionProject === undefined ? own : actionProject;
  return {
    projectIssueTypes: typeNames(own),
    actionProject: target === null ? null : { key: target.key, issueTypes: typeNames(target) },
    linkTypes: linkTypes.map((type) => type.name),
    ...(approverGroupExists === undefined ? {} : { approverGroupExists }),
    ...(projectRoles === undefined ? {} : { projectRoles: projectRoles.map((role) => role.name) }),
  };
}

async function settingsConflict(projectKey: string, current?: LoadedSettings): Promise<AppError> {
  const loaded = current ?? (await loadProjectSettings(projectKey));
  if (loaded.updatedBy === undefined || loaded.updatedAt === undefined) return new AppError('CONFLICT', 'These settings were changed by someone else. Reload to see their change.');
  const name = (await getDisplayNames(asUser(), [loaded.updatedBy])).get(loaded.updatedBy) ?? 'someone else';
  const at = loaded.updatedAt.slice(0, 16).replace('T', ' ');
  return new AppError('CONFLICT', `These settings were changed by ${name} at ${at} UTC — reload to see their change.`);
}

export async function saveSettings(projectKey: string, submitted: unknown, baseVersion: number, actor: string): Promise<SaveSettingsResult> {
  const loaded = await loadProjectSettings(projectKey);
  if (loaded.version !== baseVersion) throw await settingsConflict(projectKey, loaded);
  const validated = validateSettingsChange(loaded.settings, submitted);
  if (!validated.ok) throw toAppError(validated.error);
  const next = validated.value;
  const changes = diffForAudit(loaded.settings, next);
  if (changes.length === 0) return { settings: loaded.settings, version: loaded.version, changes: [], saved: false };
  const checked = checkAgainstJira(loaded.settings, next, await jiraFacts(projectKey, next));
  if (!checked.ok) throw toAppError(checked.error);
  const version = baseVersion + 1;
  const event = buildProjectAuditEvent({ kind: 'settings-updated', projectKey, by: actor, at: new Date().toISOString(), version, changes });
  try {
    await writeProjectSettings(projectKey, next, baseVersion, actor, [projectAuditRecord(settingsKey(projectKey), event)]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw await settingsConflict(projectKey);
    throw error;
  }
  return { settings: next, version, changes: event.changes, saved: true };
}
