import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

export interface JqlSearch {
  jql: string;
  fields: readonly string[];
  /** Issue entity properties to return with each issue (Jira allows 5). */
  properties?: readonly string[];
  maxResults: number;
  nextPageToken?: string;
}

const searchAnswerSchema = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string().optional(), fields: z.record(z.string(), z.unknown()).optional(), properties: z.record(z.string(), z.unknown()).optional() })),
  nextPageToken: z.string().optional(),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

/** One page of POST /rest/api/3/search/jql (token paging; the JQL goes in the body, never in a URL). */
export async function searchJql(jira: JiraTransport, search: JqlSearch): Promise<SearchAnswer> {
  const body = {
    jql: search.jql,
    fields: search.fields,
    maxResults: search.maxResults,
    ...(search.properties === undefined ? {} : { properties: search.properties }),
    ...(search.nextPageToken === undefined ? {} : { nextPageToken: search.nextPageToken }),
  };
  // A search changes nothing, so the transport may repeat it after a lost response.
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/search/jql`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }));
  if (result.status !== 200) throw jiraFailure(result, 'searching Jira');
  return searchAnswerSchema.parse(result.body);
}

/** Quotes a value for JQL: only used with values the app generated or validated, but escaped all the same. */
export const jqlString = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
