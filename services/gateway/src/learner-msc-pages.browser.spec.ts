import {
  bearer,
  call,
  keepScreenshot,
  launchBrowser,
  type RunningService,
  seriousAccessibilityProblems,
  sidewaysScroll,
  startTestService,
  testTopicPrefix,
  waitFor,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { recognitionService } from '../../recognition/src/recognition.definition';
import { earnCredential } from '../../spec-support/credentials';
import { startTestGateway } from '../../spec-support/gateway';
import { ok, setUpUniversity } from '../../spec-support/university';
import { openAppPage, type OpenedPage } from '../../spec-support/web-app';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };

/** A learner's MSc credit in the web app: programmes, standing, a claim's proposal and the board's decision. */
describe('web app: a learner’s MSc credit', () => {
  const prefix = testTopicPrefix();
  const services: RunningService[] = [];
  let recognition: RunningService;
  let gateway: INestApplication;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    const enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    const assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    const credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    recognition = await startTestService('recognition', recognitionService, {
      topicPrefix: prefix,
      env: { CREDENTIALS_URL: credentials.url },
    });
    services.push(enrolment, assessment, credentials, recognition);
    ({ app: gateway, url } = await startTestGateway(
      {
        enrolment: enrolment.url,
        assessment: assessment.url,
        credentials: credentials.url,
        recognition: recognition.url,
      },
      0,
      { WEB_OIDC_ISSUER: 'http://127.0.0.1:9/' },
    ));
    browser = await launchBrowser();
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

  it('shows the programme and where the learner stands, opens a claim and shows the board’s decision', async () => {
    const [enrolment, assessment, credentials] = services;
    const uni = await setUpUniversity(enrolment!.url, 5);
    const { learnerId } = await earnCredential(
      { enrolment: enrolment!.url, assessment: assessment!.url, credentials: credentials!.url },
      uni,
      70,
    );
    const programme = await ok(
      call(recognition.url, 'POST', '/api/recognition/programmes', {
        headers: uni.registrar,
        body: {
          code: 'MSC-WEB',
          title: 'MSc Digital Health',
          credits: 180,
          level: LEVEL_7,
          modules: [
            {
              code: 'DH-701',
              title: 'Building digital services',
              credits: 5,
              level: LEVEL_7,
              rule: { combination: 'any', criteria: [{ kind: 'properties', minimumLevel: LEVEL_7 }] },
            },
          ],
        },
      }),
    );
    const learner = bearer('learner', { sub: learnerId });
    // Recognition hears of the credential from its event; the page shows what recognition knows.
    await waitFor(
      async () => {
        const standing = await ok(
          call(recognition.url, 'GET', `/api/recognition/learners/me/programmes/${programme.id}`, {
            headers: learner,
          }),
        );
        return standing.remaining.some((m: any) => m.couldBeCreditedNow) || undefined;
      },
      { what: 'recognition to know the credential' },
    );

    opened = await openAppPage(browser, `${url}/app/msc`, 'phone', { roles: ['learner'], sub: learnerId });
    const { page } = opened;
    await page.getByRole('link', { name: 'MSc Digital Health' }).click();
    await page.getByText('0 of at most 60 credits recognised so far.').waitFor();
    expect(
      await page.getByText(/DH-701 Building digital services: your credentials could count/).count(),
    ).toBe(1);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(await sidewaysScroll(page)).toBe(0);
    await keepScreenshot(page, 'web-app-learner-msc-standing-phone');

    await page.getByRole('button', { name: 'Claim credit with my credentials' }).click();
    await page.getByRole('heading', { name: 'Your claim: MSc Digital Health' }).waitFor();
    await page.getByText('Proposed for 5 credits.').waitFor();
    await page.getByText('Awaiting the exam board’s decision').waitFor();
    const claimId = new URL(page.url()).pathname.split('/').at(-1)!;
    const decided = await call(recognition.url, 'POST', `/api/recognition/claims/${claimId}/decisions`, {
      headers: uni.registrar,
      body: { moduleCode: 'DH-701', decision: 'approve', reason: 'Meets the module’s outcomes.' },
    });
    expect(decided.status).toBeLessThan(300);
    await page.reload();
    await page.getByText('Approved by the exam board: Meets the module’s outcomes.').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await keepScreenshot(page, 'web-app-learner-msc-claim-phone');
    expect(opened.troubles).toEqual([]);
  });
});
