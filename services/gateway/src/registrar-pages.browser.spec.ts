import { call, waitFor } from '@lib/testing';
import { didKeyOf } from '@lib/vc';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  completeAndRatify,
  completeWithProvisionalMark,
  credentialOf,
  defineAchievement,
  type IssuingServices,
} from '../../spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import {
  checkPage,
  openAppPage,
  type OpenedPage,
  startWebAppStack,
  type WebAppStack,
} from '../../spec-support/web-app';

type Provisional = Awaited<ReturnType<typeof completeWithProvisionalMark>>;

/** The exam board's pages of the web app in headless Chromium, against the real services behind the gateway. */
describe('web app: a registrar’s pages', () => {
  let stack: WebAppStack;
  let url: string;
  let urls: { enrolment: string; assessment: string; credentials: string };
  let recognitionUrl: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let uni: University;
  let other: University;
  /** A body whose partner's authorisation was withdrawn before a learner completed: the award is held. */
  let held: University;
  let heldLearner: { learnerId: string };
  let passing: Provisional;
  let failing: Provisional;
  let credential: { credentialId: string; jwt: string } | undefined;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials', 'recognition']);
    ({ url, browser } = stack);
    const enrolment = { url: stack.services.enrolment! };
    urls = stack.services as IssuingServices;
    recognitionUrl = stack.services.recognition!;
    [uni, other] = await Promise.all([setUpUniversity(enrolment.url), setUpUniversity(enrolment.url)]);
    // Two learners attended and were marked; their results wait for the exam board. Markup in a name shows as text.
    passing = await completeWithProvisionalMark(urls, uni, 68, {
      learner: { ...learner('p'), givenName: '<i>Ngozi</i>' },
    });
    failing = await completeWithProvisionalMark(urls, uni, 21, { learner: learner('f') });
    await defineAchievement(urls.credentials, uni);
    held = await setUpUniversity(enrolment.url);
    heldLearner = await completeAndRatify(urls, held, 75, {
      learner: learner('h'),
      beforeCompletion: () => withdrawAuthorisation(enrolment.url, held),
    });
    await waitFor(
      async () =>
        (await call(urls.credentials, 'GET', '/api/credentials/holds', { headers: held.registrar })).body
          .total > 0,
      { what: 'the award to be held', timeoutMs: 40_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const asRegistrar = (body: University = uni) => ({
    roles: ['registrar' as const],
    org: body.awardingBodyId,
  });
  const open = async (path: string, viewport: 'phone' | 'desktop' = 'desktop') => {
    opened = await openAppPage(browser, `${url}/app${path}`, viewport, asRegistrar());
    return opened.page;
  };
  /** The browser logs each refusal a spec provokes on purpose (400) and answers while a fact travels (404). */
  const unexpectedTroubles = () =>
    opened!.troubles.filter(
      (trouble) => !/Failed to load resource: the server responded with a status of (400|404)/.test(trouble),
    );
  /** Each page: as every page of the app must be, its screenshot named for the registrar's tour. */
  const checkRegistrarPage = (page: Page, name: string, viewport: 'phone' | 'desktop') =>
    checkPage(page, `web-app-registrar-${name}-${viewport}`);

  it.each(['phone', 'desktop'] as const)(
    'shows each page at %s width, accessible, without sideways scrolling',
    async (viewport) => {
      const page = await open('/', viewport);
      for (const link of ['Results awaiting ratification', 'Courses and achievements', 'Awards on hold'])
        await page.getByRole('link', { name: link }).waitFor();
      await checkRegistrarPage(page, 'start', viewport);

      await page.getByRole('link', { name: 'Results awaiting ratification' }).click();
      const card = page.getByRole('listitem').filter({ hasText: '2 provisional results' });
      await card.waitFor();
      await checkRegistrarPage(page, 'ratification', viewport);

      await card.getByRole('link', { name: /Review and ratify/ }).click();
      await page.getByRole('button', { name: 'Ratify 2 provisional results' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: '<i>Ngozi</i>' });
      expect(await row.textContent()).toMatch(/Project: 68.*68.*Pass.*Provisional/);
      expect(await page.getByRole('row').filter({ hasText: 'Givenf' }).textContent()).toMatch(/21.*Fail/);
      await checkRegistrarPage(page, 'offering', viewport);

      for (const [path, heading, name] of [
        ['/exam-board/holds', 'Awards on hold', 'holds'],
        ['/exam-board/credentials', 'Issued credentials', 'credentials'],
        ['/exam-board/courses', 'Courses and achievements', 'courses'],
        ['/exam-board/courses/new', 'Publish a course', 'new-course'],
        ['/exam-board/partners', 'Partners and offerings', 'partners'],
        ['/exam-board/claims', 'MSc credit claims', 'claims'],
        ['/exam-board/trust-list', 'Trust list', 'trust-list'],
      ] as const) {
        await page.goto(`${url}/app${path}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.locator('[aria-busy]').waitFor({ state: 'detached' });
        await checkRegistrarPage(page, name, viewport);
      }
      expect(opened!.troubles).toEqual([]);
    },
  );

  it('publishes a course, says it has no achievement, and defines one', async () => {
    const page = await open('/exam-board/courses/new', 'phone');
    const code = `R${randomUUID().slice(0, 6).toUpperCase()}`;
    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Title').fill('Safe prescribing apps');
    await page.getByRole('button', { name: 'Publish the course' }).click();
    // The API's field errors beside the fields; what was typed stays.
    await page.locator('.field--error').first().waitFor();
    expect(await page.getByLabel('Description').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Code').inputValue()).toBe(code);
    await checkRegistrarPage(page, 'new-course-errors', 'phone');

    await page.getByLabel('Description').fill('Design and test an app that supports safe prescribing.');
    await page.getByLabel('Learning outcomes').fill('Assess prescribing risks\nTest an app with pharmacists');
    await page.getByLabel('Notional hours').fill('30');
    await page.getByLabel('UK credits').fill('3');
    await page.getByLabel('Level in that framework').fill('7');
    await page.getByLabel('EQF level').fill('7');
    await page.getByRole('button', { name: 'Publish the course' }).click();

    const card = page.getByRole('listitem').filter({ hasText: code });
    await card
      .getByText('Passes on this course will not become credentials until you define its achievement.')
      .waitFor();
    await card.getByLabel('Criteria').fill('Attend the day and pass the assessed app.');
    await card.getByRole('button', { name: 'Define the achievement' }).click();
    // Sent again by itself while the course travels to credentials (web-app-travelling.spec.ts shows the rule;
    // here the course has usually arrived by the click).
    await card.getByText('(version 1)').waitFor({ timeout: 30_000 });
    const achievements = await call(urls.credentials, 'GET', '/api/credentials/achievements?pageSize=200', {
      headers: uni.registrar,
    });
    expect(achievements.body.items.map((a: { courseCode: string }) => a.courseCode)).toContain(code);
    await checkRegistrarPage(page, 'courses-defined', 'phone');
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('ratifies the offering’s provisional results in one action after a confirmation, by keyboard', async () => {
    const page = await open(`/exam-board/offerings/${uni.offeringId}`, 'desktop');
    const ratify = page.getByRole('button', { name: 'Ratify 2 provisional results' });
    await ratify.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ratify these results?' });
    await dialog.waitFor();
    await checkRegistrarPage(page, 'ratify-confirmation', 'desktop');
    // Focus starts on Cancel; the one before it is Ratify.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const outcome = page.getByRole('status').filter({ hasText: 'Ratified 2 results' });
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('<i>Ngozi</i> Familyp: 68, pass');
    await page.getByRole('row').filter({ hasText: 'Givenf' }).filter({ hasText: 'Ratified' }).waitFor();
    await checkRegistrarPage(page, 'ratified', 'desktop');

    credential = await credentialOf(urls.credentials, passing.learnerId);
    expect(credential?.credentialId).toMatch(/^urn:uuid:/);
    const results = await call(urls.assessment, 'GET', `/api/assessment/results/${failing.result.resultId}`, {
      headers: uni.registrar,
    });
    expect(results.body.status).toBe('ratified');
    expect(opened!.troubles).toEqual([]);
  });

  it('finds a credential by learner and by course, and revokes it from the results with a reason', async () => {
    expect(credential).toBeDefined();
    const page = await open('/exam-board/credentials', 'phone');
    const results = page.getByRole('list', { name: 'Credentials found' });
    // A learner id that is not one: the API's field error beside the field.
    await page.getByLabel('Learner id').fill('Ngozi');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('.field--error').waitFor();
    expect(await page.getByLabel('Learner id').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Learner id').fill(passing.learnerId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = results.getByRole('listitem').filter({ hasText: credential!.credentialId });
    await page
      .getByRole('status')
      .filter({ hasText: `Credential 1 of 1 for learner ${passing.learnerId}` })
      .waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    // Markup in the learner's name shows as text.
    await found.getByRole('heading', { name: '<i>Ngozi</i> Familyp' }).waitFor();
    expect(await found.textContent()).toMatch(
      /CourseC\w+ App building in a day.*5 credits, FHEQ level 7.*StatusValid/,
    );
    await checkRegistrarPage(page, 'credentials-by-learner', 'phone');

    await page.getByLabel('Learner id').fill('');
    await page.getByLabel('Course', { exact: true }).selectOption(uni.courseId);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Credential 1 of 1 on C\w+ App building in a day, newest first\.$/ })
      .waitFor();
    await found.waitFor();
    await checkRegistrarPage(page, 'credentials-by-course', 'phone');

    await found.getByRole('button', { name: /Change the status of/ }).click();
    // No reason: the API's field error beside the reason.
    await found.getByRole('button', { name: 'Revoke this credential' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this credential?' })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await found.locator('.field--error').waitFor();
    expect(await found.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');

    await found.getByLabel('Reason').fill('Awarded in error: the project was not the learner’s own.');
    await found.getByRole('button', { name: 'Revoke this credential' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this credential?' });
    expect(await dialog.textContent()).toContain('not the learner’s own');
    await checkRegistrarPage(page, 'revoke-confirmation', 'phone');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await found.getByText('A revoked credential stays revoked.').waitFor();
    expect(await found.textContent()).toMatch(
      /StatusRevoked since .*: Awarded in error: the project was not/,
    );
    await checkRegistrarPage(page, 'revoked', 'phone');

    const verified = await call(url, 'POST', '/api/credentials/verify', {
      body: { credential: credential!.jwt },
    });
    expect(verified.body.status).toBe('revoked');
    expect(unexpectedTroubles()).toEqual([]);

    // Another body's registrar finds none of them.
    await opened!.page.context().close();
    opened = await openAppPage(browser, `${url}/app/exam-board/credentials`, 'desktop', asRegistrar(other));
    await opened.page
      .getByRole('status')
      .filter({ hasText: 'Your awarding body has issued no credentials.' })
      .waitFor();
    expect(opened.troubles).toEqual([]);
  });

  it('authorises a partner for a course, with the API’s field errors first', async () => {
    const page = await open('/exam-board/partners', 'phone');
    await page.getByText(uni.partnerName).first().waitFor();
    await page.getByText('Authorise a partner').click();
    await page.getByRole('button', { name: 'Authorise the partner' }).click();
    await page.locator('.field--error').first().waitFor();
    expect(await page.getByLabel('From').getAttribute('aria-invalid')).toBe('true');
    await checkRegistrarPage(page, 'partners-errors', 'phone');
    await page.getByLabel('Partner organisation id').fill(other.partnerId);
    await page.getByLabel('From').fill('2027-01-01');
    await page.getByRole('button', { name: 'Authorise the partner' }).click();
    const granted = page.getByRole('listitem').filter({ hasText: other.partnerName });
    await granted.getByText('2027-01-01').waitFor();
    const listed = await call(urls.enrolment, 'GET', '/api/enrolment/authorisations', {
      headers: uni.registrar,
    });
    // The partner by its registered name, which a registrar could not read from the organisation itself.
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ partnerId: other.partnerId, partnerName: other.partnerName }),
    );
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('lists a held award with its reason, and the authorisation it names releases it', async () => {
    opened = await openAppPage(browser, `${url}/app/exam-board/holds`, 'phone', asRegistrar(held));
    const { page } = opened;
    const card = page.getByRole('listitem').filter({ hasText: 'Givenh Familyh' });
    await card.waitFor();
    expect(await card.textContent()).toMatch(
      /WhyThe delivering partner was not authorised by the awarding body/,
    );
    expect(await card.textContent()).toContain('What releases itAuthorise the delivering partner for');
    await checkRegistrarPage(page, 'holds-listed', 'phone');

    await page.goto(`${url}/app/exam-board/partners`);
    await page.getByText('Authorise a partner').click();
    await page.getByLabel('Partner organisation id').fill(held.partnerId);
    // From yesterday: on or before the learner's completion (today), and not the withdrawn grant's date.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(yesterday);
    await page.getByRole('button', { name: 'Authorise the partner' }).click();
    const granted = page
      .getByRole('listitem')
      .filter({ hasText: held.partnerName })
      .filter({ hasText: yesterday });
    await granted.getByText('Authorised', { exact: true }).waitFor();
    const issued = await credentialOf(urls.credentials, heldLearner.learnerId);
    expect(issued.credentialId).toMatch(/^urn:uuid:/);
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('shows an MSc claim’s proposal and approves its module with a reason', async () => {
    const level = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
    const programme = await ok(
      call(recognitionUrl, 'POST', '/api/recognition/programmes', {
        headers: held.registrar,
        body: {
          code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
          title: 'MSc Digital Health',
          credits: 180,
          level,
          modules: [
            {
              code: 'DH-APPS',
              title: 'Apps for care',
              credits: 5,
              level,
              rule: { combination: 'any', criteria: [{ kind: 'properties', minimumLevel: level }] },
            },
          ],
        },
      }),
    );
    const claim = await ok(
      call(recognitionUrl, 'POST', '/api/recognition/claims', {
        headers: held.registrar,
        body: { programmeId: programme.id, learnerId: heldLearner.learnerId },
      }),
    );
    const claimPath = `/api/recognition/claims/${claim.id}`;
    await waitFor(
      async () =>
        (
          await call(recognitionUrl, 'GET', claimPath, { headers: held.registrar })
        ).body.proposal?.modules.some((m: { exempt: boolean }) => m.exempt),
      { what: 'the learner’s credential to reach recognition', timeoutMs: 40_000 },
    );

    opened = await openAppPage(browser, `${url}/app/exam-board/claims`, 'phone', asRegistrar(held));
    const { page } = opened;
    // Listed as awaiting a decision; opening it by its id still works too.
    await page.getByRole('link', { name: new RegExp(`${programme.code} MSc Digital Health`) }).waitFor();
    await checkRegistrarPage(page, 'claims', 'phone');
    await page.getByLabel('Claim id').fill(claim.id);
    await page.getByRole('button', { name: 'Open the claim' }).click();
    await page.getByRole('heading', { name: /Claim for credit in MSC-.* MSc Digital Health/ }).waitFor();
    await page.getByText('Proposed for exemption: 5 credits.').waitFor();
    await page.getByRole('button', { name: 'Approve DH-APPS' }).click();
    await page.locator('.field--error').waitFor();
    await checkRegistrarPage(page, 'claim', 'phone');
    await page.getByLabel('Reason').fill('The credential meets the module’s outcomes.');
    await page.getByRole('button', { name: 'Approve DH-APPS' }).click();
    await page.getByText('Approved: The credential meets the module’s outcomes.').waitFor();
    await checkRegistrarPage(page, 'claim-decided', 'phone');
    const decided = await call(recognitionUrl, 'GET', claimPath, { headers: held.registrar });
    expect(decided.body.decisions).toEqual([
      expect.objectContaining({ moduleCode: 'DH-APPS', decision: 'approved' }),
    ]);

    await page.goto(`${url}/app/exam-board/claims/${randomUUID()}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('suspends a credential found by its id and reinstates it, verification following each', async () => {
    const issued = await credentialOf(urls.credentials, heldLearner.learnerId);
    const statusOf = async () =>
      (await call(url, 'POST', '/api/credentials/verify', { body: { credential: issued.jwt } })).body.status;
    opened = await openAppPage(browser, `${url}/app/exam-board/credentials`, 'desktop', asRegistrar(held));
    const { page } = opened;
    await page.getByText('Find one from a certificate or share link').click();
    await page
      .getByLabel('Certificate or share link, credential, or credential id')
      .fill(issued.credentialId);
    await page.getByRole('button', { name: 'Find the credential' }).click();
    const found = page.getByRole('region', { name: 'Credential' });
    await found.getByRole('definition').filter({ hasText: issued.credentialId }).waitFor();

    await found.getByRole('radio', { name: 'Suspend' }).check();
    await found.getByLabel('Reason').fill('Under investigation by the exam board.');
    await found.getByRole('button', { name: 'Suspend this credential' }).click();
    await page
      .getByRole('dialog', { name: 'Suspend this credential?' })
      .getByRole('button', { name: 'Suspend' })
      .click();
    await found.getByText('Suspended', { exact: true }).waitFor();
    expect(await statusOf()).toBe('suspended');
    await checkRegistrarPage(page, 'suspended', 'desktop');

    await found.getByRole('radio', { name: 'Reinstate' }).check();
    await found.getByLabel('Reason').fill('Investigation closed.');
    await found.getByRole('button', { name: 'Reinstate this credential' }).click();
    await page
      .getByRole('dialog', { name: 'Reinstate this credential?' })
      .getByRole('button', { name: 'Reinstate' })
      .click();
    await found.getByText('Valid', { exact: true }).waitFor();
    expect(await statusOf()).toBe('valid');
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('trusts an external issuer for the body’s verifications, and stops after a confirmation', async () => {
    const did = didKeyOf(generateKeyPairSync('ed25519').publicKey);
    const page = await open('/exam-board/trust-list', 'phone');
    await page.getByRole('button', { name: 'Trust this issuer' }).click();
    await page.locator('.field--error').first().waitFor();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Issuer id').fill(did);
    await page.getByLabel('Name').fill('<b>Open</b> University of the North');
    await page.getByRole('button', { name: 'Trust this issuer' }).click();
    const entry = page.getByRole('listitem').filter({ hasText: did });
    await entry.getByText('Your awarding body').waitFor();
    await checkRegistrarPage(page, 'trust-list-added', 'phone');
    const listPath = `/api/credentials/organisations/${uni.awardingBodyId}/trust-list?pageSize=200`;
    const listed = async () =>
      (await call(url, 'GET', listPath, { headers: uni.registrar })).body.items.map(
        (item: { issuerId: string }) => item.issuerId,
      );
    expect(await listed()).toContain(did);

    await entry.getByRole('button', { name: 'Stop trusting <b>Open</b> University of the North' }).click();
    await page
      .getByRole('dialog', { name: /Stop trusting/ })
      .getByRole('button', { name: 'Stop trusting' })
      .click();
    await entry.waitFor({ state: 'detached' });
    expect(await listed()).not.toContain(did);
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('shows another awarding body’s offering as not found', async () => {
    const page = await open(`/exam-board/offerings/${other.offeringId}`, 'desktop');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.getByText(other.offeringId).count()).toBe(0);
  });
});

/** Withdraws the university's partner authorisation from today, with the reason. */
async function withdrawAuthorisation(enrolment: string, body: University): Promise<void> {
  const listed = await ok(
    call(enrolment, 'GET', '/api/enrolment/authorisations', { headers: body.registrar }),
  );
  const [grant] = listed.items as { id: string }[];
  await ok(
    call(enrolment, 'POST', `/api/enrolment/authorisations/${grant!.id}/withdrawal`, {
      headers: body.registrar,
      body: { reason: 'The partner’s trainers changed.' },
    }),
  );
}
