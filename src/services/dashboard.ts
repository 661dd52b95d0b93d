import type { DashboardView } from '../api/views';
import { getProject } from '../platform/jira/projects';
import { JiraTransport } from '../platform/jira/transport';
import { recentReviews } from './review-records';

/** Project page view model: one indexed page of the most recently updated reviews (never a scan). */
export async function loadDashboard(projectKey: string): Promise<DashboardView> {
  const [project, page] = await Promise.all([getProject(new JiraTransport('user'), projectKey), recentReviews(projectKey)]);
  return {
    project: { key: project.key, name: project.name },
    recentReviews: page.items.map(({ value }) => ({ issueKey: value.issueKey, stage: value.stage, updatedAt: new Date(value.updatedAt).toISOString() })),
  };
}
