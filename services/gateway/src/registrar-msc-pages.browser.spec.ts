import { bearer, call, waitFor } from '@lib/testing';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { defineAchievement, earnCredential, type IssuingServices } from '../../spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import {
  checkPage,
  openAppPage,
  type OpenedPage,
  startWebAppStack,
  type WebAppStack,
} from '../../spec-support/web-app';

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

/**
 * The exam board's MSc pages in headless Chromium, against the real services behind the gateway: a programme
 * created, a module with its rule added, and a learner's claim found in the list and approved.
 */
describe('web app: a registrar’s MSc programmes and claims', () => {
  let stack: WebAppStack;
  let url: string;
  let recognitionUrl: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let uni: University;
  let other: University;
  let earned: { learnerId: string; learner: { email: string }; achievementId: string };

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials', 'recognition']);
    ({ url, browser } = stack);
    const urls = stack.services as IssuingServices;
    recognitionUrl = stack.services.recognition!;
    [uni, other] = await Promise.all([
      setUpUniversity(stack.services.enrolment!),
      setUpUniversity(stack.services.enrolment!),
    ]);
    await defineAchievement(urls.credentials, uni);
    const { learnerId, learner: details, credential } = await earnCredential(urls, uni, 72, learner('m'));
    earned = {
      learnerId,
      learner: details,
      achievementId: payloadOf(credential.jwt).credentialSubject.achievement.id,
    };
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const open = async (path: string, viewport: 'phone' | 'desktop' = 'desktop', body = uni) => {
    opened = await openAppPage(browser, `${url}/app${path}`, viewport, {
      roles: ['registrar'],
      org: body.awardingBodyId,
    });
    return opened.page;
  };
  /** The browser logs each refusal a spec provokes on purpose (400) and a foreign programme's 404. */
  const unexpectedTroubles = () =>
    opened!.troubles.filter(
      (trouble) => !/Failed to load resource: the server responded with a status of (400|404)/.test(trouble),
    );
  const checkMscPage = (page: Page, name: string, viewport: 'phone' | 'desktop') =>
    checkPage(page, `web-app-registrar-msc-${name}-${viewport}`);
  const settled = (page: Page) => page.locator('[aria-busy]').waitFor({ state: 'detached' });

  /** A programme of the body made through the API, for the pages to show. */
  const programmeByApi = (body: University, title: string, modules: unknown[] = []) =>
    ok(
      call(recognitionUrl, 'POST', '/api/recognition/programmes', {
        headers: body.registrar,
        body: {
          code: `MSC-${randomUUID().slice(0, 6).toUpperCase()}`,
          title,
          credits: 180,
          level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
          modules,
        },
      }),
    );

  it('creates a programme, adds a module with its rule, and changes the rule, with the API’s errors by the fields', async () => {
    const page = await open('/', 'phone');
    await page.getByRole('link', { name: 'MSc programmes, modules and rules' }).click();
    await page.getByRole('heading', { name: 'MSc programmes, modules and rules' }).waitFor();
    await page.getByRole('link', { name: 'Create a programme' }).click();

    const code = `MSC-${randomUUID().slice(0, 5).toUpperCase()}`;
    await page.getByLabel('Code').fill('msc lower');
    await page.getByLabel('Credits', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Create the programme' }).click();
    await page.locator('.field--error').first().waitFor();
    expect(await page.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Credits', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkMscPage(page, 'new-programme-errors', 'phone');

    await page.getByLabel('Code').fill(code);
    await page.getByLabel('Title').fill('MSc <b>Digital</b> Health');
    await page.getByLabel('Credits', { exact: true }).fill('180');
    await page.getByLabel('Most credits by recognition').fill('60');
    await page.getByRole('button', { name: 'Create the programme' }).click();
    // Markup in a title shows as text.
    await page.getByRole('heading', { name: `${code} MSc <b>Digital</b> Health` }).waitFor();
    await page.getByText('No modules yet').waitFor();

    const form = page.getByRole('form', { name: 'Add a module' });
    await form.getByLabel('Module code').fill('dh apps');
    await form.getByLabel('Module title').fill('Apps for care');
    await form.getByRole('button', { name: 'Add a criterion' }).click();
    await form.getByLabel('Achievement id').fill('not an address');
    await form.getByRole('button', { name: 'Add the module' }).click();
    await form.locator('.field--error').first().waitFor();
    expect(await form.getByLabel('Module code').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Achievement id').getAttribute('aria-invalid')).toBe('true');
    await checkMscPage(page, 'module-errors', 'phone');

    await form.getByLabel('Module code').fill('DH-APPS');
    await form.getByLabel('Achievement id').fill(earned.achievementId);
    await form.getByRole('button', { name: 'Add the module' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'DH-APPS Apps for care' });
    await card.getByText(`Any one of: the achievement ${earned.achievementId}`).waitFor();
    expect(await form.getByLabel('Module code').inputValue()).toBe('');

    await card.getByRole('button', { name: 'Change the rule for DH-APPS' }).click();
    await card.getByRole('button', { name: 'Add a criterion' }).click();
    await card.getByLabel('Kind').nth(1).selectOption('properties');
    await card.getByLabel('Minimum credits').fill('5');
    await card.getByLabel('Field of study').fill('Digital health');
    await card.getByLabel('How the criteria combine').selectOption('all');
    await checkMscPage(page, 'rule', 'phone');
    await card.getByRole('button', { name: 'Save the rule for DH-APPS' }).click();
    await card
      .getByText(/^All of: the achievement .* · a credential at least 5 credits, in Digital health$/)
      .waitFor();

    const programmes = (
      await call(recognitionUrl, 'GET', '/api/recognition/programmes?pageSize=200', {
        headers: uni.registrar,
      })
    ).body.items.filter((programme: { code: string }) => programme.code === code);
    expect(programmes).toHaveLength(1);
    const saved = await ok(
      call(recognitionUrl, 'GET', `/api/recognition/programmes/${programmes[0].id}`, {
        headers: uni.registrar,
      }),
    );
    expect(saved).toMatchObject({
      title: 'MSc <b>Digital</b> Health',
      policy: { maxRecognitionCredits: 60 },
      modules: [
        {
          code: 'DH-APPS',
          rule: {
            combination: 'all',
            criteria: [
              { kind: 'achievement', achievementId: earned.achievementId },
              { kind: 'properties', minimumCredits: 5, fieldOfStudy: 'Digital health' },
            ],
          },
        },
      ],
    });

    // Another body's programme is not this registrar's to manage: the page is not found.
    const theirs = await programmeByApi(other, 'MSc Elsewhere');
    await page.goto(`${url}/app/exam-board/programmes/${theirs.id}`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(unexpectedTroubles()).toEqual([]);
  });

  it('lists a learner’s claim awaiting a decision, and approves it through the claim’s page', async () => {
    const level = { framework: 'FHEQ', level: 7, eqfLevel: 7 };
    const programme = await programmeByApi(uni, 'MSc Health Informatics', [
      {
        code: 'HI-APPS',
        title: 'Apps for care',
        credits: 15,
        level,
        rule: {
          combination: 'any',
          criteria: [{ kind: 'achievement', achievementId: earned.achievementId }],
        },
      },
    ]);
    const learnerHeaders = bearer('learner', { sub: earned.learnerId });
    const claim = await ok(
      call(recognitionUrl, 'POST', '/api/recognition/claims', {
        headers: learnerHeaders,
        body: { programmeId: programme.id },
      }),
    );
    await waitFor(
      async () =>
        (
          await call(recognitionUrl, 'GET', `/api/recognition/claims/${claim.id}`, {
            headers: learnerHeaders,
          })
        ).body.proposal?.modules.some((m: { exempt: boolean }) => m.exempt),
      { what: 'the learner’s credential to reach recognition', timeoutMs: 40_000 },
    );

    const page = await open('/exam-board/claims', 'phone');
    const listed = page
      .getByRole('list', { name: 'Claims awaiting a decision' })
      .getByRole('listitem')
      .filter({ hasText: programme.code });
    await listed.getByText('HI-APPS: 15 credits').waitFor();
    await listed
      .getByRole('link', { name: `${earned.learner.email}: ${programme.code} MSc Health Informatics` })
      .waitFor();
    await checkMscPage(page, 'claims', 'phone');

    await listed.getByRole('link').click();
    await page
      .getByRole('heading', { name: `Claim for credit in ${programme.code} MSc Health Informatics` })
      .waitFor();
    await page.getByLabel('Reason').fill('The credential meets the module’s outcomes.');
    await page.getByRole('button', { name: 'Approve HI-APPS' }).click();
    await page.getByText('Approved: The credential meets the module’s outcomes.').waitFor();

    // Every module decided: the claim has left the list.
    await page.goto(`${url}/app/exam-board/claims`);
    await settled(page);
    expect(await page.getByRole('listitem').filter({ hasText: programme.code }).count()).toBe(0);
    const decided = await ok(
      call(recognitionUrl, 'GET', '/api/recognition/claims?state=decided', { headers: uni.registrar }),
    );
    expect(decided.items.map((item: { id: string }) => item.id)).toContain(claim.id);
    expect(unexpectedTroubles()).toEqual([]);
  });

  it.each(['phone', 'desktop'] as const)(
    'shows the MSc pages at %s width, accessible, without sideways scrolling',
    async (viewport) => {
      const programme = await programmeByApi(uni, 'MSc Clinical Safety', [
        {
          code: 'CS-RISK',
          title: 'Clinical risk management',
          credits: 15,
          level: { framework: 'FHEQ', level: 7, eqfLevel: 7 },
          rule: { combination: 'any', criteria: [{ kind: 'properties', minimumCredits: 10 }] },
        },
      ]);
      await ok(
        call(recognitionUrl, 'POST', '/api/recognition/claims', {
          headers: bearer('learner', { sub: earned.learnerId }),
          body: { programmeId: programme.id },
        }),
      );
      const page = await open('/exam-board/programmes', viewport);
      await page.getByRole('link', { name: `${programme.code} MSc Clinical Safety` }).waitFor();
      await checkMscPage(page, 'programmes', viewport);
      for (const [path, heading, name] of [
        ['/exam-board/programmes/new', 'Create a programme', 'new-programme'],
        [`/exam-board/programmes/${programme.id}`, `${programme.code} MSc Clinical Safety`, 'programme'],
        ['/exam-board/claims', 'MSc credit claims', 'claims'],
      ] as const) {
        await page.goto(`${url}/app${path}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        await settled(page);
        await checkMscPage(page, name, viewport);
      }
      await page.getByRole('listitem').filter({ hasText: programme.code }).waitFor();
      expect(opened!.troubles).toEqual([]);
    },
  );
});
