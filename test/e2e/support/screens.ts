import type { FrameLocator, Page } from 'playwright-core';
import { expectAccessible } from './axe';
import { screenshot } from './browser';
import { expectKeyboardReachable } from './keyboard';
import type { SandboxAndBrowser } from './lifecycle';
import { appFrame, noHorizontalOverflow, openAs, type Session } from './session';

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
 * scrolling, and a screenshot — in light as walked, then the same screen in dark in a fresh window.
 */
export async function lookAt(env: SandboxAndBrowser, session: Session, journey: string, screen: Screen): Promise<void> {
  const { page } = session;
  await checkScreen(page, `${journey}-${screen.name}-${session.colorMode}`, screen.keyboard ?? true);
  const other = session.colorMode === 'light' ? 'dark' : 'light';
  const viewport = page.viewportSize() ?? undefined;
  const twin = await openAs(env, session.persona, new URL(page.url()).pathname + new URL(page.url()).search, { colorMode: other, ...(viewport ? { viewport } : {}) });
  try {
    await (screen.reach ?? (async (app) => { await app.locator('h1, h2').first().waitFor(); }))(twin.app, twin.page);
    expect(await twin.app.locator('html').getAttribute('data-color-mode')).toBe(other);
    await checkScreen(twin.page, `${journey}-${screen.name}-${other}`, false);
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
