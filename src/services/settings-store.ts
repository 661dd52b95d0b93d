import { AppError } from '../api/errors';
import { DEFAULT_PROJECT_SETTINGS, projectSettingsSchema, type ProjectSettings } from '../domain/settings/project-settings';
import { ENTITY, getRecord, writeVersioned, type CompanionWrite } from '../platform/store';

/** How a project's settings are stored: one versioned record per project; absent = the defaults (version 0). */
export interface SettingsRecord {
  projectKey: string;
  version: number;
  updatedAt: number;
  updatedBy: string;
  document: ProjectSettings;
}

export interface LoadedSettings {
  settings: ProjectSettings;
  /** 0 while the project still runs on the defaults. */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export const settingsKey = (projectKey: string): string => `settings-${projectKey}`;

export async function loadProjectSettings(projectKey: string): Promise<LoadedSettings> {
  const record = await getRecord<SettingsRecord>(ENTITY.projectSettings, settingsKey(projectKey));
  if (record === undefined) return { settings: DEFAULT_PROJECT_SETTINGS, version: 0 };
  const parsed = projectSettingsSchema.safeParse(record.document);
  if (!parsed.success) throw new AppError('INTERNAL', `The stored settings of project ${projectKey} could not be read.`);
  return { settings: parsed.data, version: record.version, updatedAt: new Date(record.updatedAt).toISOString(), updatedBy: record.updatedBy };
}

/** Saves a new version only if nobody saved since `baseVersion` (0 = first save); companions land in the same transaction. */
export async function writeProjectSettings(projectKey: string, settings: ProjectSettings, baseVersion: number, actor: string, companions: CompanionWrite[]): Promise<number> {
  const version = baseVersion + 1;
  const record: SettingsRecord = { projectKey, version, updatedAt: Date.now(), updatedBy: actor, document: settings };
  await writeVersioned(ENTITY.projectSettings, settingsKey(projectKey), record, baseVersion === 0 ? null : baseVersion, companions);
  return version;
}
