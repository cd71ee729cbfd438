import {
  keepScreenshot,
  launchBrowser,
  seriousAccessibilityProblems,
  sidewaysScroll,
  VIEWPORTS,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { startTestGateway } from '../../spec-support/gateway';

/** The web app's shell in headless Chromium, served by the gateway under its strict policy. */
describe('web app in a browser', () => {
  let gateway: INestApplication;
  let url: string;
  let unconfigured: { app: INestApplication; url: string };
  let browser: Browser;
  let page: Page;
  let troubles: string[];

  beforeAll(async () => {
    ({ app: gateway, url } = await startTestGateway({}, 0, { WEB_OIDC_ISSUER: 'http://127.0.0.1:9/' }));
    unconfigured = await startTestGateway({});
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await unconfigured?.app.close();
  });

  const open = async (base: string, path: string, viewport: keyof typeof VIEWPORTS = 'desktop') => {
    troubles = [];
    page = await browser.newPage({ viewport: VIEWPORTS[viewport] });
    // Script errors and Content-Security-Policy refusals fail the test.
    page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') troubles.push(`console: ${message.text()}`);
    });
    await page.goto(`${base}${path}`);
    return page;
  };

  afterEach(async () => {
    await page?.close();
  });

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
    'shows the signed-out start page at %s width, accessible and without sideways scrolling',
    async (viewport) => {
      await open(url, '/app/', viewport);
      await page.getByRole('heading', { name: 'Your learning record' }).waitFor();
      expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
      expect(await page.getByRole('link', { name: 'Verify it here' }).getAttribute('href')).toBe('/verify');
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await keepScreenshot(page, `web-app-start-${viewport}`);
      expect(troubles).toEqual([]);
    },
  );

  it('serves the page under the public pages’ policy, allowing only the identity provider besides itself', async () => {
    const response = await fetch(`${url}/app/credentials`);
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:9;");
    expect(policy).not.toContain('unsafe-inline');
    expect(await (await fetch(`${url}/app/config.json`)).json()).toEqual({
      issuer: 'http://127.0.0.1:9/',
      clientId: 'credit-bridge-web',
      scope: 'openid profile',
    });
  });

  it('says when sign-in is not configured, rather than failing', async () => {
    await open(unconfigured.url, '/app/');
    await page.getByText('Sign-in is not configured for this site yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true);
    expect(troubles).toEqual([]);
  });

  it('asks a signed-out visitor of a signed-in page to sign in', async () => {
    await open(url, '/app/credentials');
    await page.getByRole('heading', { name: 'Your learning record' }).waitFor();
    expect(troubles).toEqual([]);
  });
});
