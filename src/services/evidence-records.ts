import type { EvidenceList, EvidenceRecordsPage } from '../api/evidence';
import { dayOf } from '../domain/actions';
import {
  actionEvidence,
  communicationEvidence,
  incidentEvidence,
  periodPosition,
  processReviewEvidence,
  riskEvidence,
  type EvidencePeriod,
  type EvidenceRecords,
  type ResolvedPeriod,
} from '../domain/evidence';
import { processReviewSchema } from '../domain/process-review';
import { parseReview } from '../domain/review';
import { fullTaxonomy, type ProjectSettings } from '../domain/settings';
import { ENTITY, queryIndex, type IndexQuery, type Page } from '../platform/store';
import type { Grant } from './access';
import { actionSchema } from '../domain/actions';
import { riskSchema, riskLinkSchema } from '../domain/risks';
import type { ActionRecord } from './actions-records';
import type { CommunicationRecord } from './communication';
import { requireEvidenceManager } from './evidence-access';
import { resolvedOrRefused } from './evidence-pack';
import type { ProcessReviewRecord } from './process-review';
import type { ReviewRecord } from './review-records';
import type { RiskLinkRecord, RiskRecord } from './risks-records';
import { loadProjectSettings } from './settings-store';

/**
 * R24 the evidence pack's records, a bounded page per call: each call reads at most
 * `MAX_QUERIES` storage pages (20 records each) of one list's index, within the period's range,
 * and stops early once `TIME_BUDGET_MS` has passed — far inside Forge's 25 s and 5 MB per call,
 * whatever the project's size (records are projected to their evidence, not returned whole).
 * The page pulls calls until the cursor runs out, showing `position` as progress.
 */

/** 25 storage pages = up to 500 records per call (≈ 0.5–1 MB of evidence at most). */
export const MAX_QUERIES = 25;
/** Risks read their links too (one query per risk): fewer of them per call. */
const MAX_RISK_PAGES = 2;
const TIME_BUDGET_MS = 8_000;

interface ListSpec<R> {
  entity: (typeof ENTITY)[keyof typeof ENTITY];
  index: string;
  range: (period: ResolvedPeriod) => Pick<IndexQuery, 'between' | 'sort'>;
  /** Epoch millis of a record's place in the range (for progress), or undefined when unordered by time. */
  at: (record: R) => number | undefined;
}

const byTime = (period: ResolvedPeriod): Pick<IndexQuery, 'between' | 'sort'> => ({ between: [period.startMs, period.endMs - 1], sort: 'ASC' });

const SPECS = {
  incidents: { entity: ENTITY.review, index: 'by-project-occurred', range: byTime, at: (record: ReviewRecord) => record.occurredAt } satisfies ListSpec<ReviewRecord>,
  actions: { entity: ENTITY.action, index: 'by-project-created', range: byTime, at: (record: ActionRecord) => record.createdAt } satisfies ListSpec<ActionRecord>,
  'completed-actions': { entity: ENTITY.action, index: 'by-project-resolved', range: byTime, at: (record: ActionRecord) => record.resolvedAt } satisfies ListSpec<ActionRecord>,
  communications: { entity: ENTITY.communication, index: 'by-project', range: byTime, at: (record: CommunicationRecord) => record.sentAt } satisfies ListSpec<CommunicationRecord>,
  'process-reviews': {
    entity: ENTITY.processReview,
    index: 'by-project',
    range: (period: ResolvedPeriod) => ({ between: [period.firstDay, period.lastDay], sort: 'ASC' }),
    at: (record: ProcessReviewRecord) => Date.parse(record.heldOn),
  } satisfies ListSpec<ProcessReviewRecord>,
  risks: { entity: ENTITY.risk, index: 'by-project-score', range: () => ({ sort: 'DESC' }), at: (_record: RiskRecord) => undefined } satisfies ListSpec<RiskRecord>,
};

/** Reads index pages until the list ends, the query budget is spent or the time budget has passed. */
async function readPages<R>(spec: ListSpec<R>, projectKey: string, period: ResolvedPeriod, cursor: string | undefined, maxQueries: number, onPage: (items: R[]) => Promise<void>): Promise<{ cursor?: string; last?: R }> {
  const started = Date.now();
  let next = cursor;
  let last: R | undefined;
  for (let queries = 0; queries < maxQueries && Date.now() - started < TIME_BUDGET_MS; queries += 1) {
    const page: Page<R> = await queryIndex<R>(spec.entity, spec.index, [projectKey], { ...spec.range(period), limit: 20, ...(next === undefined ? {} : { cursor: next }) });
    const items = page.items.map((item) => item.value);
    await onPage(items);
    last = items.at(-1) ?? last;
    next = page.cursor;
    if (next === undefined) break;
  }
  return { ...(next === undefined ? {} : { cursor: next }), ...(last === undefined ? {} : { last }) };
}

/** What a list adds to the pack from its stored records; records that no longer parse are counted and left out. */
async function collect(list: EvidenceList, projectKey: string, period: ResolvedPeriod, settings: ProjectSettings, cursor: string | undefined): Promise<{ records: Partial<EvidenceRecords>; count: number; unreadable: number; cursor?: string; at?: number }> {
  let unreadable = 0;
  const keep = <T>(parsed: { success: boolean; data?: T }): T[] => {
    if (parsed.success && parsed.data !== undefined) return [parsed.data];
    unreadable += 1;
    return [];
  };
  switch (list) {
    case 'incidents': {
      const taxonomy = fullTaxonomy(settings);
      const incidents: EvidenceRecords['incidents'] = [];
      const read = await readPages(SPECS.incidents, projectKey, period, cursor, MAX_QUERIES, (items) => {
        for (const record of items) {
          const parsed = parseReview(record.document);
          if (parsed.ok) incidents.push(incidentEvidence(parsed.value, taxonomy));
          else unreadable += 1;
        }
        return Promise.resolve();
      });
      return { records: { incidents }, count: incidents.length, unreadable, ...read, ...(read.last === undefined ? {} : { at: SPECS.incidents.at(read.last) }) };
    }
    case 'actions':
    case 'completed-actions': {
      const spec = SPECS[list];
      const actions: EvidenceRecords['actions'] = [];
      const read = await readPages(spec, projectKey, period, cursor, MAX_QUERIES, (items) => {
        for (const record of items) actions.push(...keep(actionSchema.safeParse(record.document)).map(actionEvidence));
        return Promise.resolve();
      });
      return { records: { actions }, count: actions.length, unreadable, ...read, ...(read.last === undefined ? {} : { at: spec.at(read.last) }) };
    }
    case 'communications': {
      const communications: EvidenceRecords['communications'] = [];
      const read = await readPages(SPECS.communications, projectKey, period, cursor, MAX_QUERIES, (items) => {
        communications.push(...items.map((record) => communicationEvidence(record.document)));
        return Promise.resolve();
      });
      return { records: { communications }, count: communications.length, unreadable, ...read, ...(read.last === undefined ? {} : { at: read.last.sentAt }) };
    }
    case 'process-reviews': {
      const processReviews: EvidenceRecords['processReviews'] = [];
      const read = await readPages(SPECS['process-reviews'], projectKey, period, cursor, MAX_QUERIES, (items) => {
        for (const record of items) processReviews.push(...keep(processReviewSchema.safeParse(record.document)).map(processReviewEvidence));
        return Promise.resolve();
      });
      return { records: { processReviews }, count: processReviews.length, unreadable, ...read, ...(read.last === undefined ? {} : { at: SPECS['process-reviews'].at(read.last) }) };
    }
    case 'risks': {
      // The register is the current one (risks are living records); each risk lists the incidents behind it.
      const risks: EvidenceRecords['risks'] = [];
      const read = await readPages(SPECS.risks, projectKey, period, cursor, MAX_RISK_PAGES, async (items) => {
        const parsed = items.flatMap((record) => keep(riskSchema.safeParse(record.document)));
        const links = await Promise.all(parsed.map((risk) => queryIndex<RiskLinkRecord>(ENTITY.riskLink, 'by-risk', [risk.id], { sort: 'DESC', limit: 20 })));
        parsed.forEach((risk, index) => {
          const page = links[index];
          const riskLinks = (page?.items ?? []).flatMap((item) => keep(riskLinkSchema.safeParse(item.value.document)));
          risks.push(riskEvidence(risk, riskLinks, page?.cursor !== undefined));
        });
      });
      return { records: { risks }, count: risks.length, unreadable, ...read };
    }
  }
}

export async function listEvidencePackRecords(projectKey: string, spec: EvidencePeriod, list: EvidenceList, cursor: string | undefined, grant: Promise<Grant>, caller: string, now = new Date()): Promise<EvidenceRecordsPage> {
  const period = resolvedOrRefused(spec, dayOf(now));
  const [{ settings }, granted] = await Promise.all([loadProjectSettings(projectKey), grant]);
  await requireEvidenceManager(settings, granted, caller, projectKey);
  const page = await collect(list, projectKey, period, settings, cursor);
  const position = page.cursor === undefined ? 1 : page.at === undefined ? 0.5 : periodPosition(period, page.at);
  return { list, records: page.records, count: page.count, unreadable: page.unreadable, position, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
