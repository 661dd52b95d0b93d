import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, type JiraTransport } from './transport';

const userSchema = z.object({ accountId: z.string(), displayName: z.string() });

/** A person's display name for messages ("changed by Rita Responder"); undefined if Jira will not say. */
export async function getDisplayName(jira: JiraTransport, accountId: string): Promise<string | undefined> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/user?accountId=${accountId}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) return undefined;
  const parsed = userSchema.safeParse(result.body);
  return parsed.success ? parsed.data.displayName : undefined;
}
