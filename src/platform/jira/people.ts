import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, type JiraTransport } from './transport';

const bulkSchema = z.object({ values: z.array(z.object({ accountId: z.string(), displayName: z.string().optional() })) });

/** Display names for up to 50 accountIds in one call (as the user: Jira applies their profile visibility). */
export async function getDisplayNames(jira: JiraTransport, accountIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)].slice(0, 50);
  if (ids.length === 0) return new Map();
  const query = new URLSearchParams(ids.map((id): [string, string] => ['accountId', id]));
  query.set('maxResults', '50');
  // route() passes URLSearchParams through as a query string (each value encoded).
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/user/bulk?${query}`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) return new Map();
  const parsed = bulkSchema.safeParse(result.body);
  if (!parsed.success) return new Map();
  return new Map(parsed.data.values.flatMap((user) => (user.displayName === undefined ? [] : [[user.accountId, user.displayName] as const])));
}
