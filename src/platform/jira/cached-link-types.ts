import { getAppContext } from '@forge/api';
import { getLinkTypeCatalog, type LinkTypeCatalog } from './issue-link-types';
import type { JiraTransport } from './transport';

/**
 * Link types change rarely (an admin edits them), so one read serves a warm function instance for
 * ten minutes. Keyed by installation: one instance may serve several sites.
 */
const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; catalog: LinkTypeCatalog }>();

export async function cachedLinkTypeCatalog(jira: JiraTransport, now = Date.now()): Promise<LinkTypeCatalog> {
  const installation = getAppContext().installationAri.installationId;
  const hit = cache.get(installation);
  if (hit !== undefined && now - hit.at < TTL_MS) return hit.catalog;
  const catalog = await getLinkTypeCatalog(jira);
  cache.set(installation, { at: now, catalog });
  return catalog;
}

/** After Jira refused a link type we believed in, read it again next time. */
export function forgetLinkTypes(): void {
  cache.delete(getAppContext().installationAri.installationId);
}

/** Tests and the bench start cold. */
export function clearLinkTypeCache(): void {
  cache.clear();
}
