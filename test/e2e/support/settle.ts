import type { Locator } from 'playwright-core';

/** Retries an assertion until it holds (the UI settles asynchronously); the last failure is thrown. */
export async function until(assertion: () => Promise<void>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Retrying assertions on locators (playwright-core has no `expect` of its own). */
export const check = {
  visible: (locator: Locator) => locator.waitFor({ state: 'visible' }),
  text: (locator: Locator, text: string) => until(async () => { expect((await locator.textContent()) ?? '').toContain(text); }),
  noText: (locator: Locator, text: string) => until(async () => { expect((await locator.textContent()) ?? '').not.toContain(text); }),
  exactText: (locator: Locator, text: string) => until(async () => { expect(((await locator.textContent()) ?? '').trim()).toBe(text); }),
  value: (locator: Locator, value: string) => until(async () => { expect(await locator.inputValue()).toBe(value); }),
  count: (locator: Locator, count: number) => until(async () => { expect(await locator.count()).toBe(count); }),
  attribute: (locator: Locator, name: string, value: string) => until(async () => { expect(await locator.getAttribute(name)).toBe(value); }),
  enabled: (locator: Locator) => until(async () => { expect(await locator.isEnabled()).toBe(true); }),
  checked: (locator: Locator) => until(async () => { expect(await locator.isChecked()).toBe(true); }),
};
