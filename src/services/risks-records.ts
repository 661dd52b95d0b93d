import { AppError } from '../api/errors';
import { riskLinkSchema, riskSchema, riskScore, type Risk, type RiskLink } from '../domain/risks';
import { ENTITY, getRecord, getRecords, queryIndex, type TransactWrite } from '../platform/store';

/** How the risk register is stored: one `risk` record per risk, one `risk-link` per (risk, incident, root cause). */
export interface RiskRecord {
  riskId: string;
  projectKey: string;
  status: Risk['status'];
  score: number;
  nextReviewDate: string;
  version: number;
  updatedAt: number;
  document: Risk;
}

export interface RiskLinkRecord {
  riskId: string;
  incidentIssueId: string;
  rootCauseId: string;
  linkedAt: number;
  document: RiskLink;
}

export const riskKey = (riskId: string): string => `risk-${riskId}`;
/** Deterministic, so linking twice lands on the same record. */
export const riskLinkKey = (riskId: string, incidentIssueId: string, rootCauseId: string): string => `risklink-${riskId}-${incidentIssueId}-${rootCauseId}`;

const parseRisk = (record: RiskRecord): Risk => {
  const parsed = riskSchema.safeParse(record.document);
  if (!parsed.success) throw new AppError('INTERNAL', `A stored risk (${record.riskId}) could not be read.`);
  return parsed.data;
};

const parseLink = (record: RiskLinkRecord): RiskLink => {
  const parsed = riskLinkSchema.safeParse(record.document);
  if (!parsed.success) throw new AppError('INTERNAL', `A stored risk link (${record.riskId}) could not be read.`);
  return parsed.data;
};

export const riskWrite = (risk: Risk, baseVersion: number | null): TransactWrite => ({
  entity: ENTITY.risk,
  key: riskKey(risk.id),
  value: {
    riskId: risk.id,
    projectKey: risk.projectKey,
    status: risk.status,
    score: riskScore(risk.likelihood, risk.impact),
    nextReviewDate: risk.nextReviewDate,
    version: risk.version,
    updatedAt: Date.parse(risk.updatedAt),
    document: risk,
  } satisfies RiskRecord,
  expect: baseVersion ?? 'absent',
});

export const riskLinkWrite = (link: RiskLink): TransactWrite => ({
  entity: ENTITY.riskLink,
  key: riskLinkKey(link.riskId, link.incident.issueId, link.rootCauseId),
  value: { riskId: link.riskId, incidentIssueId: link.incident.issueId, rootCauseId: link.rootCauseId, linkedAt: Date.parse(link.linkedAt), document: link } satisfies RiskLinkRecord,
});

export async function readRisk(riskId: string): Promise<Risk | undefined> {
  const record = await getRecord<RiskRecord>(ENTITY.risk, riskKey(riskId));
  return record === undefined ? undefined : parseRisk(record);
}

export async function readRisks(riskIds: readonly string[]): Promise<Map<string, Risk>> {
  const records = await getRecords<RiskRecord>(ENTITY.risk, riskIds.map(riskKey));
  return new Map([...records.values()].map((record) => [record.riskId, parseRisk(record)]));
}

/** Incident → risks (one page holds 20 links; an incident has a few root causes). */
export async function riskLinksOfIncident(incidentIssueId: string): Promise<RiskLink[]> {
  const links: RiskLink[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryIndex<RiskLinkRecord>(ENTITY.riskLink, 'by-incident', [incidentIssueId], { sort: 'ASC', ...(cursor === undefined ? {} : { cursor }) });
    links.push(...page.items.map((item) => parseLink(item.value)));
    cursor = page.cursor;
  } while (cursor !== undefined);
  return links;
}

/** Risk → incidents, one page (newest first). */
export async function linksOfRisk(riskId: string, cursor?: string): Promise<{ links: RiskLink[]; cursor?: string }> {
  const page = await queryIndex<RiskLinkRecord>(ENTITY.riskLink, 'by-risk', [riskId], { sort: 'DESC', ...(cursor === undefined ? {} : { cursor }) });
  return { links: page.items.map((item) => parseLink(item.value)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}

/** The project's register by rating, highest first (one page). */
export async function risksOfProject(projectKey: string, cursor?: string): Promise<{ risks: Risk[]; cursor?: string }> {
  const page = await queryIndex<RiskRecord>(ENTITY.risk, 'by-project-score', [projectKey], { sort: 'DESC', ...(cursor === undefined ? {} : { cursor }) });
  return { risks: page.items.map((item) => parseRisk(item.value)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
