/**
 * R21 The documented lessons-learned procedure of a project: versioned text, each version with
 * its author, date and change summary, signed off (who, when) by an approver or project admin.
 * Exactly one version is current: the latest signed-off one. A newer unsigned version is the
 * draft. Versions are never rewritten; sign-off only adds who and when.
 */
import { z } from 'zod';
import { fail, ok, validate, type Result, type SimpleError, type ValidationError } from '../review';

export const PROCEDURE_TEXT_MAX = 20_000;
export const CHANGE_SUMMARY_MAX = 500;
/** Keeps the procedure's head record (the version list) far below the KVS value limit. */
export const MAX_PROCEDURE_VERSIONS = 200;

export const procedureDraftSchema = z.object({
  text: z
    .string({ error: 'Procedure text is required' })
    .trim()
    .min(1, { error: 'Procedure text must not be empty' })
    .max(PROCEDURE_TEXT_MAX, { error: `Procedure text must be at most ${PROCEDURE_TEXT_MAX} characters` }),
  changeSummary: z
    .string({ error: 'Change summary is required' })
    .trim()
    .min(1, { error: 'Change summary must say what changed' })
    .max(CHANGE_SUMMARY_MAX, { error: `Change summary must be at most ${CHANGE_SUMMARY_MAX} characters` }),
});

export interface ProcedureVersionMeta {
  version: number;
  author: string;
  /** ISO instant the version was saved. */
  createdAt: string;
  changeSummary: string;
  signedOffBy?: string;
  signedOffAt?: string;
}

/** The per-project head: which version is current, and every version's metadata (oldest first). */
export interface ProcedureHead {
  projectKey: string;
  /** Bumped by every write; the optimistic-concurrency version of the head record. */
  revision: number;
  /** The signed-off version in force, or null before the first sign-off. */
  currentVersion: number | null;
  versions: ProcedureVersionMeta[];
}

export type ProcedureVersionStatus = 'current' | 'superseded' | 'draft' | 'unsigned';

export const PROCEDURE_STATUS_LABEL: Record<ProcedureVersionStatus, string> = {
  current: 'Signed off · current',
  superseded: 'Signed off · superseded',
  draft: 'Draft · not signed off',
  unsigned: 'Replaced before sign-off',
};

export const latestVersion = (head: ProcedureHead | null): ProcedureVersionMeta | undefined => head?.versions.at(-1);

/** The draft is the latest version when it is newer than the current one and not signed off. */
export function draftVersion(head: ProcedureHead | null): ProcedureVersionMeta | undefined {
  const latest = latestVersion(head);
  return latest !== undefined && latest.signedOffAt === undefined ? latest : undefined;
}

export function versionStatus(head: ProcedureHead, meta: ProcedureVersionMeta): ProcedureVersionStatus {
  if (meta.version === head.currentVersion) return 'current';
  if (meta.signedOffAt !== undefined) return 'superseded';
  return meta.version === latestVersion(head)?.version ? 'draft' : 'unsigned';
}

export interface DraftInput {
  text: unknown;
  changeSummary: unknown;
  author: string;
  at: string;
}

export interface DraftOutcome {
  head: ProcedureHead;
  meta: ProcedureVersionMeta;
  text: string;
}

/**
 * A new version (the draft) after the latest one. `latestText` is the latest version's text, so
 * saving the same text again is refused instead of producing an empty version.
 */
export function saveDraft(projectKey: string, head: ProcedureHead | null, latestText: string | undefined, input: DraftInput): Result<DraftOutcome, ValidationError | SimpleError> {
  const parsed = validate(procedureDraftSchema, { text: input.text, changeSummary: input.changeSummary });
  if (!parsed.ok) return parsed;
  const { text, changeSummary } = parsed.value;
  if (latestText !== undefined && latestText.trim() === text) {
    return fail({ code: 'invalid', message: 'The procedure text is unchanged; edit it before saving a new version', field: 'text', issues: [{ field: 'text', message: 'The procedure text is unchanged' }] });
  }
  const versions = head?.versions ?? [];
  if (versions.length >= MAX_PROCEDURE_VERSIONS) {
    return fail({ code: 'not-editable', message: `This procedure already has ${MAX_PROCEDURE_VERSIONS} versions; ask the app vendor to archive old ones.` });
  }
  const meta: ProcedureVersionMeta = { version: (latestVersion(head)?.version ?? 0) + 1, author: input.author, createdAt: input.at, changeSummary };
  return ok({
    head: { projectKey, revision: (head?.revision ?? 0) + 1, currentVersion: head?.currentVersion ?? null, versions: [...versions, meta] },
    meta,
    text,
  });
}

/** Sign-off of the draft: only the latest version, only once; it becomes the current version. */
export function signOff(head: ProcedureHead | null, version: number, signer: string, at: string): Result<{ head: ProcedureHead; meta: ProcedureVersionMeta }, SimpleError> {
  const meta = head?.versions.find((candidate) => candidate.version === version);
  if (head === null || meta === undefined) return fail({ code: 'not-found', message: `Version ${version} of the procedure does not exist.`, field: 'version' });
  if (meta.signedOffAt !== undefined) {
    return fail({ code: 'transition-not-allowed', message: `Version ${version} was already signed off on ${meta.signedOffAt.slice(0, 10)}.`, field: 'version' });
  }
  const latest = latestVersion(head);
  if (latest !== undefined && latest.version !== version) {
    return fail({ code: 'transition-not-allowed', message: `Version ${version} was replaced by version ${latest.version}; sign off the latest draft instead.`, field: 'version' });
  }
  const signed: ProcedureVersionMeta = { ...meta, signedOffBy: signer, signedOffAt: at };
  return ok({
    head: { ...head, revision: head.revision + 1, currentVersion: version, versions: head.versions.map((candidate) => (candidate.version === version ? signed : candidate)) },
    meta: signed,
  });
}
