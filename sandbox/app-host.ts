import { randomUUID } from 'node:crypto';
import type { ForgeRuntime } from './forge-runtime';
import { CLOUD_ID, INSTALL_CONTEXT } from './forge-runtime';

/**
 * Calls the app's handlers exactly as Forge does: the resolver definitions exported from
 * src/index.ts with Forge's `{call, context}` + runtime payload, trigger handlers with Forge-shaped
 * events, the scheduled handler with no user. src/ is imported as is, never modified.
 */
export type ModuleType = 'jira:issuePanel' | 'jira:issueGlance' | 'jira:projectPage' | 'jira:projectSettingsPage' | 'jira:globalPage';

export const MODULES: Record<ModuleType, { key: string; resource: string }> = {
  'jira:issuePanel': { key: 'lessons-learned-panel', resource: 'panel' },
  'jira:issueGlance': { key: 'lessons-learned-glance', resource: 'glance' },
  'jira:projectPage': { key: 'lessons-learned-dashboard', resource: 'dashboard' },
  'jira:projectSettingsPage': { key: 'lessons-learned-settings', resource: 'settings' },
  'jira:globalPage': { key: 'lessons-learned-global', resource: 'global' },
};

/** What Jira puts in `extension` for each module (issue and project as the host page knows them). */
export interface ModuleExtension {
  type: ModuleType;
  issue?: { id: string; key: string; type: string; typeId: string };
  project?: { id: string; key: string; type: string };
}

/** The context Custom UI gets from `view.getContext()` and that accompanies every invoke. */
export interface FrameContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
  moduleKey: string;
  localId: string;
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  extension: ModuleExtension;
}

interface AppHandlers {
  resolver: (request: { call: { functionKey: string; payload: unknown }; context: unknown }, runtime: unknown) => Promise<unknown>;
  onIssueEvent: (event: unknown, context: unknown) => Promise<void>;
  runDailyJob: (request: unknown) => Promise<unknown>;
}

function loadApp(): AppHandlers {
  // Imported lazily so the Forge globals are installed before @forge/kvs reads them at import time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../src/index') as AppHandlers;
}

export class AppHost {
  private app: AppHandlers | undefined;

  constructor(private readonly runtime: ForgeRuntime) {}

  private handlers(): AppHandlers {
    this.app ??= loadApp();
    return this.app;
  }

  frameContext(accountId: string, extension: ModuleExtension, options: { siteUrl: string; colorMode: 'light' | 'dark'; timezone?: string; locale?: string }): FrameContext {
    return {
      accountId,
      cloudId: CLOUD_ID,
      siteUrl: options.siteUrl,
      moduleKey: MODULES[extension.type].key,
      localId: `${MODULES[extension.type].key}-${extension.issue?.id ?? extension.project?.id ?? 'global'}`,
      locale: options.locale ?? 'en-GB',
      timezone: options.timezone ?? 'Europe/London',
      theme: { colorMode: options.colorMode },
      extension,
    };
  }

  /** A bridge `invoke`: the user is the server session's, never anything the frame claims. */
  invoke(accountId: string, frame: FrameContext, functionKey: string, payload: unknown): Promise<unknown> {
    const { accountId: _claimed, ...context } = frame;
    return this.runtime.invoke({ moduleKey: frame.moduleKey, accountId }, () =>
      this.handlers().resolver({ call: { functionKey, payload }, context }, { principal: { accountId }, installContext: INSTALL_CONTEXT, license: { isActive: true } }),
    );
  }

  /** Delivers a Forge product event (avi:jira:*:issue) to the trigger handler, as the app. */
  deliverEvent(event: Record<string, unknown>): Promise<void> {
    return this.runtime.invoke({ moduleKey: 'issue-events-trigger' }, () =>
      this.handlers().onIssueEvent({ ...event, context: { cloudId: CLOUD_ID, moduleKey: 'issue-events-trigger' }, contextToken: randomUUID() }, { installContext: INSTALL_CONTEXT }),
    );
  }

  runDailyJob(): Promise<unknown> {
    return this.runtime.invoke({ moduleKey: 'daily-job-trigger' }, () => this.handlers().runDailyJob({ context: { cloudId: CLOUD_ID, moduleKey: 'daily-job-trigger' }, contextToken: randomUUID() }));
  }
}
