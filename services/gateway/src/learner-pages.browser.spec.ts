import {
  call,
  keepScreenshot,
  launchBrowser,
  type RunningService,
  seriousAccessibilityProblems,
  sidewaysScroll,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential, type IssuingServices } from '../../spec-support/credentials';
import { startTestGateway } from '../../spec-support/gateway';
import { learner, setUpUniversity, type University } from '../../spec-support/university';
import { openAppPage, type OpenedPage } from '../../spec-support/web-app';

type Earned = Awaited<ReturnType<typeof earnCredential>>;

/** A learner's pages of the web app in headless Chromium, against the real services behind the gateway. */
describe('web app: a learner’s credentials', () => {
  const prefix = testTopicPrefix();
  const services: RunningService[] = [];
  let gateway: INestApplication;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let earned: Earned;
  let uni: University;
  let urls: IssuingServices;

  beforeAll(async () => {
    const enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    const assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    const credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    services.push(enrolment, assessment, credentials);
    ({ app: gateway, url } = await startTestGateway(
      { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url },
      0,
      { WEB_OIDC_ISSUER: 'http://127.0.0.1:9/' },
    ));
    browser = await launchBrowser();
    uni = await setUpUniversity(enrolment.url, 5);
    urls = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    // Markup in a name must show as text.
    earned = await earnCredential(urls, uni, 72, { ...learner('w'), givenName: '<b>Ada</b>' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    for (const service of services.reverse()) await service.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const asLearner = () => ({ roles: ['learner' as const], sub: earned.learnerId });

  it.each(['phone', 'desktop'] as const)(
    'lists the credential with what it certifies at %s width, accessible, without sideways scrolling',
    async (viewport) => {
      opened = await openAppPage(browser, `${url}/app/credentials`, viewport, asLearner());
      const { page } = opened;
      await page.getByRole('heading', { name: 'Your credentials' }).waitFor();
      const card = page.getByRole('listitem').filter({ hasText: 'App building in a day' });
      await card.first().waitFor();
      // Its status comes from the public verification API, after the list.
      await card.first().getByText(/^Valid: issued by a trusted issuer/).waitFor();
      expect(await card.first().textContent()).toContain('Credits5 UK credits');
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await keepScreenshot(page, `web-app-learner-credentials-${viewport}`);
      expect(opened.troubles).toEqual([]);
    },
  );

  it('downloads the certificate as a PDF and the signed credential as the service gives them', async () => {
    opened = await openAppPage(browser, `${url}/app/credentials`, 'desktop', asLearner());
    const { page } = opened;
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Certificate (PDF)' }).click();
    const pdf = await readFile(await (await pdfDownload).path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const jwtDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Signed credential (.jwt)' }).click();
    const jwt = (await readFile(await (await jwtDownload).path())).toString().trim();
    expect(jwt).toBe(earned.credential.jwt);
    expect(opened.troubles).toEqual([]);
  });

  it('makes a share link, shows its QR code, and withdraws it after a confirmation', async () => {
    opened = await openAppPage(browser, `${url}/app/credentials`, 'phone', asLearner());
    const { page } = opened;
    await page.getByRole('button', { name: 'Make a share link' }).click();
    const link = page.getByRole('textbox', { name: 'Link' });
    await link.waitFor();
    const shared = await link.inputValue();
    expect(shared).toContain('/verify?share=');
    await page.getByRole('button', { name: 'Show QR code' }).click();
    await page.getByRole('img', { name: `QR code for ${shared}` }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await keepScreenshot(page, 'web-app-learner-share-link-phone');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByText('No share links yet.').waitFor();
    const token = new URL(shared).searchParams.get('share');
    const answer = await fetch(`${url}/api/credentials/shared/${token}/verification`);
    expect(answer.status).toBe(404);
    expect(opened.troubles).toEqual([]);
  });

  it('shows a revoked credential as revoked, with the issuer’s reason', async () => {
    const revoked = await earnCredential(urls, uni, 64);
    const path = `/api/credentials/credentials/${encodeURIComponent(revoked.credential.credentialId)}/revocation`;
    const answer = await call(urls.credentials, 'POST', path, {
      headers: uni.registrar,
      body: { reason: 'Awarded in error.' },
    });
    expect(answer.status).toBe(200);
    opened = await openAppPage(browser, `${url}/app/credentials`, 'desktop', {
      roles: ['learner'],
      sub: revoked.learnerId,
    });
    await opened.page
      .getByText('Revoked: the issuer has withdrawn this credential. (Awarded in error.)')
      .waitFor();
    expect(opened.troubles).toEqual([]);
  });

  it('shows a staff page to a learner as not found', async () => {
    opened = await openAppPage(browser, `${url}/app/offerings`, 'desktop', asLearner());
    await opened.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(opened.troubles).toEqual([]);
  });
});
