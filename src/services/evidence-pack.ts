import { randomUUID } from 'node:crypto';
import { AppError } from '../api/errors';
import type { EvidenceExportRecorded } from '../api/evidence';
import { dayOf } from '../domain/actions';
import {
  OPEN_PERIOD,
  computeKpis,
  computeKpisOver,
  counterGroup,
  lastMonths,
  openWork,
  repeatCategories,
  sumCounters,
  type Counters,
} from '../domain/dashboard';
import {
  evidencePackRecordKey,
  resolvePeriod,
  type EvidenceOverview,
  type EvidencePackAuditEvent,
  type EvidencePeriod,
  type ExportFormat,
  type ProcedureEvidence,
  type ResolvedPeriod,
} from '../domain/evidence';
import type { ProcedureHead } from '../domain/procedure';
import { A527_CONTROL } from '../domain/report';
import { fullTaxonomy, type ProjectSettings } from '../domain/settings';
import { ENTITY, transact } from '../platform/store';
import type { Grant } from './access';
import { approverRuleText, requireEvidenceManager } from './evidence-access';
import { readProcedureHead } from './procedure-store';
import { processReviewStatus } from './process-review';
import { readRollups } from './rollups';
import { loadProjectSettings } from './settings-store';

/**
 * R24 the evidence pack's overview: every figure from the rollups, the settings, the procedure head
 * and the latest process review — a constant number of storage calls whatever the number of
 * incidents — computed with the dashboard's own functions on the same months, so the pack and the
 * dashboard never disagree. Producing it is recorded in the audit trail.
 */

/** The dashboard's KPI window and trend length (src/services/dashboard.ts): the same inputs give the same figures. */
const DASHBOARD_WINDOW_MONTHS = 24;
const DASHBOARD_TREND_MONTHS = 12;

export function resolvedOrRefused(period: EvidencePeriod, today: string): ResolvedPeriod {
  const resolved = resolvePeriod(period, today);
  if (!resolved.ok) throw new AppError('INVALID_INPUT', `${resolved.field}: ${resolved.message}`, resolved.field);
  return resolved.value;
}

function procedureEvidence(head: ProcedureHead | undefined, period: ResolvedPeriod): ProcedureEvidence {
  if (head === undefined) return { versionsInPeriod: [] };
  const inPeriod = (instant: string | undefined): boolean => instant !== undefined && instant.slice(0, 10) >= period.firstDay && instant.slice(0, 10) <= period.lastDay;
  const current = head.versions.find((meta) => meta.version === head.currentVersion);
  const latest = head.versions.at(-1);
  return {
    ...(current?.signedOffBy === undefined || current.signedOffAt === undefined
      ? {}
      : { current: { version: current.version, changeSummary: current.changeSummary, signedOffBy: current.signedOffBy, signedOffAt: current.signedOffAt } }),
    ...(latest !== undefined && latest.signedOffAt === undefined ? { pendingDraft: { version: latest.version, createdAt: latest.createdAt } } : {}),
    versionsInPeriod: head.versions
      .filter((meta) => inPeriod(meta.createdAt) || inPeriod(meta.signedOffAt))
      .map((meta) => ({
        version: meta.version,
        author: meta.author,
        createdAt: meta.createdAt,
        changeSummary: meta.changeSummary,
        ...(meta.signedOffBy === undefined ? {} : { signedOffBy: meta.signedOffBy }),
        ...(meta.signedOffAt === undefined ? {} : { signedOffAt: meta.signedOffAt }),
      })),
  };
}

/** The months whose rollups the pack reads: the dashboard's 24-month window for its own periods, else the period and the one before. */
function rollupMonths(period: ResolvedPeriod, today: string): string[] {
  return period.period.kind === 'custom' ? [...period.previousMonths, ...period.months] : lastMonths(today, DASHBOARD_WINDOW_MONTHS);
}

/** The settings the overview needs first (who are the approvers); read while Jira checks the caller. */
export const prefetchEvidenceSettings = async (projectKey: string): Promise<ProjectSettings> => (await loadProjectSettings(projectKey)).settings;

export async function loadEvidencePackOverview(projectKey: string, spec: EvidencePeriod, grant: Grant, caller: string, settings: ProjectSettings, now = new Date()): Promise<EvidenceOverview> {
  const today = dayOf(now);
  const period = resolvedOrRefused(spec, today);
  const window = rollupMonths(period, today);
  await requireEvidenceManager(settings, grant, caller, projectKey);
  const [rollups, head, processReview] = await Promise.all([readRollups(projectKey, [...window, OPEN_PERIOD]), readProcedureHead(projectKey), processReviewStatus(projectKey, now)]);
  const months = new Map<string, Counters>(window.map((month) => [month, rollups.get(month)?.counters ?? {}]));
  const kpiSettings = { significantSeverities: settings.significantSeverities, reviewTargetDays: settings.reviewTargetDays };
  const kpis =
    spec.kind === 'custom'
      ? computeKpisOver(months, { current: period.months, previous: period.previousMonths, trend: period.months }, kpiSettings)
      : computeKpis(months, window, spec.kind, kpiSettings, DASHBOARD_TREND_MONTHS);
  const total = sumCounters(period.months.map((month) => months.get(month)));
  const actions = (key: string): number => total[`actions|${key}`] ?? 0;
  const open = openWork(rollups.get(OPEN_PERIOD)?.counters ?? {}, today);
  const at = now.toISOString();
  const overview: EvidenceOverview = {
    projectKey,
    today,
    generatedAt: at,
    generatedBy: caller,
    period: { spec, months: period.months, previousMonths: period.previousMonths, label: period.label, previousLabel: period.previousLabel, firstDay: period.firstDay, lastDay: period.lastDay },
    attributes: A527_CONTROL,
    procedure: procedureEvidence(head?.document, period),
    approvers: approverRuleText(settings),
    settings: { significantSeverities: [...settings.significantSeverities], reviewTargetDays: settings.reviewTargetDays, effectivenessWindowDays: settings.effectivenessWindowDays },
    figures: {
      incidents: total['incidents'] ?? 0,
      reviewed: Object.values(counterGroup(total, 'reviewed')).reduce((sum, n) => sum + n, 0),
      actionsClosed: actions('closed'),
      actionsOnTime: actions('onTime'),
      actionsVerified: actions('verified'),
      actionsEffective: actions('effective'),
      actionsNotEffective: actions('notEffective'),
      openActions: open.openActions,
      overdueActions: open.overdue,
    },
    kpis,
    repeats: repeatCategories(months, period.months, fullTaxonomy(settings)),
    processReview,
  };
  await recordPackEvent({ kind: 'evidence-pack-produced', projectKey, by: caller, at, period: spec, months: monthsOf(period) });
  return overview;
}

const monthsOf = (period: ResolvedPeriod): EvidencePackAuditEvent['months'] => ({ from: period.months[0] ?? '', to: period.months.at(-1) ?? '' });

/** One append-only audit event (its own record: two exports in the same millisecond never collide). */
async function recordPackEvent(event: EvidencePackAuditEvent): Promise<void> {
  const recordKey = evidencePackRecordKey(event.projectKey);
  const at = Date.parse(event.at);
  await transact([{ entity: ENTITY.auditEvent, key: `audit-${recordKey}-${String(at)}-${randomUUID()}`, value: { recordKey, projectKey: event.projectKey, at, accountId: event.by, change: event } }]);
}

export interface ExportRequest {
  period: EvidencePeriod;
  format: ExportFormat;
  sample?: { seed: number; size: number };
  recordCounts: NonNullable<EvidencePackAuditEvent['recordCounts']>;
}

/** Who exported which pack in which format, when (R23/R24); called by the page before it hands the file over. */
export async function recordEvidencePackExport(projectKey: string, request: ExportRequest, grant: Grant, caller: string, now = new Date()): Promise<EvidenceExportRecorded> {
  const period = resolvedOrRefused(request.period, dayOf(now));
  const { settings } = await loadProjectSettings(projectKey);
  await requireEvidenceManager(settings, grant, caller, projectKey);
  const at = now.toISOString();
  await recordPackEvent({
    kind: 'evidence-pack-exported',
    projectKey,
    by: caller,
    at,
    period: request.period,
    months: monthsOf(period),
    format: request.format,
    ...(request.sample === undefined ? {} : { sample: request.sample }),
    recordCounts: request.recordCounts,
  });
  return { recordedAt: at };
}
