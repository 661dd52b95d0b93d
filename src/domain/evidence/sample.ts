/**
 * The pack's random sample (R24): N incidents of the period and N actions completed in the
 * period, drawn with a recorded seed (see sampling.ts), each listed with its evidence.
 */
import type { EvidenceOverview } from './overview';
import type { ActionEvidence, EvidenceRecords, IncidentEvidence } from './records';
import { SAMPLING_METHOD, compareIssueKeys, drawSample } from './sampling';

export const MAX_SAMPLE_SIZE = 50;
export const DEFAULT_SAMPLE_SIZE = 5;

export interface EvidenceSample {
  seed: number;
  size: number;
  method: string;
  incidents: { populationSize: number; items: IncidentEvidence[] };
  actions: { populationSize: number; items: ActionEvidence[] };
}

/** Actions completed within the period's days: the population the dashboard's action KPIs count. */
export const completedInPeriod = (overview: Pick<EvidenceOverview, 'period'>, records: Pick<EvidenceRecords, 'actions'>): ActionEvidence[] =>
  records.actions.filter((action) => action.completedAt !== undefined && action.completedAt.slice(0, 10) >= overview.period.firstDay && action.completedAt.slice(0, 10) <= overview.period.lastDay);

/** Completed actions always have their Jira issue: its key is what an auditor can check; the app's id only breaks ties. */
const DRAFT_PREFIX = '~';
const actionSortKey = (action: ActionEvidence): string => action.jiraIssueKey ?? `${DRAFT_PREFIX}${action.actionId}`;

function compareActionKeys(a: string, b: string): number {
  const draftA = a.startsWith(DRAFT_PREFIX);
  const draftB = b.startsWith(DRAFT_PREFIX);
  if (draftA !== draftB) return draftA ? 1 : -1;
  if (draftA) return a < b ? -1 : a > b ? 1 : 0;
  return compareIssueKeys(a, b);
}

export function drawEvidenceSample(overview: Pick<EvidenceOverview, 'period'>, records: EvidenceRecords, size: number, seed: number): EvidenceSample {
  const incidents = drawSample(records.incidents, size, seed, (incident) => incident.issueKey, compareIssueKeys);
  // A different stream for actions, so the two samples are not the same positions of two lists.
  const actions = drawSample(completedInPeriod(overview, records), size, (seed ^ 0x9e3779b9) >>> 0, actionSortKey, compareActionKeys);
  return {
    seed,
    size,
    method: `${SAMPLING_METHOD} Actions use the seed XOR 0x9E3779B9.`,
    incidents: { populationSize: incidents.populationSize, items: incidents.items },
    actions: { populationSize: actions.populationSize, items: actions.items },
  };
}
