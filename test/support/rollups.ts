import { actionSchema } from '../../src/domain/actions';
import { actionContribution, registrationContribution, reviewContribution, sumContributions, type Contribution, type Counters } from '../../src/domain/dashboard';
import { parseReview } from '../../src/domain/review';
import type { AppHarness } from './app-harness';

/** Rollups compared as plain sorted records, empty periods dropped. */
const normalise = (rows: Iterable<[string, Counters]>): Record<string, Record<string, number>> =>
  Object.fromEntries(
    [...rows]
      .filter(([, counters]) => Object.keys(counters).length > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, counters]) => [period, Object.fromEntries(Object.entries(counters).sort(([a], [b]) => a.localeCompare(b)))]),
  );

/** The live rollups of a project as stored. */
export function liveRollups(app: AppHarness, projectKey: string): Record<string, Record<string, number>> {
  const rows = app.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'rollup'`).all() as { value: string }[];
  const records = rows.map((row) => JSON.parse(row.value) as { projectKey: string; kind: string; period: string; counters: Counters });
  return normalise(records.filter((record) => record.projectKey === projectKey && record.kind === 'live').map((record) => [record.period, record.counters]));
}

/** What a full recompute must give: every stored review, action and backfill registration of the project, folded with the pure contributions. */
export function foldedFromRecords(app: AppHarness, projectKey: string): Record<string, Record<string, number>> {
  const contributions: Contribution[] = [];
  for (const row of app.sandbox.db.prepare(`SELECT entity_name, value FROM kvs_entities WHERE entity_name IN ('review', 'action', 'incident')`).all() as { entity_name: string; value: string }[]) {
    const record = JSON.parse(row.value) as { projectKey: string; document: unknown };
    if (record.projectKey !== projectKey) continue;
    if (row.entity_name === 'incident') {
      const registration = record as unknown as { occurredAt: number; severity: string };
      contributions.push(registrationContribution({ occurredAt: new Date(registration.occurredAt).toISOString(), ...(registration.severity === 'unknown' ? {} : { severity: registration.severity }) }));
    } else if (row.entity_name === 'review') {
      const parsed = parseReview(record.document);
      if (parsed.ok) contributions.push(reviewContribution(parsed.value));
    } else contributions.push(actionContribution(actionSchema.parse(record.document)));
  }
  return normalise(Object.entries(sumContributions(contributions)));
}

