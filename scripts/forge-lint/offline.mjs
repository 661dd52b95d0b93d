// Keeps the Forge linter offline.
//
// The permission linter normally downloads six Atlassian OpenAPI specs; with
// USE_LOCAL_SWAGGER + LOCAL_*_SWAGGER it reads files instead. We point Jira
// platform at the vendored spec and the products this app does not call at an
// empty spec. Any other network attempt fails immediately (instead of hanging
// on a DNS lookup or a connect timeout) and surfaces as a "linter failed" error.
import net from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const OFFLINE_ERROR = 'network access is disabled while running the Forge linter offline';

/**
 * @param {{ jiraSpec: string, emptySpec: string, configHome: string }} paths
 */
export function goOffline({ jiraSpec, emptySpec, configHome }) {
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: jiraSpec,
    LOCAL_JSM_SWAGGER: emptySpec, // Jira Service Management
    LOCAL_JSW_SWAGGER: emptySpec, // Jira Software (agile)
    LOCAL_CONF_SWAGGER: emptySpec,
    LOCAL_CONF_V2_SWAGGER: emptySpec,
    LOCAL_BB_SWAGGER: emptySpec,
  });
  // The permission linter opens a `conf` cache store (~/.config/PERMISSIONS_LINTER-nodejs);
  // keep it inside the git-ignored tool folder rather than the user's home.
  mkdirSync(configHome, { recursive: true });
  process.env.XDG_CONFIG_HOME = configHome;

  globalThis.fetch = async (input) => {
    throw new Error(`${OFFLINE_ERROR} (fetch ${typeof input === 'string' ? input : (input?.url ?? String(input))})`);
  };
  // Covers http/https/undici and anything else that opens a TCP or IPC socket.
  net.Socket.prototype.connect = function blockedConnect(...args) {
    const target = typeof args[0] === 'object' && args[0] !== null ? (args[0].host ?? args[0].path ?? '') : String(args[0]);
    process.nextTick(() => this.destroy(new Error(`${OFFLINE_ERROR} (connect ${target})`)));
    return this;
  };
}

export const specPaths = (repoRoot, toolDir) => ({
  jiraSpec: join(repoRoot, 'vendor', 'jira-openapi', 'swagger-v3.v3.json'),
  emptySpec: join(toolDir, 'specs', 'empty-openapi.json'),
  configHome: join(toolDir, 'node_modules', '.forge-lint-config'),
});
