import { AppError } from '../api/errors';
import type { ProcedureHead } from '../domain/procedure';
import type { ProjectAuditEvent } from '../domain/settings';
import { ENTITY, getRecord, writeVersioned, type CompanionWrite } from '../platform/store';

/**
 * How a project's procedure is stored: a small head record (current version, every version's
 * metadata and sign-off) written with optimistic concurrency, and one record per version with
 * its text, written once in the same transaction as the head and its audit event.
 */
export interface ProcedureRecord {
  projectKey: string;
  /** The head's write revision (the store's optimistic-concurrency version). */
  version: number;
  /** 0 before the first sign-off. */
  currentVersion: number;
  updatedAt: number;
  updatedBy: string;
  document: ProcedureHead;
}

export interface ProcedureVersionRecord {
  projectKey: string;
  version: number;
  createdAt: number;
  author: string;
  document: { text: string };
}

export interface ProjectAuditRecord {
  recordKey: string;
  projectKey: string;
  at: number;
  accountId: string;
  change: ProjectAuditEvent;
}

export const procedureKey = (projectKey: string): string => `procedure-${projectKey}`;
const versionKey = (projectKey: string, version: number): string => `procedure-${projectKey}-v${version}`;

export async function readProcedureHead(projectKey: string): Promise<ProcedureRecord | undefined> {
  return getRecord<ProcedureRecord>(ENTITY.procedure, procedureKey(projectKey));
}

export async function readProcedureText(projectKey: string, version: number): Promise<string> {
  const record = await getRecord<ProcedureVersionRecord>(ENTITY.procedureVersion, versionKey(projectKey, version));
  if (record === undefined) throw new AppError('INTERNAL', `Version ${version} of the procedure of ${projectKey} is missing from storage.`);
  return record.document.text;
}

export function projectAuditRecord(recordKey: string, event: ProjectAuditEvent): CompanionWrite {
  const value: ProjectAuditRecord = { recordKey, projectKey: event.projectKey, at: Date.parse(event.at), accountId: event.by, change: event };
  // One event per write: the key makes a replayed write land on the same record.
  return { entity: ENTITY.auditEvent, key: `audit-${recordKey}-${event.kind}-v${event.version}`, value };
}

/** Writes the head only if it is still at `baseRevision` (0 = must not exist), with the new version's text and the audit event. */
export async function writeProcedure(head: ProcedureHead, baseRevision: number, actor: string, newText: { version: number; text: string } | null, event: ProjectAuditEvent): Promise<void> {
  const record: ProcedureRecord = { projectKey: head.projectKey, version: head.revision, currentVersion: head.currentVersion ?? 0, updatedAt: Date.parse(event.at), updatedBy: actor, document: head };
  const companions: CompanionWrite[] = [projectAuditRecord(procedureKey(head.projectKey), event)];
  if (newText !== null) {
    const value: ProcedureVersionRecord = { projectKey: head.projectKey, version: newText.version, createdAt: Date.parse(event.at), author: actor, document: { text: newText.text } };
    companions.push({ entity: ENTITY.procedureVersion, key: versionKey(head.projectKey, newText.version), value });
  }
  await writeVersioned(ENTITY.procedure, procedureKey(head.projectKey), record, baseRevision === 0 ? null : baseRevision, companions);
}
