import { AppError } from '../api/errors';
import type { ProjectSettings } from '../domain/settings';
import type { Grant } from './access';
import { isApprover } from './approvers';

/**
 * Who may produce the evidence pack: the same managers who sign off the procedure — members of
 * the project's approvers (group or role) and project admins. Everyone else is refused, with the
 * rule named so they know whom to ask.
 */
export async function requireEvidenceManager(settings: ProjectSettings, grant: Grant, accountId: string, projectKey: string): Promise<void> {
  if (grant.permissions.has('ADMINISTER_PROJECTS')) return;
  if (await isApprover(settings, accountId, projectKey)) return;
  throw new AppError('FORBIDDEN', `Only members of ${approverRuleText(settings)} or project admins can produce the audit evidence pack.`);
}

export const approverRuleText = (settings: ProjectSettings): string =>
  settings.approvers.kind === 'group' ? `the group "${settings.approvers.groupName}"` : `the project role "${settings.approvers.roleName}"`;
