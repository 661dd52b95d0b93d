import { AppError } from '../api/errors';
import type { IncidentRegistration } from '../domain/backfill';
import { registrationContribution, sumContributions, type Contribution } from '../domain/dashboard';
import { ENTITY, getMixedRecords, type TransactCheck, type TransactWrite } from '../platform/store';
import { reviewKey } from './review-records';
import { commitWithRollups } from './rollups';

/**
 * Existing incidents registered by the backfill: one `incident` record per Jira issue, counted in
 * the project's rollups (incidents, type unknown, severity) in the same transaction as the record,
 * and only while the incident has no review — the registration is written on the condition that
 * no review exists, and starting a review deletes it on the condition that it is unchanged, both
 * with the rollup difference, so an incident is counted exactly once whatever the interleaving.
 */
export interface IncidentRecord {
  issueId: string;
  issueKey: string;
  projectKey: string;
  /** Epoch millis of Jira's created. */
  occurredAt: number;
  severity: string;
  version: number;
  registeredAt: number;
}

export const incidentKey = (issueId: string): string => `incident-${issueId}`;

export const contributionOfRegistration = (record: Pick<IncidentRecord, 'occurredAt' | 'severity'>): Contribution =>
  registrationContribution({ occurredAt: new Date(record.occurredAt).toISOString(), ...(record.severity === 'unknown' ? {} : { severity: record.severity }) });

/** Registrations plus their review checks and the rollups touched stay within Forge's 25 operations. */
const CHUNK = 8;

export interface RegistrationOutcome {
  registered: number;
  /** Already reviewed or registered: left alone (a re-run counts nothing twice). */
  known: number;
}

async function unknownOf(registrations: readonly IncidentRegistration[]): Promise<IncidentRegistration[]> {
  const found = await getMixedRecords(registrations.flatMap((registration) => [
    { entity: ENTITY.review, key: reviewKey(registration.issueId) },
    { entity: ENTITY.incident, key: incidentKey(registration.issueId) },
  ]));
  return registrations.filter((registration) => !found.has(`${ENTITY.review}/${reviewKey(registration.issueId)}`) && !found.has(`${ENTITY.incident}/${incidentKey(registration.issueId)}`));
}

async function commitChunk(projectKey: string, chunk: readonly IncidentRegistration[]): Promise<void> {
  const now = Date.now();
  const records = chunk.map((registration): IncidentRecord => ({
    issueId: registration.issueId,
    issueKey: registration.issueKey,
    projectKey,
    occurredAt: Date.parse(registration.occurredAt),
    severity: registration.severity ?? 'unknown',
    version: 1,
    registeredAt: now,
  }));
  const writes: TransactWrite[] = records.map((record) => ({ entity: ENTITY.incident, key: incidentKey(record.issueId), value: record, expect: 'absent' }));
  const checks: TransactCheck[] = records.map((record) => ({ entity: ENTITY.review, key: reviewKey(record.issueId), expect: 'absent' }));
  await commitWithRollups({
    projectKey,
    writes,
    checks,
    delta: sumContributions(records.map(contributionOfRegistration)),
    // A review started or another run registered one of them meanwhile: the caller re-reads.
    recordChanged: async () => (await unknownOf(chunk)).length !== chunk.length,
  });
}

/** Registers the incidents not counted yet, a few per transaction; a chunk that raced with a review start or another run is re-read once. */
export async function registerIncidents(projectKey: string, registrations: readonly IncidentRegistration[]): Promise<RegistrationOutcome> {
  const fresh = await unknownOf(registrations);
  let registered = 0;
  for (let start = 0; start < fresh.length; start += CHUNK) {
    let chunk = fresh.slice(start, start + CHUNK);
    try {
      await commitChunk(projectKey, chunk);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
      chunk = await unknownOf(chunk);
      if (chunk.length > 0) await commitChunk(projectKey, chunk);
    }
    registered += chunk.length;
  }
  return { registered, known: registrations.length - registered };
}
