import { call, launchBrowser } from '@lib/testing';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import {
  authorisationRequest,
  type SignInStack,
  startSignInStack,
  webAppClient,
} from '../../spec-support/dev-identity';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import { sidewaysOverflow } from '../../spec-support/verify-page';

/** The development sign-in page in headless Chromium: a person signs in with the keyboard-reachable form. */
describe('development sign-in page in a browser', () => {
  let stack: SignInStack;
  let gateway: { url: string };
  let rp: client.Configuration;
  let uni: University;
  let learnerId: string;
  let browser: Browser;
  let troubles: string[];

  beforeAll(async () => {
    stack = await startSignInStack();
    gateway = stack.gateway;
    rp = await webAppClient(stack.issuer);
    uni = await setUpUniversity(stack.enrolment.url);
    const enrolled = await ok(
      call(stack.enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
        headers: uni.partner,
        body: { learner: { ...learner('page'), givenName: 'فاطمة', familyName: 'الزهراء' } },
      }),
    );
    learnerId = enrolled.learnerId;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page at this width that records script errors and Content-Security-Policy refusals. */
  const openPage = async (width: number): Promise<Page> => {
    troubles = [];
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) troubles.push(`console: ${message.text()}`);
    });
    // The web app is not built yet: the gateway answers its callback 404, and the spec reads the code from the URL.
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().startsWith(`${gateway.url}/app/callback?`))
        troubles.push(`${response.status()} ${response.url()}`);
    });
    return page;
  };

  it.each([375, 1280])('signs a learner in through the page at %i px wide', async (width) => {
    const page = await openPage(width);
    const request = await authorisationRequest(rp, `${gateway.url}/app/callback`);
    await page.goto(request.url);
    await expect(page.title()).resolves.toMatch(/^Sign in/);
    expect(await sidewaysOverflow(page)).toBe(0);

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Choose a role');
    await page.getByRole('link', { name: 'Choose a role' }).click();

    await page.getByLabel('Learner').check();
    await page.getByLabel('Organisation').selectOption(uni.partnerId);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Choose a learner');
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByLabel('فاطمة الزهراء').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/callback\?/);

    const tokens = await client.authorizationCodeGrant(rp, new URL(page.url()), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    const me = await call(gateway.url, 'GET', '/api/enrolment/learners/me', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(learnerId);
    // The one failed answer is the form's own, saying what was wrong.
    expect(troubles).toEqual([expect.stringMatching(/^400 .*\/interaction\//)]);
    await page.close();
  });
});
