import { requestJira } from '@forge/bridge';
import { z } from 'zod';

const projectSchema = z.object({ issueTypes: z.array(z.object({ name: z.string(), subtask: z.boolean().optional() })).default([]) });

/**
 * Issue types of a project the admin picked as the corrective-action target. Read in the browser
 * as the user (they can see it anyway), so changing the select costs no resolver call; the save
 * re-checks the choice on the server.
 */
export async function issueTypesOf(projectKey: string): Promise<string[]> {
  const response = await requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}?expand=issueTypes`, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${response.status}`);
  const parsed = projectSchema.safeParse(await response.json());
  return parsed.success ? parsed.data.issueTypes.filter((type) => type.subtask !== true).map((type) => type.name) : [];
}
