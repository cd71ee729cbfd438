import { call, keepScreenshot, seriousAccessibilityProblems, sidewaysScroll } from '@lib/testing';
import type { Browser } from 'playwright-core';
import {
  completeWithProvisionalMark,
  earnCredential,
  type IssuingServices,
} from '../../spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import { openAppPage, type OpenedPage, startWebAppStack, type WebAppStack } from '../../spec-support/web-app';

/**
 * A learner's "Your courses" page in headless Chromium, against the real services behind the gateway: one course
 * passed, ratified and credentialed, one with the exam board, one not yet taught.
 */
describe('web app: a learner’s courses', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let learnerId: string;
  let otherLearnerId: string;
  const codes: { passed: string; awaiting: string; enrolled: string } = {
    passed: '',
    awaiting: '',
    enrolled: '',
  };

  const codeOf = async (uni: University, services: IssuingServices): Promise<string> =>
    (
      await ok(
        call(services.enrolment, 'GET', `/api/enrolment/courses/${uni.courseId}`, { headers: uni.registrar }),
      )
    ).code;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials']);
    ({ url, browser } = stack);
    const services = stack.services as IssuingServices;
    const details = learner('courses');
    const [passed, awaiting, enrolled] = await Promise.all([
      setUpUniversity(services.enrolment, 5),
      setUpUniversity(services.enrolment, 5),
      setUpUniversity(services.enrolment, 5),
    ]);
    ({ learnerId } = await earnCredential(services, passed, 72, details));
    await completeWithProvisionalMark(services, awaiting, 55, { learner: details });
    const enrol = (who: typeof details) =>
      ok(
        call(services.enrolment, 'POST', `/api/enrolment/offerings/${enrolled.offeringId}/enrolments`, {
          headers: enrolled.partner,
          body: { learner: who },
        }),
      );
    await enrol(details);
    ({ learnerId: otherLearnerId } = await enrol(learner('someone-else')));
    codes.passed = await codeOf(passed, services);
    codes.awaiting = await codeOf(awaiting, services);
    codes.enrolled = await codeOf(enrolled, services);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const asLearner = (sub = learnerId) => ({ roles: ['learner' as const], sub });

  it.each(['phone', 'desktop'] as const)(
    'lists each enrolment with its state and result at %s width, accessible, without sideways scrolling',
    async (viewport) => {
      opened = await openAppPage(browser, `${url}/app/courses`, viewport, asLearner());
      const { page } = opened;
      await page.getByRole('heading', { name: 'Your courses' }).waitFor();
      const card = (code: string) => page.getByRole('listitem').filter({ hasText: code });
      await card(codes.passed).waitFor();
      expect(await page.getByRole('listitem').count()).toBe(3);

      const passed = (await card(codes.passed).textContent()) ?? '';
      expect(passed).toContain('App building in a day');
      expect(passed).toContain('1 December 2026 · In person, Leeds General Infirmary');
      expect(passed).toMatch(/EnrolmentCompleted on \d{1,2} \w+ \d{4}/);
      expect(passed).toContain('AttendanceAttended');
      expect(passed).toMatch(/ResultPassed: mark 72, grade \S+/);
      expect(passed).toMatch(/Ratified on\d{1,2} \w+ \d{4}/);
      expect(passed).toMatch(/Delivered byCode4Health /);
      expect(passed).toMatch(/Awarded byUniversity /);
      await card(codes.passed).getByRole('link', { name: 'See your credential for this course' }).waitFor();

      const awaiting = (await card(codes.awaiting).textContent()) ?? '';
      expect(awaiting).toContain('ResultAwaiting the exam board');
      expect(awaiting).not.toContain('mark 55');
      expect(await card(codes.awaiting).getByRole('link').count()).toBe(0);

      const enrolled = (await card(codes.enrolled).textContent()) ?? '';
      expect(enrolled).toContain('EnrolmentEnrolled');
      expect(enrolled).toContain('ResultNot yet: results follow the course');
      // A whole-word 404: the organisations' names end in a random hex tag, which may hold the digits 404.
      expect(enrolled).not.toMatch(/\b404\b|not found|that you can see/i);

      expect(await sidewaysScroll(page)).toBe(0);
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await keepScreenshot(page, `web-app-learner-courses-${viewport}`);
      expect(opened.troubles).toEqual([]);
    },
  );

  it('is linked from the start page, and leads to the credential', async () => {
    opened = await openAppPage(browser, `${url}/app/`, 'desktop', asLearner());
    const { page } = opened;
    await page.getByRole('link', { name: 'Your courses' }).click();
    await page.getByRole('heading', { name: 'Your courses' }).waitFor();
    await page.getByRole('link', { name: 'See your credential for this course' }).click();
    await page.getByRole('heading', { name: 'Your credentials' }).waitFor();
    expect(opened.troubles).toEqual([]);
  });

  it('shows another learner only their own enrolment', async () => {
    opened = await openAppPage(browser, `${url}/app/courses`, 'desktop', asLearner(otherLearnerId));
    const { page } = opened;
    await page.getByRole('listitem').filter({ hasText: codes.enrolled }).waitFor();
    expect(await page.getByRole('listitem').count()).toBe(1);
    const text = (await page.locator('main, body').first().textContent()) ?? '';
    expect(text).not.toContain(codes.passed);
    expect(text).not.toContain(codes.awaiting);
    expect(opened.troubles).toEqual([]);
  });
});
