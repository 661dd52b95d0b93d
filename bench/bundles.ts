import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  app: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Every built Custom UI app's JavaScript and CSS, raw and gzipped (what the browser downloads). */
export function bundleSizes(root: string): BundleSize[] {
  return ['panel', 'dashboard', 'settings', 'global', 'glance'].map((app) => {
    const assets = path.join(root, 'static', app, 'build', 'assets');
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of readdirSync(assets)) {
      if (!/\.(js|css)$/.test(file)) continue;
      const content = readFileSync(path.join(assets, file));
      rawBytes += statSync(path.join(assets, file)).size;
      gzipBytes += gzipSync(content, { level: 9 }).length;
    }
    return { app, rawBytes, gzipBytes };
  });
}
