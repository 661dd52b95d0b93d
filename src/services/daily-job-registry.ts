import { AppError } from '../api/errors';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, queryIndex, transact } from '../platform/store';
import type { ReviewRecord } from './review-records';

/**
 * Which projects have app data, so the daily job visits those and nothing else (no scan of the
 * site's projects). One small record, extended when a project's first review is created
 * (`registerProject`, called by startReview). Installations that had reviews before the registry
 * existed are found once by the job's discovery step (`discoverProjectsPage`).
 */
export interface RegistryRecord {
  version: number;
  updatedAt: number;
  document: { projects: string[]; backfilled: boolean; discoveredOn?: string };
}

export const REGISTRY_KEY = 'project-registry';
const MAX_ATTEMPTS = 5;

export const readRegistry = (): Promise<RegistryRecord | undefined> => getRecord<RegistryRecord>(ENTITY.jobState, REGISTRY_KEY);

/** Adds projects (and optionally marks discovery done), retrying on a concurrent change; no write when nothing changes. */
export async function addToRegistry(projectKeys: readonly string[], discovery?: { day: string }): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    const record = await readRegistry();
    const current = record?.document ?? { projects: [], backfilled: false };
    const missing = [...new Set(projectKeys)].filter((key) => !current.projects.includes(key));
    if (missing.length === 0 && (discovery === undefined || (current.backfilled && current.discoveredOn === discovery.day))) {
      return current.projects;
    }
    const document = {
      projects: [...current.projects, ...missing].sort(),
      backfilled: current.backfilled || discovery !== undefined,
      ...(discovery === undefined ? (current.discoveredOn === undefined ? {} : { discoveredOn: current.discoveredOn }) : { discoveredOn: discovery.day }),
    };
    const next: RegistryRecord = { version: (record?.version ?? 0) + 1, updatedAt: Date.now(), document };
    try {
      await transact([{ entity: ENTITY.jobState, key: REGISTRY_KEY, value: next, expect: record === undefined ? 'absent' : record.version }]);
      return document.projects;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Records that a project has app data. Never fails the caller's use case: a project missed here is
 * found by the job's weekly discovery. It reads the registry every time (one small read, on rare
 * writes such as starting a review): a warm Forge instance serves many installations, so an
 * in-memory "already registered" set keyed by project key would skip site B's SEC because site
 * A's SEC was registered.
 */
export async function registerProject(projectKey: string): Promise<void> {
  try {
    await addToRegistry([projectKey]);
  } catch (error) {
    logEvent('project-registry', { level: 'error', projectKey, message: error instanceof Error ? error.message.slice(0, 120) : 'unknown' });
  }
}

/** One page of discovery: the projects of up to 20 reviews, by the review entity's `issueKey` index. */
export async function discoverProjectsPage(cursor: string | undefined): Promise<{ done: boolean; cursor?: string }> {
  const page = await queryIndex<ReviewRecord>(ENTITY.review, 'issueKey', [], { limit: 20, ...(cursor === undefined ? {} : { cursor }) });
  const keys = page.items.map((item) => item.value.projectKey);
  if (keys.length > 0) await addToRegistry(keys);
  return page.cursor === undefined ? { done: true } : { done: false, cursor: page.cursor };
}
