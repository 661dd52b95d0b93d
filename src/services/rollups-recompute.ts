import { randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import { OPEN_PERIOD, actionContribution, sumContributions, type Contribution, type Counters } from '../domain/dashboard';
import { logEvent } from '../platform/log';
import { ENTITY, getRecord, getRecords, queryIndex, transact, type TransactDelete, type TransactWrite } from '../platform/store';
import { actionOfRecord, type ActionRecord } from './actions-records';
import { contributionOfRegistration, type IncidentRecord } from './incident-registrations';
import { contributionOf, type ReviewRecord } from './review-records';
import { rollupKey, rollupRecord, type RollupRecord } from './rollups';

/**
 * Rebuilds a project's dashboard rollups from its records — the daily job's repair, and the way
 * to fill them after a change of what is counted. Chunked and resumable: each call works for at
 * most `budgetMs` (at least one page) and returns `{ done: false, cursor }` to be called again.
 *
 * 1. Start: claim a new run in the progress record (conditional write) and remember the live
 *    `open` record's version (every rollup write bumps it: it is the project's rollup version).
 *    Each run builds its own `staging-<run>` rows, so a run never touches another's.
 * 2. Walk the reviews (`by-project-occurred`), the actions (`by-project-due`) and the backfill's
 *    incident registrations (`by-project-occurred`) one page at a time; each page's contributions are added to the run's staging rows **in the same
 *    transaction** as the progress record (conditional on its version), so a page is counted
 *    exactly once even when the job fires twice (both invocations then share the run) or dies.
 * 3. Swap: copy staging over live, ≤ 24 rows per transaction, every transaction conditional on
 *    the `open` record still having the version of step 1 (then bumped by each transaction). A
 *    write by someone in between fails that condition: the run starts over (what was swapped
 *    before it is correct, as later writes added their own differences to it).
 *
 * The walked indexes only change order when a record's contribution changes (see writeReview
 * and writeActions), which bumps the rollup version, so a finished run never counts a record twice.
 */
interface RebuildState {
  runId: string;
  startedAt: string;
  /** The live `open` record's version when the run started; null when it did not exist. */
  baseVersion: number | null;
  phase: 'reviews' | 'actions' | 'incidents' | 'swap' | 'done';
  storeCursor?: string;
  records: number;
}

interface RebuildRecord {
  projectKey: string;
  version: number;
  document: RebuildState;
}

export interface RecomputeResult {
  done: boolean;
  /** Pass back to continue (a call without it also resumes an unfinished run); absent when done. */
  cursor?: string;
  /** Reviews and actions counted so far in this run. */
  records: number;
}

const rebuildKey = (projectKey: string): string => `rollup-rebuild-${projectKey}`;
const stagingKind = (runId: string): string => `staging-${runId}`;
const MAX_OPS = 25;

const readControl = (projectKey: string): Promise<RebuildRecord | undefined> => getRecord<RebuildRecord>(ENTITY.rollupRebuild, rebuildKey(projectKey));

/** Every row of a kind (live, or one run's staging) of the project, paging the index. */
async function rowsOf(projectKey: string, kind: string): Promise<RollupRecord[]> {
  const rows: RollupRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndex<RollupRecord>(ENTITY.rollup, 'by-project-kind', [projectKey, kind], { limit: 20, ...(cursor === undefined ? {} : { cursor }) });
    rows.push(...page.items.map((item) => item.value));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return rows;
}

async function deleteRows(rows: readonly RollupRecord[]): Promise<void> {
  for (let start = 0; start < rows.length; start += MAX_OPS) {
    await transact([], rows.slice(start, start + MAX_OPS).map((row) => ({ entity: ENTITY.rollup, key: rollupKey(row.projectKey, row.period, row.kind) })));
  }
}

/** Claims a new run; when another invocation claimed one first, joins that one instead. */
async function startRun(projectKey: string, control: RebuildRecord | undefined): Promise<RebuildRecord> {
  const open = await getRecord<RollupRecord>(ENTITY.rollup, rollupKey(projectKey, OPEN_PERIOD));
  const runId = randomUUID();
  const next: RebuildRecord = {
    projectKey,
    version: (control?.version ?? 0) + 1,
    document: { runId, startedAt: new Date().toISOString(), baseVersion: open?.version ?? null, phase: 'reviews', records: 0 },
  };
  try {
    // The staging `open` row always exists, so the swap always writes (and checks) the live one.
    await transact([
      { entity: ENTITY.rollupRebuild, key: rebuildKey(projectKey), value: next, expect: control?.version ?? 'absent' },
      { entity: ENTITY.rollup, key: rollupKey(projectKey, OPEN_PERIOD, stagingKind(runId)), value: rollupRecord(projectKey, OPEN_PERIOD, {}, 1, stagingKind(runId)) },
    ]);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    const current = await readControl(projectKey);
    if (current === undefined) throw error;
    return current;
  }
  // Leftovers of an abandoned run are its own rows only; the new run cannot be affected.
  if (control !== undefined && control.document.phase !== 'done') await deleteRows(await rowsOf(projectKey, stagingKind(control.document.runId)));
  return next;
}

/** Adds one page's contributions to the run's staging rows and moves the progress on, in one transaction. */
async function commitPage(control: RebuildRecord, contribution: Contribution, next: RebuildState): Promise<RebuildRecord> {
  const { projectKey } = control;
  const kind = stagingKind(control.document.runId);
  const periods = Object.keys(contribution);
  const staging = await getRecords<RollupRecord>(ENTITY.rollup, periods.map((period) => rollupKey(projectKey, period, kind)));
  const writes: TransactWrite[] = periods.map((period) => {
    const stored = staging.get(rollupKey(projectKey, period, kind));
    const counters = sumContributions([{ [period]: stored?.counters ?? {} }, { [period]: contribution[period] ?? {} }])[period] ?? {};
    return { entity: ENTITY.rollup, key: rollupKey(projectKey, period, kind), value: rollupRecord(projectKey, period, counters, (stored?.version ?? 0) + 1, kind), expect: stored?.version ?? 'absent' };
  });
  const record: RebuildRecord = { ...control, version: control.version + 1, document: next };
  await transact([...writes, { entity: ENTITY.rollupRebuild, key: rebuildKey(projectKey), value: record, expect: control.version }]);
  return record;
}

const NEXT_PHASE: Record<RebuildState['phase'], RebuildState['phase']> = { reviews: 'actions', actions: 'incidents', incidents: 'swap', swap: 'done', done: 'done' };

async function walkPage(control: RebuildRecord): Promise<RebuildRecord> {
  const { projectKey, document: state } = control;
  const options = { sort: 'ASC' as const, limit: 20, ...(state.storeCursor === undefined ? {} : { cursor: state.storeCursor }) };
  let contributions: Contribution[];
  let cursor: string | undefined;
  if (state.phase === 'reviews') {
    const page = await queryIndex<ReviewRecord>(ENTITY.review, 'by-project-occurred', [projectKey], options);
    contributions = page.items.map((item) => contributionOf(item.value));
    cursor = page.cursor;
  } else if (state.phase === 'actions') {
    const page = await queryIndex<ActionRecord>(ENTITY.action, 'by-project-due', [projectKey], options);
    contributions = page.items.map((item) => actionContribution(actionOfRecord(item.value)));
    cursor = page.cursor;
  } else {
    const page = await queryIndex<IncidentRecord>(ENTITY.incident, 'by-project-occurred', [projectKey], options);
    contributions = page.items.map((item) => contributionOfRegistration(item.value));
    cursor = page.cursor;
  }
  const phase: RebuildState['phase'] = cursor !== undefined ? state.phase : NEXT_PHASE[state.phase];
  const next: RebuildState = { ...state, phase, records: state.records + contributions.length };
  if (cursor === undefined) delete next.storeCursor;
  else next.storeCursor = cursor;
  return commitPage(control, sumContributions(contributions), next);
}

/** Copies staging over live; false when a write happened since the run started (start over). */
async function swap(control: RebuildRecord): Promise<boolean> {
  const { projectKey } = control;
  const [staging, live] = await Promise.all([rowsOf(projectKey, stagingKind(control.document.runId)), rowsOf(projectKey, 'live')]);
  const stagingBy = new Map(staging.map((row) => [row.period, row]));
  const liveBy = new Map(live.map((row) => [row.period, row]));
  const months = [...new Set([...stagingBy.keys(), ...liveBy.keys()])].filter((period) => period !== OPEN_PERIOD).sort();
  const openCounters: Counters = stagingBy.get(OPEN_PERIOD)?.counters ?? {};
  let openVersion = control.document.baseVersion;
  // The `open` row goes in every transaction: it carries the "nothing changed since" condition.
  const chunkSize = MAX_OPS - 1;
  const chunks = months.length === 0 ? [[]] : Array.from({ length: Math.ceil(months.length / chunkSize) }, (_, index) => months.slice(index * chunkSize, index * chunkSize + chunkSize));
  for (const chunk of chunks) {
    const writes: TransactWrite[] = [
      { entity: ENTITY.rollup, key: rollupKey(projectKey, OPEN_PERIOD), value: rollupRecord(projectKey, OPEN_PERIOD, openCounters, (openVersion ?? 0) + 1), expect: openVersion ?? 'absent' },
    ];
    const deletes: TransactDelete[] = [];
    for (const period of chunk) {
      const fresh = stagingBy.get(period);
      const stored = liveBy.get(period);
      if (fresh !== undefined) writes.push({ entity: ENTITY.rollup, key: rollupKey(projectKey, period), value: rollupRecord(projectKey, period, fresh.counters, (stored?.version ?? 0) + 1), expect: stored?.version ?? 'absent' });
      else if (stored !== undefined) deletes.push({ entity: ENTITY.rollup, key: rollupKey(projectKey, period), expect: stored.version });
    }
    try {
      await transact(writes, deletes);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') return false;
      throw error;
    }
    openVersion = (openVersion ?? 0) + 1;
  }
  return true;
}

/**
 * `cursor` is the run to continue; without one, an unfinished run is resumed (a double fire of
 * the daily job shares it) and a new run starts only when the last one finished.
 */
export async function recomputeProjectRollups(projectKey: string, cursor?: string, options: { budgetMs?: number } = {}): Promise<RecomputeResult> {
  const deadline = Date.now() + (options.budgetMs ?? 10_000);
  let control = await readControl(projectKey);
  // The run this caller continues was finished by another invocation of the job.
  if (cursor !== undefined && control?.document.runId === cursor && control.document.phase === 'done') return { done: true, records: control.document.records };
  if (control === undefined || control.document.phase === 'done') control = await startRun(projectKey, control);
  for (;;) {
    const state: RebuildState = control.document;
    if (state.phase === 'done') return { done: true, records: state.records };
    if (state.phase === 'swap') {
      if (!(await swap(control))) {
        logEvent('rollup-recompute-restart', { project: projectKey, records: state.records });
        control = await startRun(projectKey, control);
        continue;
      }
      try {
        await transact([{ entity: ENTITY.rollupRebuild, key: rebuildKey(projectKey), value: { ...control, version: control.version + 1, document: { ...state, phase: 'done' } }, expect: control.version }]);
      } catch (error) {
        // A second invocation of the same run finished it first.
        if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      }
      await deleteRows(await rowsOf(projectKey, stagingKind(state.runId)));
      logEvent('rollup-recompute', { project: projectKey, records: state.records });
      return { done: true, records: state.records };
    }
    try {
      control = await walkPage(control);
    } catch (error) {
      // Another invocation moved the progress on (or started over): continue from where it is now.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      const current = await readControl(projectKey);
      if (current === undefined) throw error;
      control = current;
      continue;
    }
    // At least one page per call, so even a tiny budget makes progress.
    if (Date.now() >= deadline && control.document.phase !== 'swap') return { done: false, cursor: control.document.runId, records: control.document.records };
  }
}
