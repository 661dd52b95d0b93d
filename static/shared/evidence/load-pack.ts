import type { EvidenceList } from '../../../src/api/evidence';
import { emptyEvidenceRecords, mergeEvidenceRecords, type EvidenceOverview, type EvidencePeriod, type EvidenceRecords } from '../../../src/domain/evidence';
import { call } from '../client';

export interface LoadedPack {
  overview: EvidenceOverview;
  records: EvidenceRecords;
  /** Stored records that could not be read (left out, as the rollups leave them out). */
  unreadable: number;
}

export interface PackProgress {
  /** 0…1 over the whole pack. */
  fraction: number;
  label: string;
}

const LIST_LABELS: Record<EvidenceList, string> = {
  incidents: 'incident reviews',
  actions: 'actions planned in the period',
  'completed-actions': 'actions completed in the period',
  risks: 'the risk register',
  communications: 'lessons shared',
  'process-reviews': 'process reviews',
};

const LISTS: EvidenceList[] = ['incidents', 'actions', 'completed-actions', 'risks', 'communications', 'process-reviews'];

/**
 * Produces a project's pack: the overview (one call, constant cost), then each list in bounded
 * pages until its cursor runs out. Progress weighs each list by what the overview says it holds
 * (incidents and completed actions are counted by the rollups), so the bar moves evenly.
 * A pack of several projects is this per project, then `mergeEvidenceRecords`.
 */
export async function loadEvidencePack(projectKey: string, period: EvidencePeriod, onProgress: (progress: PackProgress) => void, signal: { cancelled: boolean }): Promise<LoadedPack | undefined> {
  onProgress({ fraction: 0, label: 'Reading the period’s figures' });
  const overview = await call('getEvidencePackOverview', { projectKey, period });
  const weights: Record<EvidenceList, number> = {
    incidents: Math.max(1, overview.figures.incidents),
    actions: Math.max(1, overview.figures.incidents),
    'completed-actions': Math.max(1, overview.figures.actionsClosed),
    risks: 5,
    communications: 5,
    'process-reviews': 1,
  };
  const totalWeight = LISTS.reduce((sum, list) => sum + weights[list], 0);
  const parts: EvidenceRecords[] = [];
  let done = 0;
  let unreadable = 0;
  for (const list of LISTS) {
    let cursor: string | undefined;
    let loaded = 0;
    do {
      if (signal.cancelled) return undefined;
      const page = await call('listEvidencePackRecords', { projectKey, period, list, ...(cursor === undefined ? {} : { cursor }) });
      parts.push({ ...emptyEvidenceRecords(), ...page.records });
      loaded += page.count;
      unreadable += page.unreadable;
      cursor = page.cursor;
      onProgress({ fraction: (done + weights[list] * page.position) / totalWeight, label: `Loading ${LIST_LABELS[list]}: ${String(loaded)} so far` });
    } while (cursor !== undefined);
    done += weights[list];
  }
  return { overview, records: mergeEvidenceRecords(parts), unreadable };
}
