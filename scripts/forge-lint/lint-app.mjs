// Runs the client-side rules of Atlassian's Forge linter (@forge/lint) over one app.
//
// This mirrors what `forge lint` / `forge deploy` do locally (@forge/cli's
// LintService + @forge/lint's lint()), with three differences:
//  1. Files: lint() silently drops every .ts/.tsx file that is not listed
//     literally by the app's tsconfig.json include globs (a plain "src" entry
//     matches only the directory). We lint them anyway and report the skip as
//     a warning, because the real CLI would not check those files at all.
//  2. Parsing: without type information (the rules only read the AST), which
//     avoids building a TypeScript program of the whole repository.
//  3. Runner checks: product API calls the permission rule cannot analyse
//     (endpoint not a literal or route`` template, options not an inline
//     object) or whose path is not in the loaded OpenAPI specs are reported,
//     since the linter silently skips them.
// Any linter that fails internally (the library swallows the exception and
// only logs it) is reported as an error, so nothing fails silently.
import { createRequire } from 'node:module';
import path from 'node:path';

const REQUEST_PRODUCT = /^request(Jira|Confluence|Bitbucket)$/;
const RUNNER = 'forge-lint-runner';

/**
 * Speed only: every manifest linter builds its own @forge/manifest SchemaValidator,
 * which compiles the same ~1 MB manifest JSON schema with a fresh ajv instance
 * (~1.5 s each, six times per app). Reuse the compiled validator for the same
 * schema module. Limited to SchemaValidator's ajv instances (recognised by the
 * custom 'shortClassName' keyword they register); results are unchanged.
 */
function memoiseManifestSchemaCompile(manifestRequire) {
  const Ajv = manifestRequire('ajv');
  const AjvClass = Ajv.default ?? Ajv;
  if (AjvClass.prototype.compile.__forgeLintMemo) return;
  const original = AjvClass.prototype.compile;
  const cache = new WeakMap();
  const memo = function compile(schema, meta) {
    const key = schema && typeof schema === 'object' ? (schema.default && typeof schema.default === 'object' ? schema.default : schema) : null;
    if (!key || meta !== undefined || this.RULES?.keywords?.shortClassName !== true) return original.call(this, schema, meta);
    let fn = cache.get(key);
    if (!fn) {
      fn = original.call(this, schema);
      cache.set(key, fn);
    }
    return fn;
  };
  memo.__forgeLintMemo = true;
  AjvClass.prototype.compile = memo;
}

/** Loads the linter's packages from the isolated tool folder. */
export function loadLinter(toolDir) {
  const require = createRequire(path.join(toolDir, 'package.json'));
  if (!process.env.FORGE_LINT_NO_SCHEMA_MEMO) memoiseManifestSchemaCompile(createRequire(require.resolve('@forge/manifest')));
  return {
    lint: require('@forge/lint'),
    manifest: require('@forge/manifest'),
    cli: require('@forge/cli-shared'),
    version: require('@forge/lint/package.json').version,
  };
}

/** Offline feature-gate service: every gate off, every dynamic config absent. */
function offlineFlags(cli) {
  class OfflineStatsig extends cli.StatsigReader {
    async checkGate() {
      return false;
    }
    async getDynamicConfig() {
      return null;
    }
  }
  return new OfflineStatsig();
}

/** Same file selection as @forge/cli's LintService.run(). */
async function filesToLint(cli) {
  const reader = new cli.FileSystemReader();
  const configFile = new cli.ConfigFile(reader, undefined);
  const uiKitDirs = (await configFile.getResources(['nativeUI'])).map((r) => path.dirname(r.path));
  const exclude = [...(await cli.listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const lists = await Promise.all(['./src', ...uiKitDirs].map((dir) => reader.recursiveReadDir(dir, exclude)));
  return [...new Set(lists.flat())].filter((f) => /jsx?$/.test(path.extname(f)) || /tsx?$/.test(path.extname(f))).sort();
}

/** Which .ts files lint() itself would drop because of tsconfig include/exclude. */
async function filesSkippedByForgeCli(cli, files) {
  const { include, exclude } = await cli.listTSConfigIncludeExclude(new cli.FileSystemReader());
  const inc = new Set(include);
  const exc = new Set(exclude);
  return files.filter((f) => {
    if (!/tsx?$/.test(path.extname(f))) return false;
    const abs = path.resolve('./' + f);
    return !((inc.has(abs) && !exc.has(abs)) || (!inc.size && !exc.size));
  });
}

/** Product API calls the permission rule skips or cannot match against a spec. */
function productCallCoverage(inputs, permissionLinter) {
  const notes = [];
  const pathMaps = { jira: permissionLinter?.jira, confluence: permissionLinter?.confluence, bitbucket: permissionLinter?.bitbucket };
  const literalText = (node) => {
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    const tpl = node.type === 'TaggedTemplateExpression' ? node.quasi : node.type === 'TemplateLiteral' ? node : null;
    if (!tpl) return null;
    return tpl.quasis.map((q) => q.value.cooked).join('\\S*');
  };
  for (const { ast, filepath } of inputs) {
    ast.traverse({
      enter(node) {
        if (node.type !== 'CallExpression') return;
        const callee = node.callee;
        const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : null;
        const m = name && REQUEST_PRODUCT.exec(name);
        if (!m) return;
        const product = m[1].toLowerCase();
        const [endpoint, options] = node.arguments;
        const at = { file: filepath, line: (endpoint ?? node).loc.start.line, column: (endpoint ?? node).loc.start.column };
        const text = endpoint ? literalText(endpoint) : null;
        if (!text) {
          notes.push({ ...at, message: `${name}(…) endpoint is not a string literal or route\`…\` template; the Forge linter cannot check its scopes`, rule: `${RUNNER}/unanalysable-product-call` });
          return;
        }
        if (options && options.type !== 'ObjectExpression') {
          notes.push({ ...at, message: `${name}(…) options are not an inline object literal; the Forge linter skips this call`, rule: `${RUNNER}/unanalysable-product-call` });
          return;
        }
        const method = options?.properties.find((p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'method');
        if (method && !(method.value.type === 'Literal' && typeof method.value.value === 'string')) {
          notes.push({ ...at, message: `${name}(…) method is not a string literal; the Forge linter assumes GET`, rule: `${RUNNER}/unanalysable-product-call` });
        }
        const map = pathMaps[product];
        const bare = text.replace(/\?.+$/, '');
        if (map && ![...map.keys()].some((re) => re.test(bare))) {
          notes.push({ ...at, message: `${name} ${text} matches no path in the offline ${product} OpenAPI specs; its scopes are not checked`, rule: `${RUNNER}/unknown-endpoint` });
        }
      },
    });
  }
  return notes;
}

/** De-duplicates, sorts and makes paths relative to where the runner was started (call before leaving appDir). */
function tidy(findings, fromDir) {
  const seen = new Set();
  const out = [];
  for (const f of findings) {
    const file = path.relative(fromDir, path.resolve(f.file)) || f.file;
    const key = `${file}:${f.line}:${f.column}:${f.severity}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...f, file });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * Lints the Forge app in appDir. Changes process.cwd() to appDir while running
 * (the linter reads manifest.yml, tsconfig.json and .gitignore relative to it).
 * Returns { findings: [{file, line, column, severity, message, rule}], files, timings }.
 */
export async function lintApp(appDir, linterPkgs) {
  const { lint, manifest: manifestPkg, cli } = linterPkgs;
  const previousCwd = process.cwd();
  const findings = [];
  const timings = {};
  const t = () => performance.now();
  const logged = [];
  const logger = { info: (message) => logged.push(String(message)) };
  process.chdir(appDir);
  try {
    let t0 = t();
    const validation = await manifestPkg.validate(false, path.resolve('manifest.yml'));
    timings.manifest = t() - t0;
    // success is false even for warning-only results (e.g. deprecated egress entries): report
    // everything, and keep linting whenever the manifest could be read.
    for (const e of validation.errors ?? []) {
      findings.push({ file: 'manifest.yml', line: e.line ?? 0, column: e.column ?? 0, severity: e.level === 'warning' ? 'warning' : 'error', message: e.message, rule: '@forge/manifest validate' });
    }
    if (!validation.manifestObject?.typedContent) {
      if (!findings.length) findings.push({ file: 'manifest.yml', line: 0, column: 0, severity: 'error', message: 'manifest validation failed', rule: '@forge/manifest validate' });
      return { findings: tidy(findings, previousCwd), files: [], timings };
    }
    const manifest = validation.manifestObject.typedContent;

    t0 = t();
    let files;
    try {
      files = await filesToLint(cli);
    } catch (e) {
      findings.push({ file: 'manifest.yml', line: 0, column: 0, severity: 'error', message: `cannot list the files to lint: ${e.message}`, rule: `${RUNNER}/files` });
      return { findings: tidy(findings, previousCwd), files: [], timings };
    }
    const skipped = await filesSkippedByForgeCli(cli, files);
    if (skipped.length) {
      const which = skipped.length === files.filter((f) => /tsx?$/.test(path.extname(f))).length ? `all ${skipped.length} .ts files` : `${skipped.length} .ts file(s) (${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', …' : ''})`;
      findings.push({
        file: 'tsconfig.json', line: 1, column: 0, severity: 'warning', rule: `${RUNNER}/tsconfig-include`,
        message: `forge lint/deploy would silently skip ${which}: @forge/lint only lints .ts files matched by tsconfig.json "include" globs, and an entry like "src" matches only the directory (use "src/**/*")`,
      });
    }
    // Parse without a TS program (project/tsconfig): the rules only use the AST.
    const parser = (code, filepath) => lint.tsParser(code, filepath, { project: undefined, tsconfigRootDir: undefined });
    const inputs = [];
    for (const f of files) {
      try {
        inputs.push(await lint.parseSourceFile(f, parser));
      } catch (e) {
        findings.push({ file: f, line: e.lineNumber ?? 0, column: e.column ?? 0, severity: 'error', message: `cannot parse: ${e.message}`, rule: `${RUNNER}/parse` });
      }
    }
    timings.parse = t() - t0;

    t0 = t();
    const linters = await lint.getClientSideLintersOnly(manifest, cli.DEFAULT_ENVIRONMENT_KEY, logger, offlineFlags(cli));
    for (const linter of linters) {
      const rule = linter.constructor.name;
      try {
        await linter.bootstrap();
      } catch (e) {
        findings.push({ file: 'manifest.yml', line: 0, column: 0, severity: 'error', message: `${rule} could not start: ${e.message}`, rule });
        continue;
      }
      const before = logged.length;
      const results = await linter.batchExecute(inputs.filter((i) => i.ast));
      for (const message of logged.splice(before)) {
        findings.push({ file: 'manifest.yml', line: 0, column: 0, severity: 'error', message: message.replace(/\s+/g, ' ').trim(), rule });
      }
      for (const result of results) {
        for (const [severity, list] of [['error', result.errors], ['warning', result.warnings], ['approval', result.approvals]]) {
          for (const r of list) {
            findings.push({ file: result.file, line: r.line, column: r.column, severity: severity === 'approval' ? 'error' : severity, message: r.message, rule, reference: r.reference });
          }
        }
      }
    }
    timings.lint = t() - t0;
    const permissionLinter = linters.find((l) => l.constructor.name === 'PermissionLinter');
    for (const note of productCallCoverage(inputs.filter((i) => i.ast), permissionLinter)) findings.push({ ...note, severity: 'warning' });

    return { findings: tidy(findings, previousCwd), files, timings };
  } finally {
    process.chdir(previousCwd);
  }
}
