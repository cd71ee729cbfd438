import {
  call,
  freePort,
  launchBrowser,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { startTestDevIdentity } from '../../spec-support/dev-identity';
import { startTestGateway } from '../../spec-support/gateway';
import { learner, ok, setUpUniversity } from '../../spec-support/university';
import { checkPage } from '../../spec-support/web-app';

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
    const credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix, env });
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
    await page.getByLabel('Learner').check();
    await page.getByLabel('Organisation').selectOption(uni.partnerId);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Grace Hopper').check();
    await page.getByRole('button', { name: 'Sign in' }).click();

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
});
