#!/usr/bin/env node
// Runs Atlassian's Forge linter (@forge/lint, client-side rules) offline.
//
//   node scripts/forge-lint.mjs              self-test, then lint the app at the repo root
//   node scripts/forge-lint.mjs --app <dir>  lint the Forge app in <dir> only
//   node scripts/forge-lint.mjs --self-test  only prove the check can fail (fixture app)
//   --timings                                print install/parse/lint timings to stderr
//
// Output: one line per finding, `file:line:col  severity  message  (rule)`, then
// `forge lint: N errors, M warnings`. Exit code 1 on any error or warning or a
// failed self-test, 2 when the runner itself cannot work.
//
// The linter is installed in tools/forge-lint (own package.json + lockfile,
// `npm ci --ignore-scripts`, cached by a hash stamp); see scripts/forge-lint/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLinterInstalled } from './forge-lint/install.mjs';
import { goOffline, specPaths } from './forge-lint/offline.mjs';
import { lintApp, loadLinter } from './forge-lint/lint-app.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(repoRoot, 'tools', 'forge-lint');
const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'forge-lint-missing-scope');

// What the fixture must produce: the missing write:jira-work scope at the requestJira call.
const SELF_TEST_EXPECTED = {
  file: path.join('src', 'index.ts'),
  line: 9,
  severity: 'error',
  rule: 'PermissionLinter',
  message: /POST \/rest\/api\/3\/issue requires "write:jira-work" scope/,
};

function parseArgs(argv) {
  const opts = { app: null, selfTestOnly: false, timings: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--app') {
      const dir = argv[++i];
      if (!dir) throw new Error('--app needs a directory');
      opts.app = path.resolve(dir);
    } else if (a.startsWith('--app=')) opts.app = path.resolve(a.slice(6));
    else if (a === '--self-test') opts.selfTestOnly = true;
    else if (a === '--timings') opts.timings = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: node scripts/forge-lint.mjs [--app <dir> | --self-test] [--timings]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (opts.app && opts.selfTestOnly) throw new Error('--app and --self-test are mutually exclusive');
  return opts;
}

const fmt = (f) => `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.message}  (${f.rule})`;
const ms = (x) => `${Math.round(x)} ms`;

async function selfTest(pkgs, log) {
  const { findings, timings } = await lintApp(fixtureDir, pkgs);
  log.timing('self-test', timings);
  const rel = path.relative(process.cwd(), fixtureDir);
  const expectedFile = path.join(rel, SELF_TEST_EXPECTED.file);
  const hit = findings.find(
    (f) => f.file === expectedFile && f.line === SELF_TEST_EXPECTED.line && f.severity === SELF_TEST_EXPECTED.severity &&
      f.rule === SELF_TEST_EXPECTED.rule && SELF_TEST_EXPECTED.message.test(f.message),
  );
  const others = findings.filter((f) => f !== hit);
  if (hit && others.length === 0) {
    process.stdout.write(`forge lint self-test ok: the check fails on ${rel} as it should:\n  ${fmt(hit)}\n`);
    return true;
  }
  process.stdout.write(`forge lint self-test FAILED on ${rel}: expected exactly one PermissionLinter error for the missing write:jira-work scope at ${expectedFile}:${SELF_TEST_EXPECTED.line}, got:\n`);
  for (const f of findings) process.stdout.write(`  ${fmt(f)}\n`);
  if (!findings.length) process.stdout.write('  (no findings)\n');
  return false;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tStart = performance.now();
  const log = {
    timing: (label, t) => {
      if (opts.timings) process.stderr.write(`forge lint timings [${label}]: ${Object.entries(t).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}\n`);
    },
  };

  const install = await ensureLinterInstalled(toolDir);
  log.timing('install', { [install.installed ? 'npm ci' : 'cached check']: install.ms });
  goOffline(specPaths(repoRoot, toolDir));
  const tLoad = performance.now();
  const pkgs = loadLinter(toolDir);
  log.timing('load', { require: performance.now() - tLoad });

  let ok = true;
  if (!opts.app) ok = (await selfTest(pkgs, log)) && ok;
  if (!opts.selfTestOnly) {
    const appDir = opts.app ?? repoRoot;
    const { findings, files, timings } = await lintApp(appDir, pkgs);
    log.timing(path.relative(repoRoot, appDir) || 'app', timings);
    for (const f of findings) process.stdout.write(`${fmt(f)}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    process.stdout.write(
      `forge lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
        ` (@forge/lint ${pkgs.version}, client-side rules, ${files.length} file${files.length === 1 ? '' : 's'} in ${path.relative(process.cwd(), appDir) || '.'})\n`,
    );
    ok = ok && errors === 0 && warnings === 0;
  }
  log.timing('total', { wall: performance.now() - tStart });
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`forge lint: runner failed: ${error?.stack ?? error}\n`);
    process.exit(2);
  },
);
