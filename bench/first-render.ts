import { launchBrowser } from '../test/e2e/support/browser';
import { actAs, startSandbox } from '../test/e2e/support/sandbox-server';

/**
 * Time from opening an incident in the fake Jira to the panel's review being on screen, in
 * headless Chromium with zero injected latency (median of runs, the first run warming caches).
 */
export async function panelFirstRenderMs(runs = 5): Promise<number> {
  const running = await startSandbox();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await actAs(context, running.url, 'rita');
    const page = await context.newPage();
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const started = performance.now();
      await page.goto(`${running.url}/browse/SEC-1`);
      await page.frameLocator('iframe[title="Lessons learned"]').getByRole('heading').first().waitFor();
      if (i > 0) samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    return Math.round(samples[Math.floor(samples.length / 2)] ?? 0);
  } finally {
    await browser.close();
    await running.stop();
  }
}
