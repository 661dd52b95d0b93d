import { rmSync } from 'node:fs';
import path from 'node:path';
import { faultConfigFromEnv } from './faults';
import { PERSONAS } from './jira';
import { createSandbox, personas, ROOT_DIR } from './sandbox';
import { seedReviews } from './seed/reviews';
import { createServer } from './server';

/** `npm start`: the fake Jira with the app installed, on 127.0.0.1. `npm start -- --reset` reseeds. */
async function main(): Promise<void> {
  const dbPath = process.env.SANDBOX_DB ?? path.join(ROOT_DIR, '.sandbox-data', 'sandbox.db');
  if (process.argv.includes('--reset')) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  }
  const sandbox = createSandbox({ dbPath, faults: faultConfigFromEnv(process.env.SANDBOX_FAULTS) });

  // Hundreds of seeding invokes would drown the start-up message in resolver log lines.
  const logLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'error';
  const seeded = await seedReviews(sandbox);
  if (logLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = logLevel;

  const server = createServer({ runtime: sandbox.runtime, attachmentContent: (id) => sandbox.jira.state.issues.attachmentContent(id), app: sandbox.app, personas, defaultAccountId: PERSONAS.rita.accountId, rootDir: ROOT_DIR });
  const port = Number(process.env.PORT ?? 8787);
  server.listen(port, '127.0.0.1', () => {
    console.log(`\nLessons learned sandbox (fake Jira + Forge emulation) is running:\n\n    http://127.0.0.1:${port}/\n`);
    const reviews = Object.entries(seeded.reviews).map(([stage, n]) => `${n} ${stage}`).join(', ');
    if (reviews !== '') console.log(`Seeded post-incident reviews: ${reviews}.`);
    console.log(`Data: ${path.relative(process.cwd(), dbPath)} (npm start -- --reset to reseed). Ctrl+C to stop.`);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
