import { AppError } from '../api/errors';
import { OPEN_PERIOD, addCounters, type Contribution, type Counters } from '../domain/dashboard';
import { logEvent } from '../platform/log';
import { ENTITY, getRecords, transact, type TransactCheck, type TransactDelete, type TransactWrite } from '../platform/store';

/**
 * Dashboard rollups (R17–R19): per project, one record per UTC month of counters, plus one
 * project-wide `open` record. Every review or action write that changes what the record
 * contributes adds the difference to the rollups **in the same transaction** as the record
 * itself, so the dashboard never shows figures that disagree with the records, and reading the
 * KPIs costs one batch read whatever the number of incidents.
 *
 * The `open` record is written (its version bumped) by every rollup change: it is the project's
 * rollup version, which lets a recompute know whether anything changed while it was running.
 */
export interface RollupRecord {
  projectKey: string;
  /** `live`, or `staging-<run id>` for the rows a recompute is building. */
  kind: string;
  period: string;
  version: number;
  updatedAt: number;
  counters: Counters;
}

export const rollupKey = (projectKey: string, period: string, kind = 'live'): string => (kind === 'live' ? `rollup-${projectKey}-${period}` : `rollup-${projectKey}-${kind}-${period}`);

/** Live rollups of these periods (missing ones are simply absent: nothing happened then). */
export async function readRollups(projectKey: string, periods: readonly string[]): Promise<Map<string, RollupRecord>> {
  const found = await getRecords<RollupRecord>(ENTITY.rollup, periods.map((period) => rollupKey(projectKey, period)));
  return new Map([...found.values()].map((record) => [record.period, record]));
}

export const rollupRecord = (projectKey: string, period: string, counters: Counters, version: number, kind = 'live'): RollupRecord => ({
  projectKey,
  kind,
  period,
  version,
  updatedAt: Date.now(),
  counters,
});

/** The writes that add `delta` to the rollups read in `current` (the `open` record always included). */
export function rollupWrites(projectKey: string, delta: Contribution, current: ReadonlyMap<string, RollupRecord>): TransactWrite[] {
  const periods = new Set([...Object.keys(delta), OPEN_PERIOD]);
  return [...periods].map((period) => {
    const stored = current.get(period);
    const counters = addCounters(stored?.counters ?? {}, delta[period] ?? {});
    return { entity: ENTITY.rollup, key: rollupKey(projectKey, period), value: rollupRecord(projectKey, period, counters, (stored?.version ?? 0) + 1), expect: stored?.version ?? 'absent' };
  });
}

export const rollupPeriods = (delta: Contribution): string[] => [...new Set([...Object.keys(delta), OPEN_PERIOD])];

/** Rollups as read: a period present with `undefined` was read and does not exist yet. */
export type ReadRollups = ReadonlyMap<string, RollupRecord | undefined>;

/** Live rollups of these periods, marking the ones that do not exist yet. */
export async function readRollupsFor(projectKey: string, periods: readonly string[]): Promise<ReadRollups> {
  const found = await readRollups(projectKey, periods);
  return new Map(periods.map((period) => [period, found.get(period)]));
}

export interface RollupCommit {
  projectKey: string;
  /** The record's own writes (with their version conditions) and audit events. */
  writes: readonly TransactWrite[];
  deletes?: readonly TransactDelete[];
  /** Records the change depends on without writing them (e.g. a backfill registration: "no review yet"). */
  checks?: readonly TransactCheck[];
  /** What changes in the rollups; an empty delta still bumps the `open` record (the project's rollup version). */
  delta: Contribution;
  /** Rollups already read (e.g. in the batch that read the previous record); missing ones are read here. */
  preloaded?: ReadRollups;
  /**
   * Asked after a failed condition: did the record itself change (the caller's conflict)? When it
   * did not, only a rollup moved under us — another write of the same project — and we retry.
   */
  recordChanged: () => Promise<boolean>;
}

const MAX_ATTEMPTS = 6;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Commits the record and the rollup change in one transaction. A condition that fails on a
 * rollup is contention between two writes of the same project, never the user's conflict: the
 * rollups are re-read and the transaction retried (bounded, with jitter).
 */
export async function commitWithRollups(commit: RollupCommit): Promise<void> {
  const periods = rollupPeriods(commit.delta);
  let known: ReadRollups = commit.preloaded ?? new Map();
  for (let attempt = 1; ; attempt += 1) {
    const missing = periods.filter((period) => !known.has(period));
    const rollups = missing.length === 0 ? known : new Map([...known, ...(await readRollupsFor(commit.projectKey, missing))]);
    const current = new Map([...rollups].flatMap(([period, record]) => (record === undefined ? [] : [[period, record] as const])));
    try {
      await transact([...commit.writes, ...rollupWrites(commit.projectKey, commit.delta, current)], commit.deletes ?? [], commit.checks ?? []);
      return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      if (await commit.recordChanged()) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        logEvent('rollup-contention', { level: 'error', project: commit.projectKey, attempts: attempt });
        throw new AppError('UPSTREAM', 'Many changes are being saved in this project at the same moment. Please save again.');
      }
      known = new Map();
      await sleep(10 * 2 ** attempt + Math.random() * 20);
    }
  }
}
