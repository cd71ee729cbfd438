import type { Role } from '@lib/auth';
import {
  freePort,
  keepScreenshot,
  launchBrowser,
  type RunningService,
  seriousAccessibilityProblems,
  sidewaysScroll,
  startTestService,
  testIdentityProvider,
  testTopicPrefix,
  VIEWPORTS,
} from '@lib/testing';
import type { Browser, Page } from 'playwright-core';
import { assessmentService } from '../assessment/src/assessment.definition';
import { credentialsService } from '../credentials/src/credentials.definition';
import { enrolmentService } from '../enrolment/src/enrolment.definition';
import { recognitionService } from '../recognition/src/recognition.definition';
import { startTestDevIdentity } from './dev-identity';
import { startTestGateway } from './gateway';

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

/**
 * Changes the app's stored session in the page, as time or the identity provider would: its expiry (milliseconds
 * from now) and, with `spoilToken`, an access token the services refuse (its signature no longer matches).
 */
export async function alterSession(
  page: Page,
  change: { expiresInMs: number; spoilToken?: boolean },
): Promise<void> {
  await page.evaluate(
    ({ key, expiresInMs, spoilToken }) => {
      const storage = (globalThis as unknown as { sessionStorage: Storage }).sessionStorage;
      const stored = JSON.parse(storage.getItem(key) ?? '{}') as { accessToken?: string };
      const accessToken = spoilToken ? `${stored.accessToken}x` : stored.accessToken;
      storage.setItem(key, JSON.stringify({ ...stored, accessToken, expiresAt: Date.now() + expiresInMs }));
    },
    { key: SESSION_KEY, expiresInMs: change.expiresInMs, spoilToken: change.spoilToken ?? false },
  );
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

export type WebAppService = 'enrolment' | 'assessment' | 'credentials' | 'recognition';

/** The services a web app spec needs, the gateway in front of them serving the app, and a browser. */
export interface WebAppStack {
  /** The gateway: the app's origin. */
  url: string;
  /** Each started service's own URL, for set-up through its API. */
  services: Partial<Record<WebAppService, string>>;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the named services (recognition reads credentials' verifier, so it needs credentials too), the gateway
 * serving the app, and headless Chromium. By default the app's sign-in names an issuer nobody signs in at (the specs
 * put a real token where the sign-in would); with `signIn`, the development OpenID Provider runs and the services
 * trust its tokens, so a spec signs in as a person does, and links the services make point at the gateway.
 */
export async function startWebAppStack(
  names: readonly WebAppService[],
  { signIn = false }: { signIn?: boolean } = {},
): Promise<WebAppStack> {
  const prefix = testTopicPrefix();
  const running: RunningService[] = [];
  const services: Partial<Record<WebAppService, string>> = {};
  const [gatewayPort, providerPort] = signIn ? [await freePort(), await freePort()] : [0, 0];
  const issuer = signIn ? `http://127.0.0.1:${providerPort}` : 'http://127.0.0.1:9/';
  const signInEnv: Record<string, string> = signIn
    ? { DEV_OIDC_ISSUER: issuer, PUBLIC_BASE_URL: `http://127.0.0.1:${gatewayPort}` }
    : {};
  for (const name of names) {
    const env: Record<string, string> = {
      ...signInEnv,
      ...(name === 'recognition' ? { CREDENTIALS_URL: services.credentials! } : {}),
    };
    const service = await startTestService(name, DEFINITIONS[name], { topicPrefix: prefix, env });
    running.push(service);
    services[name] = service.url;
  }
  const gateway = await startTestGateway(services, gatewayPort, { WEB_OIDC_ISSUER: issuer });
  const provider = signIn
    ? (
        await startTestDevIdentity({
          enrolmentUrl: gateway.url,
          publicOrigin: gateway.url,
          port: providerPort,
        })
      ).provider
    : undefined;
  const browser = await launchBrowser();
  return {
    url: gateway.url,
    services,
    browser,
    stop: async () => {
      await browser.close();
      await provider?.stop();
      await gateway.app.close();
      for (const service of running.reverse()) await service.stop();
    },
  };
}

const DEFINITIONS = {
  enrolment: enrolmentService,
  assessment: assessmentService,
  credentials: credentialsService,
  recognition: recognitionService,
};

/** What every page of the app must be: no sideways scrolling, no serious accessibility problem; kept as a picture. */
export async function checkPage(page: Page, screenshotName: string): Promise<void> {
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await keepScreenshot(page, screenshotName);
}

/**
 * Starts watching the page for an element matching `selector` to appear, however briefly (a progress bar shown only
 * while an upload runs); `elementAppeared` answers whether it did.
 */
export async function watchForElement(page: Page, selector: string): Promise<void> {
  await page.evaluate((wanted) => {
    const scope = globalThis as unknown as { seen?: boolean; document: any; MutationObserver: any };
    scope.seen = false;
    new scope.MutationObserver(() => {
      if (scope.document.querySelector(wanted)) scope.seen = true;
    }).observe(scope.document.body, { childList: true, subtree: true });
  }, selector);
}

export const elementAppeared = (page: Page): Promise<boolean> =>
  page.evaluate(() => (globalThis as unknown as { seen?: boolean }).seen === true);
