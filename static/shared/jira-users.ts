import { requestJira } from '@forge/bridge';
import { z } from 'zod';

/** A Jira user as the pickers show them: never a raw accountId when a name is known. */
export interface JiraUser {
  accountId: string;
  displayName: string;
  avatarUrl?: string;
}

const userSchema = z.object({
  accountId: z.string(),
  displayName: z.string().optional(),
  active: z.boolean().optional(),
  avatarUrls: z.record(z.string(), z.string()).optional(),
});
const userListSchema = z.array(userSchema);
const userPageSchema = z.object({ values: z.array(userSchema) });

const toUser = (user: z.infer<typeof userSchema>): JiraUser => ({
  accountId: user.accountId,
  displayName: user.displayName ?? 'Unknown user',
  ...(user.avatarUrls?.['24x24'] ? { avatarUrl: user.avatarUrls['24x24'] } : {}),
});

async function readJson(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`Jira answered ${response.status}`);
  return response.json() as Promise<unknown>;
}

/** People matching what was typed, as the current user may see them (runs as the user in the browser). */
export async function searchUsers(query: string): Promise<JiraUser[]> {
  const response = await requestJira(`/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=10`, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  const parsed = userListSchema.safeParse(await readJson(response));
  return parsed.success ? parsed.data.filter((user) => user.active !== false).map(toUser) : [];
}

/** Names for stored accountIds, up to 50 per request. */
export async function getUsers(accountIds: readonly string[]): Promise<JiraUser[]> {
  const found: JiraUser[] = [];
  for (let start = 0; start < accountIds.length; start += 50) {
    const chunk = accountIds.slice(start, start + 50);
    const query = chunk.map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
    const response = await requestJira(`/rest/api/3/user/bulk?${query}&maxResults=50`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
    });
    const parsed = userPageSchema.safeParse(await readJson(response));
    if (parsed.success) found.push(...parsed.data.values.map(toUser));
  }
  return found;
}
