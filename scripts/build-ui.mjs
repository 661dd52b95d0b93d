// Builds each Custom UI app (static/<name>) with Vite into static/<name>/build, the folder the
// manifest's resources point at. base './' because Forge serves resources from a path we don't control.
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const apps = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['panel', 'dashboard', 'settings', 'glance', 'global'];

for (const app of apps) {
  const appRoot = path.join(root, 'static', app);
  await build({
    root: appRoot,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(appRoot, 'build'), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  });
  console.log(`built static/${app}/build`);
}
