// Installs Atlassian's Forge linter into tools/forge-lint/node_modules, once.
//
// The linter lives outside the root dependency tree on purpose: its dependency
// chain pulls in keytar, a native module that cannot build here, so it is
// installed with `npm ci --ignore-scripts` from its own committed lockfile.
// A stamp (hash of package.json + package-lock.json) inside node_modules makes
// later runs skip the install; a lock directory in the OS temp dir keeps two
// concurrent runs from installing into the same folder at once.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const STAMP = '.forge-lint-install-stamp';
const LOCK_STALE_MS = 15 * 60 * 1000;
const LOCK_WAIT_MS = 10 * 60 * 1000;

const installHash = (toolDir) =>
  createHash('sha256')
    .update(readFileSync(join(toolDir, 'package.json')))
    .update('\0')
    .update(readFileSync(join(toolDir, 'package-lock.json')))
    .digest('hex');

const isInstalled = (toolDir, hash) => {
  const stamp = join(toolDir, 'node_modules', STAMP);
  return (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === hash &&
    existsSync(join(toolDir, 'node_modules', '@forge', 'lint', 'package.json'))
  );
};

async function withLock(toolDir, fn) {
  const lockDir = join(tmpdir(), `forge-lint-install-${createHash('sha256').update(toolDir).digest('hex').slice(0, 16)}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lockDir).mtimeMs;
      } catch {
        continue; // released between mkdir and stat
      }
      if (age > LOCK_STALE_MS) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`timed out waiting for install lock ${lockDir}`);
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** npm invocation that works from `npm run` (npm_execpath) and from a plain shell. */
function npmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.[cm]?js$/.test(execPath)) return { cmd: process.execPath, pre: [execPath], shell: false };
  return { cmd: process.platform === 'win32' ? 'npm.cmd' : 'npm', pre: [], shell: process.platform === 'win32' };
}

/** Env for the child npm without the parent `npm run` project context. */
function childEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$)/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/**
 * Ensures @forge/lint is installed in toolDir. Returns { installed: boolean, ms: number }.
 * Throws when npm ci fails.
 */
export async function ensureLinterInstalled(toolDir, log = (m) => process.stderr.write(`${m}\n`)) {
  const t0 = performance.now();
  const hash = installHash(toolDir);
  if (isInstalled(toolDir, hash)) return { installed: false, ms: performance.now() - t0 };
  return withLock(toolDir, () => {
    if (isInstalled(toolDir, hash)) return { installed: false, ms: performance.now() - t0 };
    log('forge lint: installing @forge/lint into tools/forge-lint (npm ci --ignore-scripts, once)…');
    const { cmd, pre, shell } = npmCommand();
    const args = [...pre, 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', toolDir];
    const res = spawnSync(cmd, args, { cwd: toolDir, env: childEnv(), stdio: ['ignore', 2, 2], shell });
    if (res.error) throw res.error;
    if (res.status !== 0) throw new Error(`npm ci in ${toolDir} failed with exit code ${res.status}`);
    writeFileSync(join(toolDir, 'node_modules', STAMP), `${hash}\n`);
    return { installed: true, ms: performance.now() - t0 };
  });
}
