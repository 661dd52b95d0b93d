import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { customUiContentSecurityPolicy } from '../../sandbox/manifest-resources';
import { ROOT_DIR } from '../../sandbox/sandbox';

/** The sandbox serves Custom UI under Forge's policy, widened only by what the manifest declares. */
function policyOf(manifestYaml: string): Map<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'csp-')), 'manifest.yml');
  writeFileSync(file, manifestYaml);
  return directives(customUiContentSecurityPolicy(file));
}

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]));

test('without permissions.content, inline styles and scripts are refused', () => {
  const policy = policyOf('modules: {}\n');
  expect(policy.get('script-src')).toBe("'self'");
  expect(policy.get('style-src')).toBe("'self'");
  expect(policy.get('object-src')).toBe("'none'");
});

test('declared sources are added, keywords quoted as CSP needs them', () => {
  const policy = policyOf("permissions:\n  content:\n    styles:\n      - 'unsafe-inline'\n    scripts:\n      - 'unsafe-hashes'\n      - 'blob:'\n");
  expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
  expect(policy.get('script-src')).toBe("'self' 'unsafe-hashes' blob:");
});

test("the app's manifest allows inline styles (the report preview) and no inline scripts", () => {
  const policy = directives(customUiContentSecurityPolicy(path.join(ROOT_DIR, 'manifest.yml')));
  expect(policy.get('style-src')).toBe("'self' 'unsafe-inline'");
  expect(policy.get('script-src')).toBe("'self'");
});
