import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startSandbox, type RunningSandbox } from './sandbox-server';

export interface SandboxAndBrowser {
  readonly running: RunningSandbox;
  readonly browser: Browser;
}

/** One sandbox and one Chromium for a test file: started before its tests, stopped after them. */
export function sandboxAndBrowser(options: { seeded?: boolean } = {}): SandboxAndBrowser {
  let running: RunningSandbox | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    running = await startSandbox(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is used before beforeAll started it`);
    return value;
  };
  return {
    get running() {
      return started(running, 'the sandbox');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}
