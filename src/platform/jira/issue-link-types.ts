import { route } from '@forge/api';
import { z } from 'zod';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

const linkTypesSchema = z.object({
  issueLinkTypes: z.array(z.object({ id: z.string(), name: z.string(), inward: z.string(), outward: z.string(), self: z.string().optional() })),
});

export interface LinkTypeCatalog {
  linkTypes: { id: string; name: string; inward: string; outward: string }[];
  /** The site's base URL as Jira itself names it (from the `self` links), for links to issues; undefined if Jira gave none. */
  siteUrl?: string;
}

/**
 * The site's issue link types (GET /rest/api/3/issueLinkType), with the site URL Jira uses in
 * its `self` links — so issue descriptions can link to the incident without trusting a URL sent
 * by the browser. The settings page and action creation both read link types here.
 */
export async function getLinkTypeCatalog(jira: JiraTransport): Promise<LinkTypeCatalog> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issueLinkType`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, 'reading the issue link types');
  const types = linkTypesSchema.parse(result.body).issueLinkTypes;
  const self = types.find((type) => type.self !== undefined)?.self;
  const siteUrl = self?.match(/^(https?:\/\/[^/]+(?:\/[^/]+)*?)\/rest\/api\//)?.[1];
  return { linkTypes: types.map(({ id, name, inward, outward }) => ({ id, name, inward, outward })), ...(siteUrl === undefined ? {} : { siteUrl }) };
}
