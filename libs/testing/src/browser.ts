import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Headless Chromium for specs of the public pages: Debian's `chromium` (or `CHROMIUM_PATH`), driven by
 * playwright-core, which brings no browser of its own. `make test` installs it (`deploy/local/browser.sh`).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: run \`deploy/local/browser.sh install\` (make test does)`);
  }
  // Loaded here, not at the top, so specs that never open a browser do not pay for it.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true });
}
