import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, type JiraTransport } from './transport';

const bulkSchema = z.object({ values: z.array(z.object({ accountId: z.string(), displayName: z.string().optional(), emailAddress: z.string().optional() })) });

export interface UserDetails {
  accountId: string;
  displayName: string;
  /** Only when the person's profile visibility lets the caller see it. */
  email?: string;
}

/**
 * Names (and e-mail addresses where visible) for up to 50 accountIds per call, for removing
 * people from texts (R16). Unknown or unreadable users are simply absent.
 */
export async function getUserDetails(jira: JiraTransport, accountIds: readonly string[]): Promise<UserDetails[]> {
  const unique = [...new Set(accountIds)];
  const found: UserDetails[] = [];
  for (let start = 0; start < unique.length; start += 50) {
    const query = new URLSearchParams(unique.slice(start, start + 50).map((id): [string, string] => ['accountId', id]));
    query.set('maxResults', '50');
    const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/user/bulk?${query}`, { method: 'GET', headers: JSON_HEADERS }));
    if (result.status !== 200) continue;
    const parsed = bulkSchema.safeParse(result.body);
    if (!parsed.success) continue;
    for (const user of parsed.data.values) {
      if (user.displayName === undefined) continue;
      found.push({ accountId: user.accountId, displayName: user.displayName, ...(user.emailAddress ? { email: user.emailAddress } : {}) });
    }
  }
  return found;
}
