import { call } from '@lib/testing';
import type { Browser, Page } from 'playwright-core';
import { setSchemeWhenKnown } from '../../spec-support/assessment';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import {
  checkPage,
  openAppPage,
  type OpenedPage,
  startWebAppStack,
  type WebAppStack,
} from '../../spec-support/web-app';

/** An assessor's pages in headless Chromium, against the real enrolment and assessment services behind the gateway. */
describe('web app: an assessor’s marks grid', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let uni: University;
  let otherUni: University;
  let assessmentUrl: string;
  const learners: { learnerId: string; name: string }[] = [];

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment']);
    ({ url, browser } = stack);
    const enrolment = { url: stack.services.enrolment! };
    const assessment = { url: stack.services.assessment! };
    assessmentUrl = assessment.url;
    uni = await setUpUniversity(enrolment.url);
    otherUni = await setUpUniversity(enrolment.url);
    await setSchemeWhenKnown(assessment.url, uni.registrar, twoComponents(uni.courseId));
    for (const n of [1, 2, 3, 4]) {
      const details = learner(n);
      const enrolled = await ok(
        call(enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
          headers: uni.partner,
          body: { learner: details },
        }),
      );
      learners.push({ learnerId: enrolled.learnerId, name: `${details.givenName} ${details.familyName}` });
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  // Assessors of the awarding body mark its offerings.
  const asAssessor = () => ({ roles: ['assessor' as const], org: uni.awardingBodyId, sub: 'assessor-1' });
  const marksUrl = (offeringId: string) => `${url}/app/marking/${offeringId}`;

  // An assessor of the delivering partner marks what the partner delivers; one of the awarding body, what it awards.
  it.each([
    ['phone', 'the delivering partner'],
    ['desktop', 'the awarding body'],
  ] as const)(
    'lists the offerings to mark and opens the grid at %s width, for an assessor of %s, accessible, without sideways scrolling',
    async (viewport, whose) => {
      const org = whose === 'the awarding body' ? uni.awardingBodyId : uni.partnerId;
      opened = await openAppPage(browser, `${url}/app/`, viewport, { ...asAssessor(), org });
      const { page } = opened;
      await page.getByRole('link', { name: 'Offerings to mark' }).click();
      const card = page.getByRole('listitem').filter({ hasText: 'App building in a day' });
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      await checkPage(page, `web-app-assessor-offerings-${viewport}`);
      await card.getByRole('link').click();
      await page.getByRole('textbox', { name: `Project mark for ${learners[0]!.name}` }).waitFor();
      await checkPage(page, `web-app-assessor-grid-${viewport}`);
      expect(opened.troubles).toEqual([]);
    },
  );

  it('takes marks by keyboard alone, flags a bad mark before submitting, and shows each row recorded', async () => {
    opened = await openAppPage(browser, marksUrl(uni.offeringId), 'desktop', asAssessor());
    const { page } = opened;
    const cell = (component: string, row: number) =>
      page.getByRole('textbox', { name: `${component} mark for ${learners[row]!.name}` });
    await cell('Project', 0).waitFor();
    await tabUntil(page, `Project mark for ${learners[0]!.name}`);
    const keys = (...pressed: string[]) =>
      pressed.reduce((p, key) => p.then(() => page.keyboard.press(key)), Promise.resolve());
    await page.keyboard.type('72');
    await keys('Tab');
    await page.keyboard.type('65');
    await keys('ArrowDown');
    await page.keyboard.type('101');
    // Flagged as typed, before any submission.
    await page.getByText('Enter a mark from 0 to 100.').waitFor();
    expect(await cell('Exam', 1).getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'web-app-assessor-grid-flagged-desktop');
    await keys('Enter');
    await page.getByText('Correct the marks flagged in the grid before submitting.').waitFor();
    expect(await focusedLabel(page)).toBe(`Exam mark for ${learners[1]!.name}`);
    await keys('Backspace', 'Backspace', 'Backspace');
    await page.keyboard.type('58');
    await keys('Home', 'ArrowLeft');
    await page.keyboard.type('80');
    await keys('ArrowDown');
    await page.keyboard.type('30');
    await keys('ArrowRight');
    await page.keyboard.type('20');
    expect(await page.getByText('Enter a mark from 0 to 100.').count()).toBe(0);
    await keys('Enter');
    await page.getByText('3 of 3 recorded.').waitFor();
    for (const row of [0, 1, 2]) {
      const line = page.getByRole('row').filter({ hasText: learners[row]!.name });
      expect(await line.textContent()).toContain('Recorded');
    }
    await checkPage(page, 'web-app-assessor-grid-recorded-desktop');
    const results = await ok(
      call(url, 'GET', `/api/assessment/offerings/${uni.offeringId}/results`, { headers: uni.registrar }),
    );
    const marks = Object.fromEntries(
      results.items.map((r: any) => [r.learnerId, r.versions.at(-1).components.map((c: any) => c.mark)]),
    );
    expect(marks).toEqual({
      [learners[0]!.learnerId]: [72, 65],
      [learners[1]!.learnerId]: [80, 58],
      [learners[2]!.learnerId]: [30, 20],
    });
    expect(opened.troubles).toEqual([]);
  });

  it('shows recorded provisional results, and marks from a CSV file with a report per row', async () => {
    opened = await openAppPage(browser, marksUrl(uni.offeringId), 'phone', asAssessor());
    const { page } = opened;
    const first = page.getByRole('row').filter({ hasText: learners[0]!.name });
    await first.getByText('(provisional)').waitFor();
    const csv = [
      'learnerId,Project,Exam',
      `${learners[3]!.learnerId},55,61`,
      `${learners[2]!.learnerId},abc,50`,
    ];
    await page.getByLabel('CSV file of marks').setInputFiles({
      name: 'marks.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n')),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    const report = page.getByRole('region', { name: 'Marks report' });
    await report.getByText('2 rows: 1 recorded, 1 not recorded.').waitFor();
    const refused = report.getByRole('row').filter({ hasText: learners[2]!.learnerId });
    expect(await refused.textContent()).toContain('invalidProject: a mark from 0 to 100 is needed');
    await page.getByRole('row').filter({ hasText: learners[3]!.name }).getByText('(provisional)').waitFor();
    await checkPage(page, 'web-app-assessor-upload-report-phone');
    expect(opened.troubles).toEqual([]);
  });

  it('says a course has no scheme yet, and shows the grid by itself once the registrar sets it', async () => {
    const fresh = await setUpUniversity(stack.services.enrolment!);
    await ok(
      call(stack.services.enrolment!, 'POST', `/api/enrolment/offerings/${fresh.offeringId}/enrolments`, {
        headers: fresh.partner,
        body: { learner: learner('fresh') },
      }),
    );
    const assessor = { roles: ['assessor' as const], org: fresh.awardingBodyId, sub: 'assessor-2' };
    opened = await openAppPage(browser, marksUrl(fresh.offeringId), 'phone', assessor);
    const { page } = opened;
    await page.getByText('The course has no assessment scheme yet').waitFor();
    expect(await page.getByText(/No \w+ .* that you can see/).count()).toBe(0);
    await checkPage(page, 'web-app-assessor-no-scheme-phone');
    await setSchemeWhenKnown(assessmentUrl, fresh.registrar, twoComponents(fresh.courseId));
    await page
      .getByRole('textbox', { name: 'Project mark for Givenfresh Familyfresh' })
      .waitFor({ timeout: 20_000 });
    // The browser notes each 404 it was answered while waiting; nothing else.
    const notes = opened.troubles.filter((t) => !t.includes('the server responded with a status of 404'));
    expect(notes).toEqual([]);
  });

  it('shows another organisation’s offering as "Page not found", as the API answers 404', async () => {
    opened = await openAppPage(browser, marksUrl(otherUni.offeringId), 'phone', asAssessor());
    await opened.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkPage(opened.page, 'web-app-assessor-not-found-phone');
    const notes = opened.troubles.filter((t) => !t.includes('the server responded with a status of 404'));
    expect(notes).toEqual([]);
  });
});

const twoComponents = (courseId: string) => ({
  courseId,
  components: [
    { name: 'Project', weight: 60, passMark: 40 },
    { name: 'Exam', weight: 40, passMark: 40 },
  ],
  overallPassMark: 40,
  maxAttempts: 2,
});

/** Presses Tab until the cell with this label has the focus, as a keyboard user reaches the grid. */
async function tabUntil(page: Page, label: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if ((await focusedLabel(page)) === label) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${label}"`);
}

const focusedLabel = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: any }).document.activeElement?.getAttribute(
        'aria-label',
      ) as string,
  );
