import {
  call,
  freePort,
  launchBrowser,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { startTestDevIdentity } from '../../spec-support/dev-identity';
import { startTestGateway } from '../../spec-support/gateway';
import { learner, ok, setUpUniversity } from '../../spec-support/university';
import { alterSession, checkPage } from '../../spec-support/web-app';

/**
 * Signing in to the web app as a person does: the app sends the browser to the development OpenID Provider
 * (authorisation code with PKCE), the person picks who they are, the app exchanges the code from the browser and
 * calls the API with the access token; signing out ends the session at the provider too.
 */
describe('web app: signing in and out through the identity provider', () => {
  const services: RunningService[] = [];
  let gateway: { app: INestApplication; url: string };
  let stopProvider: () => Promise<void>;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    // One partition a topic: the shared broker's open files are finite, and this spec needs no parallelism.
    const env = { DEV_OIDC_ISSUER: issuer, KAFKA_TOPIC_PARTITIONS: '1' };
    const prefix = testTopicPrefix();
    const enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix, env });
    const credentials = await startTestService('credentials', credentialsService, {
      topicPrefix: prefix,
      env,
    });
    services.push(enrolment, credentials);
    gateway = await startTestGateway({ enrolment: enrolment.url, credentials: credentials.url }, 0, {
      WEB_OIDC_ISSUER: issuer,
    });
    const { provider } = await startTestDevIdentity({
      enrolmentUrl: gateway.url,
      publicOrigin: gateway.url,
      port,
    });
    stopProvider = () => provider.stop();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stopProvider?.();
    await gateway?.app.close();
    for (const service of services.reverse()) await service.stop();
  });

  it('signs a learner in, shows their own pages with the API answering, and signs them out', async () => {
    const uni = await setUpUniversity(services[0]!.url);
    const details = { ...learner('sign-in'), givenName: 'Grace', familyName: 'Hopper' };
    await ok(
      call(services[0]!.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
        headers: uni.partner,
        body: { learner: details },
      }),
    );
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    const troubles: string[] = [];
    page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) troubles.push(`console: ${message.text()}`);
    });

    // A signed-out visitor of a learner's page comes back to it after signing in.
    await page.goto(`${gateway.url}/app/credentials`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pickAtProvider(page, uni.partnerId, 'Grace Hopper');

    await page.getByRole('heading', { name: 'Your credentials' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/credentials');
    await page.getByText('You have no credentials yet.').waitFor();
    await checkPage(page, 'web-app-signed-in-learner-phone');

    await page.getByRole('button', { name: 'Sign out' }).click();
    // The provider asks to confirm, then sends the browser back to the app, signed out.
    await page.getByRole('heading', { name: 'Sign out?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'Your learning record' }).waitFor();
    expect(troubles).toEqual([]);
    await context.close();
  });

  it('asks to sign in again when the session ends, and comes back to the same page', async () => {
    const uni = await setUpUniversity(services[0]!.url);
    const details = { ...learner('session-ends'), givenName: 'Ada', familyName: 'Lovelace' };
    await ok(
      call(services[0]!.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
        headers: uni.partner,
        body: { learner: details },
      }),
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/app/credentials`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await pickAtProvider(page, uni.partnerId, 'Ada Lovelace');
    await page.getByText('You have no credentials yet.').waitFor();

    // The token's time runs out while the page is open: the page stays, and a notice asks for a new sign-in.
    await alterSession(page, { expiresInMs: 1_000 });
    await page.reload();
    await page.getByText('You have no credentials yet.').waitFor();
    const notice = page.getByRole('alert').filter({ hasText: 'you will come back to this page' });
    await notice.waitFor();
    await expect(page.getByRole('heading', { name: 'Your credentials' }).isVisible()).resolves.toBe(true);
    await checkPage(page, 'web-app-session-ended-desktop');

    // A token the services refuse (here: altered) ends the session the same way, from the API's 401.
    await alterSession(page, { expiresInMs: 600_000, spoilToken: true });
    await page.reload();
    await notice.waitFor();
    await expect(page.getByText('You have no credentials yet.').count()).resolves.toBe(0);

    // The provider still knows who this is (its own session lasts longer), so it sends them straight back here.
    await notice.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByText('You have no credentials yet.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/credentials');
    await expect(notice.count()).resolves.toBe(0);
    await context.close();
  });
});

/** At the development provider's sign-in page: a learner of the organisation, by name. */
async function pickAtProvider(page: Page, organisationId: string, name: string): Promise<void> {
  await page.getByLabel('Learner').check();
  await page.getByLabel('Organisation').selectOption(organisationId);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel(name).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
}
