import type { SettingsView } from '../api/views';
import { getProject } from '../platform/jira/projects';
import { JiraTransport } from '../platform/jira/transport';
import type { Grant } from './access';

export async function loadSettings(projectKey: string, grant: Grant): Promise<SettingsView> {
  const project = await getProject(new JiraTransport('user'), projectKey);
  return { project: { key: project.key, name: project.name }, canAdminister: grant.permissions.has('ADMINISTER_PROJECTS') };
}
