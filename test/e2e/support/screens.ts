import type { FrameLocator, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { screenshot } from './browser';
import { expectKeyboardReachable } from './keyboard';
import type { SandboxAndBrowser } from './lifecycle';
import { LAPTOP, WIDE, appFrame, noHorizontalOverflow, openAs, type ColorMode, type Session } from './session';

export interface Screen {
  /** File-name part: `<journey>-<name>-<theme>.png` in screenshots/. */
  name: string;
  /** Brings a freshly loaded page of the same URL to this screen and waits until it shows (for the dark pass). */
  reach?: (app: FrameLocator, page: Page) => Promise<void>;
  /** Tab through every control (default true); off for screens that only differ from a checked one by data. */
  keyboard?: boolean;
}

/**
 * The quality bars of one screen of a journey: axe (host page and app frame) with no serious or
 * critical problem, every control reachable by keyboard with a visible focus, no sideways
 * scrolling, and a screenshot — in light as walked, then the same screen in dark in a fresh window
 * (and, for the issue panel, in the wide layout too).
 */
export async function lookAt(env: SandboxAndBrowser, session: Session, journey: string, screen: Screen): Promise<void> {
  const { page } = session;
  await checkScreen(page, `${journey}-${screen.name}-${session.colorMode}`, screen.keyboard ?? true);
  const other = session.colorMode === 'light' ? 'dark' : 'light';
  const viewport = page.viewportSize() ?? LAPTOP;
  await inTwin(env, session, screen, { colorMode: other, viewport }, async (twin) => { await checkScreen(twin, `${journey}-${screen.name}-${other}`, false); });
  // The issue panel also gets the wide layout of a big screen (a ~1240px panel): nothing may overflow there either.
  if (new URL(page.url()).pathname.startsWith('/browse/')) {
    await inTwin(env, session, screen, { colorMode: session.colorMode, viewport: WIDE }, async (twin) => {
      await noHorizontalOverflow(twin);
      await screenshot(twin, `${journey}-${screen.name}-${session.colorMode}-wide`);
    });
  }
}

/** The same screen in a fresh window of the same persona, with another theme or size. */
async function inTwin(env: SandboxAndBrowser, session: Session, screen: Screen, options: { colorMode: ColorMode; viewport: { width: number; height: number } }, check: (page: Page) => Promise<void>): Promise<void> {
  const url = new URL(session.page.url());
  const twin = await openAs(env, session.persona, url.pathname + url.search, options);
  try {
    await (screen.reach ?? (async (app) => { await app.locator('h1, h2').first().waitFor(); }))(twin.app, twin.page);
    expect(await twin.app.locator('html').getAttribute('data-color-mode')).toBe(options.colorMode);
    await check(twin.page);
    expect(twin.errors).toEqual([]);
  } finally {
    await twin.context.close();
  }
}

async function checkScreen(page: Page, name: string, keyboard: boolean): Promise<void> {
  await appFrame(page).locator('body').waitFor();
  await expectAccessible(page, name);
  await noHorizontalOverflow(page);
  if (keyboard) await expectKeyboardReachable(page, name);
  await screenshot(page, name);
}
