import { call } from '@lib/testing';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import {
  checkPage,
  elementAppeared,
  openAppPage,
  type OpenedPage,
  startWebAppStack,
  watchForElement,
  type WebAppStack,
} from '../../spec-support/web-app';

/** A partner organiser's pages in headless Chromium, against the real enrolment service behind the gateway. */
describe('web app: a partner organiser’s offerings', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let uni: University;
  let otherUni: University;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment']);
    ({ url, browser } = stack);
    const enrolment = { url: stack.services.enrolment! };
    // Four seats: one learner by the form and three from the file take them; the file's fourth waits.
    uni = await setUpUniversity(enrolment.url, 4);
    otherUni = await setUpUniversity(enrolment.url, 4);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const asPartner = () => ({ roles: ['partner' as const], org: uni.partnerId, sub: 'organiser-1' });
  const offeringUrl = (offeringId: string) => `${url}/app/partner/offerings/${offeringId}`;

  it.each(['phone', 'desktop'] as const)(
    'lists the offerings the partner delivers at %s width, accessible, without sideways scrolling',
    async (viewport) => {
      opened = await openAppPage(browser, `${url}/app/`, viewport, asPartner());
      const { page } = opened;
      await page.getByRole('link', { name: 'Offerings you deliver' }).click();
      await page.getByRole('heading', { name: 'Offerings you deliver' }).waitFor();
      const card = page.getByRole('listitem').filter({ hasText: 'App building in a day' });
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain('Open for enrolment');
      await checkPage(page, `web-app-partner-offerings-${viewport}`);
      await card.getByRole('link').click();
      await page.getByRole('heading', { name: 'Enrolments' }).waitFor();
      await checkPage(page, `web-app-partner-offering-${viewport}`);
      expect(opened.troubles).toEqual([]);
    },
  );

  it('enrols one learner by the form, showing the API’s field errors next to the field and keeping what was typed', async () => {
    opened = await openAppPage(browser, offeringUrl(uni.offeringId), 'phone', asPartner());
    const { page } = opened;
    const email = page.getByRole('textbox', { name: 'Email' });
    await email.fill('ada.example');
    await page.getByRole('textbox', { name: 'Given name' }).fill('<b>Ada</b>');
    await page.getByRole('textbox', { name: 'Family name' }).fill('Lovelace');
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await expect(waitForInvalid(page, 'Email')).resolves.toBe('true');
    expect(await page.getByRole('textbox', { name: 'Given name' }).inputValue()).toBe('<b>Ada</b>');
    await checkPage(page, 'web-app-partner-enrol-error-phone');
    await email.fill('ada@nhs.example');
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
    await page.getByText('<b>Ada</b> Lovelace is enrolled, seat 1.').waitFor();
    await page.getByRole('rowheader', { name: '<b>Ada</b> Lovelace' }).waitFor();
    expect(unexpected(opened.troubles, 400)).toEqual([]);
  });

  it('uploads a CSV of learners with progress shown, then the per-row report, downloadable', async () => {
    opened = await openAppPage(browser, offeringUrl(uni.offeringId), 'phone', asPartner());
    const { page } = opened;
    const people = [learner(1), learner(2), learner(3), learner(4)];
    const rows = people.map((p) => `${p.email},${p.givenName},${p.familyName}`);
    const csv = ['email,given name,family name', rows[0], rows[1], 'not-an-email,Bad,Row', rows[2], rows[3]];
    await page.getByLabel('CSV file of learners').setInputFiles({
      name: 'learners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n')),
    });
    await watchForElement(page, 'progress');
    await page.getByRole('button', { name: 'Upload' }).click();
    const report = page.getByRole('region', { name: 'Enrolment report' });
    await report.getByText('5 rows: 3 enrolled, 1 waitlisted, 0 already enrolled, 1 not valid.').waitFor();
    expect(await elementAppeared(page)).toBe(true);
    const invalid = report.getByRole('row').filter({ hasText: 'not-an-email' });
    expect(await invalid.textContent()).toContain('invalid');
    await page.getByRole('list').filter({ hasText: people[3]!.email }).waitFor();
    await checkPage(page, 'web-app-partner-upload-report-phone');
    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Download this report (CSV)' }).click();
    const saved = (await readFile(await (await download).path())).toString();
    expect(saved.split('\r\n')[0]).toBe('line,email,result,reason');
    expect(saved).toContain(`${people[3]!.email},waitlisted`);
    expect(saved).toMatch(/not-an-email,invalid,.+/);
    expect(opened.troubles).toEqual([]);
  });

  it('records one learner’s completion, then attendance for the rest of the offering at once', async () => {
    opened = await openAppPage(browser, offeringUrl(uni.offeringId), 'desktop', asPartner());
    const { page } = opened;
    const ada = page.getByRole('group', { name: '<b>Ada</b> Lovelace' });
    await ada.getByRole('radio', { name: 'Attended' }).check();
    await ada.getByRole('button', { name: 'Record for <b>Ada</b> Lovelace only' }).click();
    await page.getByText('Recorded for <b>Ada</b> Lovelace.').waitFor();
    await ada.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Mark everyone attended' }).click();
    const groups = page.getByRole('group');
    expect(await groups.count()).toBe(3);
    await groups.nth(2).getByRole('radio', { name: 'Did not attend' }).check();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    const report = page.getByRole('region', { name: 'Attendance report' });
    await report.getByText('3 rows: 3 recorded, 0 recorded already, 0 not valid.').waitFor();
    await page.getByText('No enrolled learner is waiting for their attendance to be recorded.').waitFor();
    await checkPage(page, 'web-app-partner-attendance-desktop');
    const enrolments = await ok(
      call(url, 'GET', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, { headers: uni.partner }),
    );
    const attendance = enrolments.items.map((e: { attendance?: string }) => e.attendance ?? 'none').sort();
    expect(attendance).toEqual(['attended', 'attended', 'attended', 'did-not-attend', 'none']);
    expect(opened.troubles).toEqual([]);
  });

  it('shows another organisation’s offering as "Page not found", as the API answers 404', async () => {
    opened = await openAppPage(browser, offeringUrl(otherUni.offeringId), 'phone', asPartner());
    await opened.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkPage(opened.page, 'web-app-partner-not-found-phone');
    expect(unexpected(opened.troubles, 404)).toEqual([]);
  });
});

/** The field's aria-invalid once the API's answer has come back. */
async function waitForInvalid(page: Page, label: string): Promise<string | null> {
  const field = page.getByRole('textbox', { name: label });
  await page.locator(`[aria-invalid="true"]`).first().waitFor();
  return field.getAttribute('aria-invalid');
}

/** Starts noting whether an element matching the selector appears (e.g. a short-lived progress bar). */
/** Troubles other than the browser's note of an API answer the test asked for (e.g. a 400 for a bad email). */
const unexpected = (troubles: string[], status: number) =>
  troubles.filter((trouble) => !trouble.includes(`the server responded with a status of ${status}`));
