import type { Page } from 'playwright-core';

/** What the verification page shows once a check is done, read the way a person reads it: as text. */
export interface ShownResult {
  /** The status behind the banner (`data-status`), or undefined when the page shows a problem instead. */
  status?: string;
  title: string;
  banner: string;
  facts: Record<string, string>;
  checks: string[];
  /** The result's heading has the keyboard focus. */
  focused: boolean;
}

export async function shownResult(page: Page): Promise<ShownResult> {
  // A check under way marks the region busy; its banner replaces whatever was shown before.
  const banner = page.locator('#result:not([aria-busy]) .banner');
  await banner.waitFor({ timeout: 20000 });
  const heading = banner.locator('h2');
  const terms = await page.locator('#result .facts dt').allTextContents();
  const values = await page.locator('#result .facts dd').allTextContents();
  return {
    status: (await banner.getAttribute('data-status')) ?? undefined,
    title: (await heading.textContent()) ?? '',
    banner: (await banner.textContent()) ?? '',
    facts: Object.fromEntries(terms.map((term, index) => [term, values[index] ?? ''])),
    checks: await page.locator('#result .check').allTextContents(),
    focused: await heading.evaluate((element) => element === element.ownerDocument.activeElement),
  };
}

/** Pastes a credential into the box and presses Verify, from the keyboard as well as a mouse would. */
export async function pasteAndVerify(page: Page, text: string): Promise<ShownResult> {
  await page.getByLabel('The credential: its signed text, or its JSON').fill(text);
  await page.getByRole('button', { name: 'Verify', exact: true }).press('Enter');
  return shownResult(page);
}

export async function uploadAndVerify(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<ShownResult> {
  await page.getByLabel(/A credential file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Verify file' }).click();
  return shownResult(page);
}

/** Horizontal overflow in CSS pixels: above zero, a phone would have to scroll sideways. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}
