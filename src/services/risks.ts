import { randomUUID } from 'node:crypto';
import type { DecisionsView, RiskDetail, RiskRegisterPage } from '../api/decisions';
import { AppError } from '../api/errors';
import { buildRecordAuditEvent, type RecordAuditEvent } from '../domain/decisions';
import type { Review } from '../domain/review';
import { createRisk, riskLevel, riskScore, updateRisk, type Risk, type RiskLink } from '../domain/risks';
import { ENTITY, transact } from '../platform/store';
import type { Grant } from './access';
import { auditWrite } from './actions-records';
import { loadDecisionsView, reviewOfIncident } from './decisions';
import { toAppError } from './domain-errors';
import { linksOfRisk, readRisk, riskLinkKey, riskLinkWrite, riskWrite, risksOfProject } from './risks-records';

/**
 * The risk register (R9, R20): a root cause decided "manage as a risk" creates a risk or is linked
 * to an existing one of the same project. Each change is one transaction with its audit event.
 */

const requireRootCause = (review: Review, rootCauseId: string): void => {
  if (!review.rootCauses.some((rootCause) => rootCause.id === rootCauseId)) {
    throw new AppError('NOT_FOUND', 'That root cause is no longer in the review; reload to see the current root causes.', 'rootCauseId');
  }
};

const riskEvent = (risk: Risk, kind: RecordAuditEvent['kind'], review: Review, actor: string, at: string, before: unknown, after: unknown): RecordAuditEvent =>
  buildRecordAuditEvent({ record: { type: 'risk', id: risk.id, label: risk.title }, incident: review.incident, projectKey: risk.projectKey, kind, by: actor, at, version: risk.version, before, after });

const linkOf = (riskId: string, review: Review, rootCauseId: string, actor: string, at: string): RiskLink => ({ riskId, incident: review.incident, rootCauseId, linkedBy: actor, linkedAt: at });

/** Creates a risk from a root cause (linked to it), or updates one of the incident's project. */
export async function saveRisk(
  issueKey: string,
  input: { rootCauseId: string; riskId?: string; baseVersion?: number; risk: unknown },
  grant: Grant,
  actor: string,
): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  requireRootCause(review, input.rootCauseId);
  const at = new Date().toISOString();
  if (input.riskId === undefined) {
    const created = createRisk(input.risk, { id: randomUUID(), projectKey: review.incident.projectKey }, { actor, at });
    if (!created.ok) throw toAppError(created.error);
    const risk = created.value;
    const link = linkOf(risk.id, review, input.rootCauseId, actor, at);
    await transact([
      riskWrite(risk, null),
      riskLinkWrite(link),
      auditWrite(riskEvent(risk, 'risk-created', review, actor, at, {}, { ...risk, linkedTo: `${review.incident.issueKey} root cause ${input.rootCauseId}` })),
    ]);
    return loadDecisionsView(review, grant, actor);
  }
  if (input.baseVersion === undefined) throw new AppError('INVALID_INPUT', 'baseVersion: give the version of the risk you edited', 'baseVersion');
  const risk = await readRisk(input.riskId);
  if (risk === undefined || risk.projectKey !== review.incident.projectKey) throw new AppError('NOT_FOUND', 'That risk is not in this project’s register.', 'riskId');
  const updated = updateRisk(risk, input.risk, { actor, at, baseVersion: input.baseVersion });
  if (!updated.ok) throw toAppError(updated.error);
  if (updated.value.changed) {
    await transact([riskWrite(updated.value.risk, risk.version), auditWrite(riskEvent(updated.value.risk, 'risk-updated', review, actor, at, risk, updated.value.risk))]);
  }
  return loadDecisionsView(review, grant, actor);
}

/** Links an existing risk of the same project to a root cause of this incident (twice = once). */
export async function linkRisk(issueKey: string, rootCauseId: string, riskId: string, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  requireRootCause(review, rootCauseId);
  const risk = await readRisk(riskId);
  if (risk === undefined || risk.projectKey !== review.incident.projectKey) throw new AppError('NOT_FOUND', 'That risk is not in this project’s register.', 'riskId');
  const at = new Date().toISOString();
  const link = linkOf(risk.id, review, rootCauseId, actor, at);
  const event = riskEvent(risk, 'risk-linked', review, actor, at, {}, { linkedTo: `${review.incident.issueKey} root cause ${rootCauseId}` });
  // A link does not change the risk's version, so its audit event gets a key of its own.
  await transact([riskLinkWrite(link), { ...auditWrite(event), key: `audit-risk-${risk.id}-link-${review.incident.issueId}-${rootCauseId}-${Date.parse(at)}` }]);
  return loadDecisionsView(review, grant, actor);
}

export async function unlinkRisk(issueKey: string, rootCauseId: string, riskId: string, grant: Grant, actor: string): Promise<DecisionsView> {
  const review = await reviewOfIncident(issueKey);
  const risk = await readRisk(riskId);
  if (risk === undefined) throw new AppError('NOT_FOUND', 'That risk does not exist.', 'riskId');
  const at = new Date().toISOString();
  const event = riskEvent(risk, 'risk-unlinked', review, actor, at, { linkedTo: `${review.incident.issueKey} root cause ${rootCauseId}` }, {});
  await transact(
    [{ ...auditWrite(event), key: `audit-risk-${risk.id}-unlink-${review.incident.issueId}-${rootCauseId}-${Date.parse(at)}` }],
    [{ entity: ENTITY.riskLink, key: riskLinkKey(risk.id, review.incident.issueId, rootCauseId) }],
  );
  return loadDecisionsView(review, grant, actor);
}

const view = (risk: Risk) => {
  const score = riskScore(risk.likelihood, risk.impact);
  return { ...risk, score, level: riskLevel(score) };
};

export async function listRisks(projectKey: string, cursor: string | undefined): Promise<RiskRegisterPage> {
  const page = await risksOfProject(projectKey, cursor);
  return { risks: page.risks.map(view), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}

/** R20 risk → incidents. */
export async function getRiskDetail(projectKey: string, riskId: string, cursor: string | undefined): Promise<RiskDetail> {
  const [risk, page] = await Promise.all([readRisk(riskId), linksOfRisk(riskId, cursor)]);
  if (risk === undefined || risk.projectKey !== projectKey) throw new AppError('NOT_FOUND', 'That risk is not in this project’s register.', 'riskId');
  return { risk: view(risk), links: page.links, ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
