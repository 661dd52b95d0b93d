import { z } from 'zod';
import type { AuditChange } from '../domain/review';
import type { ProcedureBlock, ProcedureVersionStatus } from '../domain/procedure';
import type { ProjectSettings } from '../domain/settings';
import { projectKeySchema } from './keys';

/**
 * The project settings page's resolvers: the process configuration and the documented,
 * signed-off review procedure (R21). Settings values are validated by the settings domain,
 * which names the field (`actions.linkTypeName`, `rootCauseTaxonomy.2.label`).
 */
const loadedVersion = (what: string) =>
  z.int({ error: `baseVersion must be the ${what} version you loaded` }).min(0, { error: 'baseVersion must be 0 or more' });

export const settingsInputs = {
  getSettings: z.strictObject({ projectKey: projectKeySchema }),
  saveSettings: z.strictObject({ projectKey: projectKeySchema, settings: z.unknown(), baseVersion: loadedVersion('settings') }),
  getProcedure: z.strictObject({ projectKey: projectKeySchema }),
  saveProcedureDraft: z.strictObject({
    projectKey: projectKeySchema,
    // Length and emptiness are the procedure domain's rules (with field-naming messages); this only bounds the payload.
    text: z.string({ error: 'text is required' }).max(40_000, { error: 'text is too long' }),
    changeSummary: z.string({ error: 'changeSummary is required' }).max(2_000, { error: 'changeSummary is too long' }),
    baseVersion: loadedVersion('procedure'),
  }),
  signOffProcedure: z.strictObject({ projectKey: projectKeySchema, version: z.int({ error: 'version must be a procedure version number' }).min(1, { error: 'version must be at least 1' }) }),
};

/** A person as the page shows them: never a bare accountId when Jira will name them. */
export interface PersonRef {
  accountId: string;
  displayName: string;
}

/** What the settings form offers, read from Jira as the admin. */
export interface SettingsOptions {
  /** Issue types of this project (incident types). */
  projectIssueTypes: string[];
  /** Projects the caller can browse, for the corrective-action target. */
  projects: { key: string; name: string }[];
  /** Issue types of the configured action target project (this project when none is set). */
  actionIssueTypes: string[];
  linkTypes: { name: string; outward: string }[];
  priorities: string[];
}

export interface ProcedureVersionView {
  version: number;
  status: ProcedureVersionStatus;
  author: PersonRef;
  createdAt: string;
  changeSummary: string;
  signedOffBy?: PersonRef;
  signedOffAt?: string;
}

export interface ProcedureDocumentView extends ProcedureVersionView {
  text: string;
  /** The text parsed into headings, paragraphs and lists, for rendering without HTML. */
  blocks: ProcedureBlock[];
}

export interface ProcedureView {
  /** The head's write revision: send it back as `baseVersion` when saving a draft (0 = nothing saved yet). */
  revision: number;
  /** The signed-off version in force; null before the first sign-off. */
  current: ProcedureDocumentView | null;
  /** A newer version that is not signed off yet. */
  draft: ProcedureDocumentView | null;
  /** Every version, newest first. */
  versions: ProcedureVersionView[];
  /** The app's default text for this project, offered while nothing has been saved. */
  defaultText: string | null;
  canEdit: boolean;
  /** Approver-group members and project admins may sign off. */
  canSignOff: boolean;
}

export interface SettingsView {
  project: { key: string; name: string };
  canAdminister: boolean;
  settings: ProjectSettings;
  /** 0 while the project runs on the defaults; send it back as `baseVersion`. */
  version: number;
  updatedAt?: string;
  updatedBy?: PersonRef;
  /** Empty for people who cannot administer the project (they only read the settings). */
  options: SettingsOptions | null;
  procedure: ProcedureView;
}

export interface SaveSettingsResult {
  settings: ProjectSettings;
  version: number;
  /** What this save changed, as recorded in the audit trail. */
  changes: AuditChange[];
  saved: boolean;
}

/** For the panel's help text: which procedure version is in force. */
export interface ProcedureSummary {
  version: number;
  signedOffBy: string;
  signedOffAt: string;
}

export interface SettingsOutputs {
  getSettings: SettingsView;
  saveSettings: SaveSettingsResult;
  getProcedure: ProcedureView;
  saveProcedureDraft: ProcedureView;
  signOffProcedure: ProcedureView;
}
