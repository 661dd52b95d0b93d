import type { Frame, Page } from 'playwright-core';
import { appFrameOf } from './session';

/**
 * Keyboard checks of one screen of the app: every enabled, visible control is reached with Tab
 * (a radio group counts as one stop, as in every browser), and each shows a visible focus
 * indicator (an outline or a box-shadow) when reached by keyboard. The in-page parts are plain
 * scripts: the test code is compiled without the DOM's types.
 */
const CONTROLS = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

interface Stop {
  id: string;
  /** A human description for failure messages. */
  name: string;
  /** The outline or box-shadow it shows while focused; null when it shows none. */
  indicator: string | null;
}

/** Marks each control with data-kb-stop (and radios with their group); returns the ids of the Tab stops. */
const MARK_CONTROLS = `(() => {
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const all = [...document.querySelectorAll(${JSON.stringify(CONTROLS)})].filter((el) => visible(el) && !el.matches(':disabled') && el.tabIndex >= 0 && el.closest('[inert]') === null);
  const isRadio = (el) => el instanceof HTMLInputElement && el.type === 'radio' && el.name !== '';
  const stops = [];
  all.forEach((el, index) => {
    el.dataset.kbStop = String(index);
    if (!isRadio(el)) { stops.push(String(index)); return; }
    const key = 'radio:' + el.name;
    el.dataset.kbGroup = key;
    if (!stops.includes(key)) stops.push(key);
  });
  return stops;
})()`;

const describe = `(el) => '<' + el.tagName.toLowerCase() + (el.getAttribute('type') ? ' type=' + el.getAttribute('type') : '') + '> "' + (el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40) || el.name || el.id) + '"'`;

const FOCUSED = `(() => {
  const el = document.activeElement;
  if (el instanceof HTMLIFrameElement) return { id: 'frame', name: 'a nested frame', indicator: 'frame' };
  if (el === null || el === document.body || el.dataset.kbStop === undefined) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? 'outline ' + style.outlineStyle + ' ' + style.outlineWidth : null;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '' ? 'box-shadow ' + style.boxShadow : null;
  return { id: el.dataset.kbGroup || el.dataset.kbStop, name: (${describe})(el), indicator: outline || shadow };
})()`;

const describeStops = (ids: string[]): string => `(${JSON.stringify(ids)}).map((id) => {
  const el = document.querySelector(id.startsWith('radio:') ? '[data-kb-group="' + id + '"]' : '[data-kb-stop="' + id + '"]');
  return el ? (${describe})(el) : id;
})`;

const focused = async (frame: Frame): Promise<Stop | null> => frame.evaluate<Stop | null>(FOCUSED);

/** Tabs through the app's frame from its first control to its last; fails on an unreachable control or an invisible focus. */
export async function expectKeyboardReachable(page: Page, screen: string): Promise<void> {
  const frame = appFrameOf(page);
  const stops = await frame.evaluate<string[]>(MARK_CONTROLS);
  if (stops.length === 0) return;
  // Focus the first control, then Tab and Shift+Tab so it is focused from the keyboard (:focus-visible).
  await frame.evaluate(`document.querySelector('[data-kb-stop="0"]').focus()`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const reached = new Map<string, Stop>();
  // Date-time inputs take a Tab per segment, and a nested frame (the report preview) its own
  // controls, so allow several presses per stop.
  for (let presses = 0; presses < stops.length * 6 + 40; presses += 1) {
    const stop = await focused(frame);
    if (stop === null) break; // focus left the app's frame: past its last control
    if (stop.id !== 'frame') reached.set(stop.id, stop);
    if (reached.size === stops.length) break;
    await page.keyboard.press('Tab');
  }
  // Leave nothing focused, so screenshots show the screen as it rests.
  await frame.evaluate('document.activeElement && document.activeElement.blur()');
  const missing = stops.filter((id) => !reached.has(id));
  const unreachable = missing.length === 0 ? [] : await frame.evaluate<string[]>(describeStops(missing));
  const invisible = [...reached.values()].filter((stop) => stop.indicator === null).map((stop) => stop.name);
  const problems = [...unreachable.map((name) => `not reachable with Tab: ${name}`), ...invisible.map((name) => `no visible focus indicator: ${name}`)];
  if (problems.length > 0) throw new Error(`keyboard problems on "${screen}":\n${problems.join('\n')}`);
}
