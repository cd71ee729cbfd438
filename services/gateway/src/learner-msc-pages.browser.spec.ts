import {
  bearer,
  call,
  keepScreenshot,
  seriousAccessibilityProblems,
  sidewaysScroll,
  waitFor,
} from '@lib/testing';
import type { Browser } from 'playwright-core';
import { earnCredential } from '../../spec-support/credentials';
import { ok, setUpUniversity } from '../../spec-support/university';
import { openAppPage, type OpenedPage, startWebAppStack, type WebAppStack } from '../../spec-support/web-app';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };

/** A learner's MSc credit in the web app: programmes, standing, a claim's proposal and the board's decision. */
describe('web app: a learner’s MSc credit', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials', 'recognition']);
    ({ url, browser } = stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  it('shows the programme and where the learner stands, opens a claim and shows the board’s decision', async () => {
    const services = stack.services as Required<WebAppStack['services']>;
    const uni = await setUpUniversity(services.enrolment, 5);
    const { learnerId } = await earnCredential(services, uni, 70);
    const recognition = { url: services.recognition };
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
