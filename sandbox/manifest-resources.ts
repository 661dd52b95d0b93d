import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** resource key → folder, exactly as manifest.yml declares them, so the sandbox serves what Forge would. */
export function manifestResources(manifestPath: string): Map<string, string> {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { resources?: { key: string; path: string }[] };
  return new Map((manifest.resources ?? []).map((r) => [r.key, r.path]));
}
