import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { PERSONAS, type PersonaName } from '../../../sandbox/jira';
import { createSandbox, personas, ROOT_DIR, type Sandbox } from '../../../sandbox/sandbox';
import { seedReviews } from '../../../sandbox/seed/reviews';
import { createServer } from '../../../sandbox/server';
import type { BrowserContext } from 'playwright-core';

/** A whole sandbox (fresh in-memory data, seeded) served on a free port of 127.0.0.1, for one test file. */
export interface RunningSandbox {
  sandbox: Sandbox;
  url: string;
  stop(): Promise<void>;
}

/** @param options.seeded also seed a year of reviews, actions and risks, as `npm start` does */
export async function startSandbox(options: { seeded?: boolean } = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox({ dbPath: ':memory:' });
  if (options.seeded === true) await seedReviews(sandbox);
  const app = createServer({ runtime: sandbox.runtime, attachmentContent: (id) => sandbox.jira.state.issues.attachmentContent(id), app: sandbox.app, personas, defaultAccountId: PERSONAS.rita.accountId, rootDir: ROOT_DIR });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => { resolve(listening); });
  });
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          sandbox.close();
          resolve();
        });
      }),
  };
}

/** Acts as a persona and theme in the fake Jira (the session cookies the user switcher sets). */
export async function actAs(context: BrowserContext, url: string, persona: PersonaName, colorMode: 'light' | 'dark' = 'light'): Promise<void> {
  await context.clearCookies();
  await context.addCookies([
    { name: 'sandbox_user', value: PERSONAS[persona].accountId, url },
    { name: 'sandbox_theme', value: colorMode, url },
  ]);
}
