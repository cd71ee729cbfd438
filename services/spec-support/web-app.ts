import type { Role } from '@lib/auth';
import { testIdentityProvider, VIEWPORTS } from '@lib/testing';
import type { Browser, Page } from 'playwright-core';

/** What the app keeps after a sign-in (services/web/src/auth/session.ts), under the same key. */
const SESSION_KEY = 'credit-bridge.session';

export interface OpenedPage {
  page: Page;
  /** Script errors and Content-Security-Policy refusals seen so far: a spec expects none. */
  troubles: string[];
}

/** A page of the app in a fresh browser context, watched for script errors and policy refusals. */
export async function openAppPage(
  browser: Browser,
  url: string,
  viewport: keyof typeof VIEWPORTS = 'desktop',
  session?: { roles: Role[]; sub?: string; org?: string },
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], acceptDownloads: true });
  const page = await context.newPage();
  const troubles: string[] = [];
  page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') troubles.push(`console: ${message.text()}`);
  });
  if (session) await page.addInitScript(storeSession, { key: SESSION_KEY, value: sessionOf(session) });
  await page.goto(url);
  return { page, troubles };
}

/**
 * Signs a page in as the sign-in would have left it: a real access token from the test identity provider, which the
 * services verify as they verify any. The sign-in itself is driven through the provider in its own spec.
 */
function sessionOf({ roles, sub, org }: { roles: Role[]; sub?: string; org?: string }): string {
  const accessToken = testIdentityProvider().mint({
    roles,
    ...(sub ? { sub } : {}),
    ...(org ? { org } : {}),
  });
  return JSON.stringify({
    accessToken,
    expiresAt: Date.now() + 3_600_000,
    subject: sub ?? '',
    roles,
    ...(org ? { organisationId: org } : {}),
  });
}

/** Runs in the page (which has `sessionStorage`; this process's types do not). */
function storeSession({ key, value }: { key: string; value: string }): void {
  const storage = (globalThis as unknown as { sessionStorage: Storage }).sessionStorage;
  // Only before the app's first load in this tab, so a sign-out inside the test is not undone by a reload.
  if (storage.getItem(`${key}.seeded`) === null) {
    storage.setItem(key, value);
    storage.setItem(`${key}.seeded`, 'yes');
  }
}

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
