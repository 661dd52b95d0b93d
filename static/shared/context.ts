import { view } from '@forge/bridge';

/** The parts of the Forge context the modules use; read once per screen. */
export interface ModuleContext {
  accountId?: string;
  locale?: string;
  timezone?: string;
  extension: {
    type?: string;
    issue?: { key: string; id: string };
    project?: { key: string; id: string };
  };
}

export async function getModuleContext(): Promise<ModuleContext> {
  const context: unknown = await view.getContext();
  return context as ModuleContext;
}
