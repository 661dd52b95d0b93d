import { AppError } from '../api/errors';
import type { PersonRef, ProcedureDocumentView, ProcedureSummary, ProcedureVersionView, ProcedureView } from '../api/settings';
import {
  defaultProcedureText,
  draftVersion,
  parseProcedureText,
  saveDraft,
  signOff,
  versionStatus,
  type ProcedureHead,
  type ProcedureVersionMeta,
} from '../domain/procedure';
import { buildProjectAuditEvent, type ProjectSettings } from '../domain/settings';
import { getDisplayNames } from '../platform/jira/people';
import { getProject } from '../platform/jira/projects';
import { JiraTransport } from '../platform/jira/transport';
import type { Grant } from './access';
import { isApprover } from './approvers';
import { toAppError } from './domain-errors';
import { readProcedureHead, readProcedureText, writeProcedure } from './procedure-store';
import { loadProjectSettings } from './settings-store';

/**
 * R21 use cases: read the procedure (current signed-off version, draft, history), save a new
 * draft version (project admins), sign off the draft (approvers and project admins).
 */

const asUser = () => new JiraTransport('user');

const personRef = (names: ReadonlyMap<string, string>, accountId: string): PersonRef => ({ accountId, displayName: names.get(accountId) ?? 'Unknown user' });

/** Everyone the procedure view names, so one bulk call resolves them all. */
export const procedurePeople = (head: ProcedureHead | null): string[] =>
  head === null ? [] : head.versions.flatMap((meta) => [meta.author, ...(meta.signedOffBy === undefined ? [] : [meta.signedOffBy])]);

function versionView(head: ProcedureHead, meta: ProcedureVersionMeta, names: ReadonlyMap<string, string>): ProcedureVersionView {
  return {
    version: meta.version,
    status: versionStatus(head, meta),
    author: personRef(names, meta.author),
    createdAt: meta.createdAt,
    changeSummary: meta.changeSummary,
    ...(meta.signedOffBy === undefined ? {} : { signedOffBy: personRef(names, meta.signedOffBy) }),
    ...(meta.signedOffAt === undefined ? {} : { signedOffAt: meta.signedOffAt }),
  };
}

export interface ProcedureContext {
  projectKey: string;
  projectName: string;
  settings: ProjectSettings;
  canAdminister: boolean;
  caller: string;
}

/** The texts the view shows: the current version's and the draft's (at most two reads). */
async function loadTexts(projectKey: string, head: ProcedureHead | null): Promise<{ current?: string; draft?: string }> {
  if (head === null) return {};
  const draft = draftVersion(head);
  const [current, draftText] = await Promise.all([
    head.currentVersion === null ? undefined : readProcedureText(projectKey, head.currentVersion),
    draft === undefined ? undefined : readProcedureText(projectKey, draft.version),
  ]);
  return { ...(current === undefined ? {} : { current }), ...(draftText === undefined ? {} : { draft: draftText }) };
}

async function canSignOff(context: ProcedureContext): Promise<boolean> {
  return context.canAdminister || isApprover(context.settings, context.caller, context.projectKey);
}

/** Builds the view; `names` may be passed in when the caller already resolved them in a bulk call. */
export async function procedureView(context: ProcedureContext, head: ProcedureHead | null, names?: ReadonlyMap<string, string>): Promise<ProcedureView> {
  const [texts, signer, resolved] = await Promise.all([
    loadTexts(context.projectKey, head),
    canSignOff(context),
    names ?? getDisplayNames(asUser(), procedurePeople(head)),
  ]);
  const document = (meta: ProcedureVersionMeta | undefined, text: string | undefined): ProcedureDocumentView | null =>
    head === null || meta === undefined || text === undefined ? null : { ...versionView(head, meta, resolved), text, blocks: parseProcedureText(text) };
  const current = head?.versions.find((meta) => meta.version === head.currentVersion);
  return {
    revision: head?.revision ?? 0,
    current: document(current, texts.current),
    draft: document(head === null ? undefined : draftVersion(head), texts.draft),
    versions: head === null ? [] : [...head.versions].reverse().map((meta) => versionView(head, meta, resolved)),
    defaultText: head === null ? defaultProcedureText(context.settings, context.projectName) : null,
    canEdit: context.canAdminister,
    canSignOff: signer,
  };
}

async function contextFor(projectKey: string, grant: Grant, caller: string): Promise<ProcedureContext> {
  const [project, loaded] = await Promise.all([getProject(asUser(), projectKey), loadProjectSettings(projectKey)]);
  return { projectKey, projectName: project.name, settings: loaded.settings, canAdminister: grant.permissions.has('ADMINISTER_PROJECTS'), caller };
}

const readHead = async (projectKey: string): Promise<ProcedureHead | null> => (await readProcedureHead(projectKey))?.document ?? null;

export async function loadProcedure(projectKey: string, grant: Grant, caller: string): Promise<ProcedureView> {
  const [context, head] = await Promise.all([contextFor(projectKey, grant, caller), readHead(projectKey)]);
  return procedureView(context, head);
}

/** A stale write's message names who got there first. */
async function procedureConflict(projectKey: string): Promise<AppError> {
  const record = await readProcedureHead(projectKey);
  if (record === undefined) return new AppError('CONFLICT', 'The procedure was changed by someone else. Reload to see their change.');
  const name = (await getDisplayNames(asUser(), [record.updatedBy])).get(record.updatedBy) ?? 'someone else';
  const at = new Date(record.updatedAt).toISOString().slice(0, 16).replace('T', ' ');
  return new AppError('CONFLICT', `The procedure was changed by ${name} at ${at} UTC — reload to see their change.`);
}

async function write(projectKey: string, ...args: Parameters<typeof writeProcedure>): Promise<void> {
  try {
    await writeProcedure(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') throw await procedureConflict(projectKey);
    throw error;
  }
}

export async function saveProcedureDraft(projectKey: string, text: string, changeSummary: string, baseRevision: number, grant: Grant, caller: string): Promise<ProcedureView> {
  const [context, head] = await Promise.all([contextFor(projectKey, grant, caller), readHead(projectKey)]);
  if ((head?.revision ?? 0) !== baseRevision) throw await procedureConflict(projectKey);
  const latest = head?.versions.at(-1);
  const latestText = latest === undefined ? undefined : await readProcedureText(projectKey, latest.version);
  const at = new Date().toISOString();
  const outcome = saveDraft(projectKey, head, latestText, { text, changeSummary, author: caller, at });
  if (!outcome.ok) throw toAppError(outcome.error);
  const { meta } = outcome.value;
  const event = buildProjectAuditEvent({
    kind: 'procedure-draft-saved',
    projectKey,
    by: caller,
    at,
    version: meta.version,
    summary: meta.changeSummary,
    changes: [{ path: `procedure.versions[${meta.version}]`, kind: 'added', after: `Draft version ${meta.version}: ${meta.changeSummary}` }],
  });
  await write(projectKey, outcome.value.head, baseRevision, caller, { version: meta.version, text: outcome.value.text }, event);
  return procedureView(context, outcome.value.head);
}

export async function signOffProcedure(projectKey: string, version: number, grant: Grant, caller: string): Promise<ProcedureView> {
  const [context, record] = await Promise.all([contextFor(projectKey, grant, caller), readProcedureHead(projectKey)]);
  if (!(await canSignOff(context))) {
    const approvers = context.settings.approvers.kind === 'group' ? `the group "${context.settings.approvers.groupName}"` : `the project role "${context.settings.approvers.roleName}"`;
    throw new AppError('FORBIDDEN', `Only members of ${approvers} or project admins can sign off the procedure.`);
  }
  const head = record?.document ?? null;
  const previous = head?.currentVersion ?? null;
  const at = new Date().toISOString();
  const outcome = signOff(head, version, caller, at);
  if (!outcome.ok) throw toAppError(outcome.error);
  const event = buildProjectAuditEvent({
    kind: 'procedure-signed-off',
    projectKey,
    by: caller,
    at,
    version,
    changes: [
      { path: `procedure.versions[${version}].signedOffBy`, kind: 'added', after: caller },
      { path: 'procedure.currentVersion', kind: previous === null ? 'added' : 'changed', ...(previous === null ? {} : { before: String(previous) }), after: String(version) },
    ],
  });
  await write(projectKey, outcome.value.head, record?.version ?? 0, caller, null, event);
  return procedureView(context, outcome.value.head);
}

/** For the panel's help: the procedure version in force (null before the first sign-off). One storage read. */
export async function currentProcedureSummary(projectKey: string): Promise<ProcedureSummary | null> {
  const head = (await readProcedureHead(projectKey))?.document;
  const current = head?.versions.find((meta) => meta.version === head.currentVersion);
  if (current?.signedOffBy === undefined || current.signedOffAt === undefined) return null;
  return { version: current.version, signedOffBy: current.signedOffBy, signedOffAt: current.signedOffAt };
}
