import type { BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { PersonaName } from '../../../sandbox/jira';
import type { SandboxAndBrowser } from './lifecycle';
import { actAs } from './sandbox-server';
import { check } from './settle';

/** 1280×800 is the laptop the journeys are checked at; there the issue panel is ~600px wide (the narrow panel). */
export const LAPTOP = { width: 1280, height: 800 };
export const NARROW = { width: 1280, height: 900 };
export const WIDE = { width: 1920, height: 1000 };

export type ColorMode = 'light' | 'dark';

/** One persona's browser window on the fake Jira, with what the app did in it. */
export interface Session {
  readonly persona: PersonaName;
  readonly colorMode: ColorMode;
  context: BrowserContext;
  page: Page;
  /** The app's iframe (issue panel, project page or settings page: all titled by the app). */
  app: FrameLocator;
  /** Resolver calls the app made (function keys, in order). */
  invokes: string[];
  /** Errors the app logged or threw, and failed responses when `failedResponses` is set. */
  errors: string[];
}

export interface OpenOptions {
  colorMode?: ColorMode;
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Count HTTP responses ≥ 400 as errors too. */
  failedResponses?: boolean;
}

/** Opens `path` of the fake Jira as a persona, in en-GB / Europe/London, recording invokes and errors. */
export async function openAs(env: SandboxAndBrowser, persona: PersonaName, path: string, options: OpenOptions = {}): Promise<Session> {
  const colorMode = options.colorMode ?? 'light';
  const context = await env.browser.newContext({ viewport: options.viewport ?? NARROW, locale: 'en-GB', timezoneId: 'Europe/London', acceptDownloads: options.acceptDownloads ?? false });
  await actAs(context, env.running.url, persona, colorMode);
  const page = await context.newPage();
  const invokes: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/sandbox/bridge/invoke')) return;
    const body = request.postDataJSON() as { functionKey?: string } | null;
    if (body?.functionKey) invokes.push(body.functionKey);
  });
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()); });
  if (options.failedResponses === true) page.on('response', (response) => { if (response.status() >= 400) errors.push(`${String(response.status())} ${response.url()}`); });
  page.on('pageerror', (error) => { errors.push(error.message); });
  await page.goto(`${env.running.url}${path}`);
  return { persona, colorMode, context, page, app: appFrame(page), invokes, errors };
}

/** Every module of the app renders in an iframe titled after the app. */
export const appFrame = (page: Page): FrameLocator => page.frameLocator('iframe[title^="Lessons learned"]');

/** The app's frame as a Playwright Frame (for evaluate). */
export function appFrameOf(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/forge/'));
  if (!frame) throw new Error(`no app frame on ${page.url()}`);
  return frame;
}

export async function noHorizontalOverflow(page: Page): Promise<void> {
  const overflow = Number(await appFrameOf(page).evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  expect(overflow).toBeLessThanOrEqual(0);
}

// ---- The issue panel ------------------------------------------------------------------------

export const tab = (panel: FrameLocator, name: string): Locator => panel.getByRole('tab', { name: new RegExp(`^${name}`) });

export async function startReview(panel: FrameLocator): Promise<void> {
  await panel.getByRole('heading', { name: 'No post-incident review yet' }).waitFor();
  await panel.getByRole('button', { name: 'Start review' }).click();
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
}

export async function save(scope: FrameLocator | Locator, button: string): Promise<void> {
  await scope.getByRole('button', { name: button }).click();
  await scope.getByRole('status').filter({ hasText: /^Saved / }).first().waitFor();
}

export async function pickPerson(scope: FrameLocator | Locator, inputLabel: string, query: string, name: string): Promise<void> {
  await scope.getByRole('combobox', { name: inputLabel }).fill(query);
  await scope.getByRole('option', { name }).click();
}

export async function openDecisions(panel: FrameLocator): Promise<void> {
  await panel.getByRole('heading', { name: 'Post-incident review' }).waitFor();
  await tab(panel, 'Decisions & actions').click();
  await panel.locator('.decision-card').first().waitFor();
}

export const rootCauseCard = (panel: FrameLocator, index: number): Locator => panel.locator('.decision-card').nth(index);

export async function decide(card: Locator, option: RegExp, rationale: string, label: string): Promise<void> {
  await card.getByRole('radio', { name: option }).check();
  await card.getByLabel(`Rationale for ${label}`).fill(rationale);
  await card.getByRole('button', { name: `Save the decision for ${label}` }).click();
  await card.getByRole('status').filter({ hasText: /^Saved / }).waitFor();
}

export async function addAction(card: Locator, label: string, action: { summary: string; description: string; ownerQuery: string; ownerName: string }): Promise<void> {
  await card.getByRole('button', { name: `Add an action for ${label}` }).click();
  const form = card.locator('.inline-form');
  await form.getByLabel('Summary').fill(action.summary);
  await form.getByLabel('Description').fill(action.description);
  await pickPerson(form, 'Find a person for owner', action.ownerQuery, action.ownerName);
  await form.getByRole('button', { name: 'Add action' }).click();
  await check.count(card.locator('.inline-form'), 0);
  await check.visible(card.getByRole('listitem', { name: `Action: ${action.summary}` }));
}

export const issueKeysIn = async (locator: Locator): Promise<string[]> =>
  (await locator.allTextContents()).map((text) => /[A-Z][A-Z0-9_]*-\d+/.exec(text)?.[0] ?? '').filter(Boolean);
