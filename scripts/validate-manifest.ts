/**
 * Validates manifest.yml with Atlassian's own @forge/manifest (offline): schema, scopes, unique
 * module keys, handler files and resource folders. Any error fails `npm test`.
 */
import { validate } from '@forge/manifest';
import path from 'node:path';

async function main(): Promise<void> {
  const manifestPath = path.resolve(__dirname, '..', 'manifest.yml');
  const result = await validate(false, manifestPath);
  const problems = result.errors ?? [];
  for (const problem of problems) {
    console.log(`manifest.yml:${problem.line ?? 0}:${problem.column ?? 0}  ${problem.level}  ${problem.message}  (${problem.reference})`);
  }
  const errors = problems.filter((p) => p.level === 'error').length;
  console.log(`manifest: ${errors} errors, ${problems.length - errors} warnings`);
  if (!result.success || problems.length > 0) process.exitCode = 1;
}

void main();
