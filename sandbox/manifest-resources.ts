import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ManifestShape {
  resources?: { key: string; path: string }[];
  permissions?: { content?: { scripts?: string[]; styles?: string[] } };
}

const readManifest = (manifestPath: string): ManifestShape => parse(readFileSync(manifestPath, 'utf8')) as ManifestShape;

/** resource key → folder, exactly as manifest.yml declares them, so the sandbox serves what Forge would. */
export function manifestResources(manifestPath: string): Map<string, string> {
  return new Map((readManifest(manifestPath).resources ?? []).map((r) => [r.key, r.path]));
}

/**
 * The Content-Security-Policy Forge puts on Custom UI resources: own-origin scripts and styles
 * only, widened by exactly what `permissions.content` declares (e.g. `styles: ['unsafe-inline']`).
 * Serving the apps under it makes the sandbox refuse what real Jira would refuse — an inline
 * `<style>` without the declaration, a script from elsewhere — instead of hiding it until deploy.
 */
export function customUiContentSecurityPolicy(manifestPath: string): string {
  const content = readManifest(manifestPath).permissions?.content ?? {};
  const quoted = (sources: string[] | undefined) => (sources ?? []).map((source) => (/^[a-z-]+$/.test(source) ? `'${source}'` : source));
  return [
    "default-src 'self'",
    ["script-src 'self'", ...quoted(content.scripts)].join(' '),
    ["style-src 'self'", ...quoted(content.styles)].join(' '),
    "img-src 'self' data: blob:",
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

interface EntityPropertyModule {
  entityType?: string;
  propertyKey: string;
  values: { path: string; type: string; searchAlias?: string }[];
}

/** The issue entity properties' search aliases the manifest declares, as Jira registers them on install. */
export function manifestPropertyAliases(manifestPath: string): Map<string, { key: string; path: string[] }> {
  const manifest = parse(readFileSync(manifestPath, 'utf8')) as { modules?: { 'jira:entityProperty'?: EntityPropertyModule[] } };
  const aliases = new Map<string, { key: string; path: string[] }>();
  for (const module of manifest.modules?.['jira:entityProperty'] ?? []) {
    if ((module.entityType ?? 'issue') !== 'issue') continue;
    for (const value of module.values) if (value.searchAlias !== undefined) aliases.set(value.searchAlias.toLowerCase(), { key: module.propertyKey, path: value.path.split('.') });
  }
  return aliases;
}
