import { bearer, call } from '@lib/testing';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { pdfToPng } from '../../spec-support/rendered-pdf';
import { ok } from '../../spec-support/university';
import { shownResult } from '../../spec-support/verify-page';
import {
  checkPage,
  elementAppeared,
  startWebAppStack,
  watchForElement,
  type WebAppStack,
} from '../../spec-support/web-app';

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
const RENDERS = join(process.cwd(), '.run', 'artefacts', 'journey');

/**
 * The whole path through the web app, each person signing in at the development identity provider as people do and
 * using only the pages: the exam board sets up a course and offers it through a partner, the partner enrols learners
 * from a CSV and records attendance, an assessor marks in the grid, the exam board ratifies, a learner downloads and
 * shares the credential, an employer verifies it, the exam board revokes it, and a second learner's MSc credit claim
 * is approved. Only the organisations (an administrator's job, with no page) and the MSc programme are made through
 * the API beforehand.
 */
describe('web app: one journey through every role, by the pages alone', () => {
  let stack: WebAppStack;
  let browser: Browser;
  let university: { id: string; name: string };
  let partner: { id: string; name: string };
  const code = `JRN${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const title = 'Data in a day';
  // A name in another script, and a second learner for the MSc claim.
  const learners = [
    { email: `meiling-${code.toLowerCase()}@nhs.example`, givenName: '美玲', familyName: '诸葛' },
    { email: `tomas-${code.toLowerCase()}@nhs.example`, givenName: 'Tomás', familyName: 'Ó Súilleabháin' },
  ];
  const nameOf = (n: 0 | 1) => `${learners[n]!.givenName} ${learners[n]!.familyName}`;
  let shareLink: string;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials', 'recognition'], {
      signIn: true,
    });
    browser = stack.browser;
    const admin = bearer('admin');
    const organisation = (kind: string, name: string) =>
      ok(call(stack.url, 'POST', '/api/enrolment/organisations', { headers: admin, body: { kind, name } }));
    university = await organisation('awarding-body', `University of Leeds ${code}`);
    partner = await organisation('partner', `Code4Health Leeds ${code}`);
    await ok(
      call(stack.url, 'POST', '/api/recognition/programmes', {
        headers: bearer('registrar', { org: university.id }),
        body: {
          code: `MSC-${code}`,
          title: 'MSc Health Informatics',
          credits: 180,
          level: LEVEL_7,
          modules: [
            {
              code: 'HI-701',
              title: 'Working with health data',
              credits: 5,
              level: LEVEL_7,
              rule: { combination: 'any', criteria: [{ kind: 'properties', minimumLevel: LEVEL_7 }] },
            },
          ],
        },
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('the exam board sets up a course, its achievement and assessment, authorises the partner and offers it', async () => {
    const { page, context } = await signedIn('Registrar', university.id);
    await page.getByRole('link', { name: 'Courses and achievements' }).click();
    await page.getByRole('link', { name: 'Publish a course' }).click();
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('Find, clean and present NHS data in one day.');
    await page.getByLabel('Learning outcomes').fill('Clean a real data set\nPresent a finding to clinicians');
    await page.getByLabel('Notional hours').fill('50');
    await page.getByLabel('UK credits').fill('5');
    await page.getByLabel('Level in that framework').fill('7');
    await page.getByLabel('EQF level').fill('7');
    await page.getByRole('button', { name: 'Publish the course' }).click();

    const card = page.getByRole('listitem').filter({ hasText: code });
    await card
      .getByText('Passes on this course will not become credentials until you define its achievement.')
      .waitFor();
    await card.getByLabel('Criteria').fill('Attend the day and pass the assessed analysis.');
    await card.getByRole('button', { name: 'Define the achievement' }).click();
    await card.getByText('(version 1)').waitFor({ timeout: 30_000 });

    await card.getByText('Assessment scheme').click();
    await card.getByLabel('Component 1 name').fill('Analysis');
    await card.getByRole('button', { name: 'Set the assessment scheme' }).click();
    await card.getByText('100% of the mark, passed at 40').waitFor({ timeout: 30_000 });
    await checkPage(page, 'journey-registrar-course-desktop');

    await page.goto(`${stack.url}/app/exam-board/partners`);
    await page.getByText('Authorise a partner').click();
    await page.getByLabel('Partner organisation id').fill(partner.id);
    await page
      .getByLabel('Course')
      .first()
      .selectOption({ label: `${code} ${title}` });
    await page.getByLabel('From').fill(isoDate(-1));
    await page.getByRole('button', { name: 'Authorise the partner' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: partner.name })
      .getByText('Authorised', { exact: true })
      .waitFor();

    await page.getByText('Offer a course').click();
    const offer = page.locator('form').filter({ hasText: 'Delivered by' });
    await offer.getByLabel('Course').selectOption({ label: `${code} ${title}` });
    await offer.getByLabel('Delivered by').selectOption(partner.id);
    await offer.getByLabel('First day').fill(isoDate(0));
    await offer.getByLabel('Last day').fill(isoDate(0));
    await offer.getByLabel('Where').fill('Leeds General Infirmary');
    await offer.getByLabel('Places').fill('20');
    await offer.getByLabel('Enrolment opens').fill(`${isoDate(-1)}T09:00`);
    await offer.getByLabel('Enrolment closes').fill(`${isoDate(2)}T17:00`);
    await offer.getByRole('button', { name: 'Create the offering and open enrolment' }).click();
    const offering = page
      .getByRole('listitem')
      .filter({ hasText: `${code} ${title}` })
      .filter({ hasText: 'Open for enrolment' });
    await offering.waitFor();
    await checkPage(page, 'journey-registrar-offering-desktop');
    await context.close();
  });

  it('the partner enrols the learners from a CSV, with progress and a report, and records attendance', async () => {
    const { page, context } = await signedIn('Partner', partner.id, 'phone');
    await page.getByRole('link', { name: 'Offerings you deliver' }).click();
    await page.getByRole('listitem').filter({ hasText: title }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Enrolments' }).waitFor();
    const csv = [
      'email,given name,family name',
      ...learners.map((l) => `${l.email},${l.givenName},${l.familyName}`),
    ];
    await page.getByLabel('CSV file of learners').setInputFiles({
      name: 'learners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.join('\n')),
    });
    await watchForElement(page, 'progress');
    await page.getByRole('button', { name: 'Upload' }).click();
    const report = page.getByRole('region', { name: 'Enrolment report' });
    await report.getByText('2 rows: 2 enrolled, 0 waitlisted, 0 already enrolled, 0 not valid.').waitFor();
    expect(await elementAppeared(page)).toBe(true);
    await checkPage(page, 'journey-partner-enrolled-phone');

    await page.getByRole('button', { name: 'Mark everyone attended' }).click();
    await page.getByRole('button', { name: 'Record attendance' }).click();
    const attendance = page.getByRole('region', { name: 'Attendance report' });
    await attendance.getByText('2 rows: 2 recorded, 0 recorded already, 0 not valid.').waitFor();
    await context.close();
  });

  it('an assessor of the partner marks both learners in the grid, by keyboard', async () => {
    const { page, context } = await signedIn('Assessor', partner.id);
    await page.getByRole('link', { name: 'Offerings to mark' }).click();
    await page.getByRole('listitem').filter({ hasText: title }).getByRole('link').click();
    const first = page.getByRole('textbox', { name: `Analysis mark for ${nameOf(0)}` });
    // The grid appears once assessment has heard of the offering and its learners.
    await first.waitFor({ timeout: 30_000 });
    await page.getByRole('textbox', { name: `Analysis mark for ${nameOf(1)}` }).waitFor({ timeout: 30_000 });
    await first.focus();
    await page.keyboard.type('72');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('64');
    await page.keyboard.press('Enter');
    await page.getByText('2 of 2 recorded.').waitFor();
    await checkPage(page, 'journey-assessor-recorded-desktop');
    await context.close();
  });

  it('the exam board ratifies both results in one confirmed action', async () => {
    const { page, context } = await signedIn('Registrar', university.id);
    await page.getByRole('link', { name: 'Results awaiting ratification' }).click();
    const card = page.getByRole('listitem').filter({ hasText: title });
    await card.getByText('2 provisional results').waitFor({ timeout: 30_000 });
    await card.getByRole('link', { name: /Review and ratify/ }).click();
    await page.getByRole('button', { name: 'Ratify 2 provisional results' }).click();
    await page
      .getByRole('dialog', { name: 'Ratify these results?' })
      .getByRole('button', { name: 'Ratify' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Ratified 2 results' }).waitFor();
    await context.close();
  });

  it('the learner sees the credential, downloads the certificate and makes a share link; an employer sees it valid', async () => {
    const { page, context } = await signedIn('Learner', partner.id, 'phone', nameOf(0));
    await page.getByRole('heading', { name: 'Signed in as Learner' }).waitFor();
    await page.getByRole('link', { name: 'Your credentials', exact: true }).click();
    // Issuing follows ratification by an event: the learner, like anyone, looks again.
    const card = page.getByRole('listitem').filter({ hasText: title });
    await untilShown(page, card);
    await card.getByText('5 UK credits').first().waitFor();
    await checkPage(page, 'journey-learner-credential-phone');

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Certificate (PDF)' }).click();
    const pdf = readFileSync(await (await download).path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync(RENDERS, { recursive: true });
    writeFileSync(join(RENDERS, 'certificate.pdf'), pdf);
    const png = PNG.sync.read(
      readFileSync(await pdfToPng(join(RENDERS, 'certificate.pdf'), join(RENDERS, 'certificate'))),
    );
    const printed = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
    // The QR code on the certificate opens the credential's verification on the public origin.
    expect(printed.startsWith(`${stack.url}/verify?share=`)).toBe(true);

    await card.getByRole('button', { name: 'Make a share link' }).click();
    shareLink = await card.getByRole('textbox', { name: 'Link' }).last().inputValue();
    expect(shareLink.startsWith(`${stack.url}/verify?share=`)).toBe(true);
    await context.close();

    const employer = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    const verifying = await employer.newPage();
    await verifying.goto(shareLink);
    const shown = await shownResult(verifying);
    expect(shown).toMatchObject({ status: 'valid', title: 'Result: Valid' });
    expect(shown.facts.Learner).toContain(learners[0]!.familyName);
    await employer.close();
  });

  it('the exam board revokes it with a reason, and the employer’s page then says revoked', async () => {
    const { page, context } = await signedIn('Registrar', university.id);
    await page.getByRole('link', { name: /^Credentials: search/ }).click();
    await page.getByLabel('Course', { exact: true }).selectOption({ label: `${code} ${title}` });
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page
      .getByRole('list', { name: 'Credentials found' })
      .getByRole('listitem')
      .filter({ hasText: learners[0]!.familyName });
    await found.getByText('Valid').waitFor();
    await found.getByRole('button', { name: /Change the status of/ }).click();
    await found.getByLabel('Reason').fill('Awarded in error: the analysis was not the learner’s own.');
    await found.getByRole('button', { name: 'Revoke this credential' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this credential?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await found.getByText('A revoked credential stays revoked.').waitFor();
    await checkPage(page, 'journey-registrar-revoked-desktop');
    await context.close();

    const employer = await browser.newContext({ viewport: { width: 375, height: 740 } });
    const verifying = await employer.newPage();
    await verifying.goto(shareLink);
    expect(await shownResult(verifying)).toMatchObject({ status: 'revoked', title: 'Result: Revoked' });
    await employer.close();
  });

  it('the second learner claims MSc credit, the exam board approves it, and the learner sees the standing', async () => {
    const learner = await signedIn('Learner', partner.id, 'phone', nameOf(1));
    await learner.page.getByRole('link', { name: 'MSc credit for your credentials' }).click();
    const programme = learner.page.getByRole('link', { name: 'MSc Health Informatics' });
    await programme.click();
    // Recognition hears of the credential from its event; until then the module cannot be credited.
    await untilShown(
      learner.page,
      learner.page.getByText(/HI-701 Working with health data: your credentials could count/),
    );
    await learner.page.getByRole('button', { name: 'Claim credit with my credentials' }).click();
    await learner.page.getByText('Proposed for 5 credits.').waitFor();
    await learner.page.getByText('Awaiting the exam board’s decision').waitFor();
    const claimUrl = learner.page.url();

    // The claim's address opened by the other learner, or by a partner organiser, is a page not found.
    const otherLearner = await signedIn('Learner', partner.id, 'phone', nameOf(0));
    await otherLearner.page.goto(claimUrl);
    await otherLearner.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await otherLearner.context.close();
    const organiser = await signedIn('Partner', partner.id);
    await organiser.page.goto(claimUrl);
    await organiser.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await organiser.page.goto(`${stack.url}/app/exam-board/claims`);
    await organiser.page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await organiser.context.close();

    const registrar = await signedIn('Registrar', university.id);
    await registrar.page.getByRole('link', { name: 'MSc credit claims' }).click();
    await registrar.page
      .getByRole('list', { name: 'Claims awaiting a decision' })
      .getByRole('listitem')
      .filter({ hasText: `MSC-${code}` })
      .getByRole('link')
      .click();
    const decision = registrar.page.getByRole('form', { name: 'Decide HI-701' });
    await decision.getByLabel('Reason').fill('Meets the module’s outcomes.');
    await decision.getByRole('button', { name: 'Approve HI-701' }).click();
    await registrar.page.getByText('Approved: Meets the module’s outcomes.').waitFor();
    await checkPage(registrar.page, 'journey-registrar-claim-desktop');
    await registrar.context.close();

    await learner.page.reload();
    await learner.page.getByText('Approved by the exam board: Meets the module’s outcomes.').waitFor();
    await learner.page.goto(`${stack.url}/app/msc`);
    await learner.page.getByRole('link', { name: 'MSc Health Informatics' }).click();
    await learner.page.getByText('5 of at most 60 credits recognised so far.').waitFor();
    await checkPage(learner.page, 'journey-learner-standing-phone');
    await learner.context.close();
  });

  /** A fresh browser signed in at the development provider: a role of an organisation, or a learner by name. */
  async function signedIn(
    role: 'Registrar' | 'Partner' | 'Assessor' | 'Learner',
    organisationId: string,
    viewport: 'phone' | 'desktop' = 'desktop',
    learnerName?: string,
  ): Promise<{ page: Page; context: BrowserContext }> {
    const size = viewport === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 900 };
    const context = await browser.newContext({ viewport: size, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}/app/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel(role, { exact: true }).check();
    await page.getByLabel('Organisation').selectOption(organisationId);
    await page.getByRole('button', { name: 'Continue' }).click();
    if (learnerName) {
      await page.getByLabel(learnerName).check();
      await page.getByRole('button', { name: 'Sign in' }).click();
    }
    await page.getByRole('heading', { name: /^Signed in as/ }).waitFor();
    return { page, context };
  }
});

/** A date `days` from today, as `YYYY-MM-DD`. */
function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Reloads the page, as a person would, until what an event brings has arrived and shows. */
async function untilShown(page: Page, shown: Locator): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    await page.waitForLoadState('networkidle');
    if ((await shown.count()) > 0) return;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await shown.first().waitFor({ timeout: 1000 });
}
