import { AppError } from '../api/errors';
import type { EvidencePackProject } from '../api/jira-native';
import { projectsWithPermission } from '../platform/jira/permissions';
import { JiraTransport } from '../platform/jira/transport';
import { isApprover } from './approvers';
import { NO_VISIBLE_PROJECT, visibleIncidentProjects } from './global-overview';
import { loadProjectSettings } from './settings-store';

/**
 * The all-projects page's evidence pack: which projects the caller may produce it for — the
 * incident projects they can browse (as on the rest of the page) where they are an evidence
 * manager (project admin, or one of the project's approvers: `requireEvidenceManager`'s rule).
 * Projects they cannot browse are never read; browsable ones they do not manage are only counted,
 * never named here. The pack itself is produced with the per-project resolvers, so each project's
 * permission check, audit record and bounded pages stay exactly as on its own page.
 *
 * Cost: the browse filter (one registry read, two Jira calls), one bulk Administer check, and per
 * browsable project that is not administered: its settings and the approver check.
 */
export async function listEvidencePackProjects(accountId: string): Promise<{ projects: EvidencePackProject[]; notManaged: number }> {
  const visible = await visibleIncidentProjects();
  // As the rest of the page: someone who browses no incident project is told so, naming none.
  if (visible.length === 0) throw new AppError('FORBIDDEN', NO_VISIBLE_PROJECT);
  const administered = await projectsWithPermission(new JiraTransport('user'), visible.map((project) => project.id), 'ADMINISTER_PROJECTS');
  const managed = await Promise.all(
    visible.map(async (project) => {
      if (administered.has(project.id)) return true;
      const { settings } = await loadProjectSettings(project.key);
      return isApprover(settings, accountId, project.key);
    }),
  );
  const projects = visible.filter((_, index) => managed[index] === true).map(({ key, name }) => ({ projectKey: key, name }));
  return { projects, notManaged: visible.length - projects.length };
}
