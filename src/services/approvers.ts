import type { ProjectSettings } from '../domain/settings';
import { getProjectRoleActors, getProjectRoles, getUserGroups } from '../platform/jira/project-config';
import { JiraTransport } from '../platform/jira/transport';

/**
 * Whether someone belongs to the project's approvers (a Jira group, or a project role — directly
 * or through a group). Used for procedure sign-off and for approving decisions.
 *
 * Runs as the app: reading someone's groups needs "Browse users and groups" and reading role
 * actors needs "Administer projects", which approvers usually lack. The accountId always comes
 * from the trusted invocation context, and only the yes/no leaves this function.
 */
export async function isApprover(settings: ProjectSettings, accountId: string, projectKey: string): Promise<boolean> {
  const jira = new JiraTransport('app');
  const rule = settings.approvers;
  if (rule.kind === 'group') {
    const groups = await getUserGroups(jira, accountId);
    return groups.some((group) => group.name.toLowerCase() === rule.groupName.toLowerCase());
  }
  const [roles, groups] = await Promise.all([getProjectRoles(jira, projectKey), getUserGroups(jira, accountId)]);
  const role = roles.find((candidate) => candidate.name.toLowerCase() === rule.roleName.toLowerCase());
  if (role === undefined) return false;
  const actors = await getProjectRoleActors(jira, projectKey, role.id);
  if (actors.accountIds.includes(accountId)) return true;
  return groups.some((group) => (group.groupId !== undefined && actors.groupIds.includes(group.groupId)) || actors.groupNames.includes(group.name));
}
