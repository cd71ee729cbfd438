import {
  bearer,
  call,
  keepScreenshot,
  launchBrowser,
  seriousAccessibilityProblems,
  type RunningService,
  startTestService,
  testTopicPrefix,
} from '@lib/testing';
import type { INestApplication } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { assessmentService } from '../../assessment/src/assessment.definition';
import { credentialsService } from '../../credentials/src/credentials.definition';
import { enrolmentService } from '../../enrolment/src/enrolment.definition';
import { earnCredential } from '../../spec-support/credentials';
import { startTestGateway } from '../../spec-support/gateway';
import { learner, ok, setUpUniversity } from '../../spec-support/university';
import {
  pasteAndVerify,
  shownResult,
  sidewaysOverflow,
  uploadAndVerify,
} from '../../spec-support/verify-page';

type Earned = Awaited<ReturnType<typeof earnCredential>>;

/** The public verification page in headless Chromium, against the real services behind the gateway. */
describe('verification page in a browser', () => {
  const prefix = testTopicPrefix();
  let enrolment: RunningService;
  let assessment: RunningService;
  let credentials: RunningService;
  let gateway: INestApplication;
  let gatewayUrl: string;
  let browser: Browser;
  let page: Page;
  let troubles: string[];
  /** Alice's given name is markup, to show that nothing is injected as HTML; Bob's credential gets revoked. */
  let alice: Earned;
  let bob: Earned;
  let registrar: { authorization: string };
  let awardingBodyId: string;

  beforeAll(async () => {
    enrolment = await startTestService('enrolment', enrolmentService, { topicPrefix: prefix });
    assessment = await startTestService('assessment', assessmentService, { topicPrefix: prefix });
    credentials = await startTestService('credentials', credentialsService, { topicPrefix: prefix });
    ({ app: gateway, url: gatewayUrl } = await startTestGateway({
      enrolment: enrolment.url,
      assessment: assessment.url,
      credentials: credentials.url,
    }));
    browser = await launchBrowser();
    const uni = await setUpUniversity(enrolment.url, 5);
    registrar = uni.registrar;
    awardingBodyId = uni.awardingBodyId;
    const services = { enrolment: enrolment.url, assessment: assessment.url, credentials: credentials.url };
    [alice, bob] = await Promise.all([
      earnCredential(services, uni, 72, { ...learner('a'), givenName: '<img src=x onerror=alert(1)>' }),
      earnCredential(services, uni, 64),
    ]);
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await credentials?.stop();
    await assessment?.stop();
    await enrolment?.stop();
  });

  beforeEach(async () => {
    troubles = [];
    page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    // Script errors, dialogs (an injected alert) and Content-Security-Policy refusals all fail the test.
    page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      troubles.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) troubles.push(`console: ${message.text()}`);
    });
  });

  afterEach(async () => {
    await page.close();
    expect(troubles).toEqual([]);
  });

  const learnerPath = (earned: Earned, rest: string) =>
    `/api/credentials/learners/me/credentials/${earned.credential.credentialId}${rest}`;
  const asLearner = (earned: Earned) => bearer('learner', { sub: earned.learnerId });

  it('shows a pasted valid credential as valid, with its course and credits, and moves focus to the result', async () => {
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await pasteAndVerify(page, alice.credential.jwt);
    expect(shown).toMatchObject({ status: 'valid', title: 'Result: Valid', focused: true });
    expect(shown.facts).toMatchObject({
      Course: expect.stringContaining('App building in a day'),
      Credits: '5 UK credits',
      Level: 'FHEQ level 7 (EQF level 7)',
    });
    expect(shown.checks.length).toBeGreaterThan(3);
    expect(shown.checks.join('\n')).toContain('Passed');
  });

  it('checks the holder’s email when one is given', async () => {
    await page.goto(`${gatewayUrl}/verify`);
    await page.getByLabel('The holder’s email address').fill(bob.learner.email);
    const matched = await pasteAndVerify(page, bob.credential.jwt);
    expect(matched.checks.find((check) => check.includes('Holder'))).toMatch(/Passed/);
    await page.getByLabel('The holder’s email address').fill('someone.else@nhs.example');
    const other = await pasteAndVerify(page, bob.credential.jwt);
    expect(other.status).toBe('invalid');
    expect(other.checks.find((check) => check.includes('Holder'))).toMatch(/Failed/);
  });

  it('shows markup in a credential as text, never as HTML', async () => {
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await pasteAndVerify(page, alice.credential.jwt);
    expect(shown.facts.Learner).toBe(`<img src=x onerror=alert(1)> ${alice.learner.familyName}`);
    expect(await page.locator('#result img').count()).toBe(0);
  });

  it('shows a revoked credential as revoked, with the reason the registrar gave', async () => {
    const path = `/api/credentials/credentials/${bob.credential.credentialId}/revocation`;
    await ok(call(gatewayUrl, 'POST', path, { headers: registrar, body: { reason: 'Awarded in error' } }));
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await pasteAndVerify(page, bob.credential.jwt);
    expect(shown).toMatchObject({ status: 'revoked', title: 'Result: Revoked' });
    expect(shown.banner).toContain('Why: Awarded in error');
    expect(shown.banner).toMatch(/not rely|withdrawn|revoked/i);
  });

  it('shows a learner record (CLR 2.0) with each credential it holds and that one’s own result', async () => {
    const made = await ok(
      call(credentials.url, 'POST', '/api/credentials/learners/me/clr', {
        headers: asLearner(alice),
        body: { awardingBodyId },
      }),
    );
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await pasteAndVerify(page, made.record.jwt);
    expect(shown.status).toBe('valid');
    expect(shown.banner).toContain('The credential it holds verifies.');
    expect(await page.locator('#held-heading').textContent()).toBe('Credentials this record holds');
    const held = page.locator('#result .held__item');
    expect(await held.count()).toBe(1);
    expect(await held.first().getAttribute('data-status')).toBe('valid');
    expect(await held.first().textContent()).toContain('App building in a day');
    // Alice's name is markup, shown in the held credential's facts as text.
    expect(await held.first().textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('#result img').count()).toBe(0);
  });

  it('checks the PDF certificate uploaded as a file', async () => {
    const pdf = await fetch(`${gatewayUrl}${learnerPath(alice, '/download?format=pdf')}`, {
      headers: asLearner(alice),
    });
    expect(pdf.status).toBe(200);
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await uploadAndVerify(page, {
      name: 'certificate.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await pdf.arrayBuffer()),
    });
    expect(shown).toMatchObject({ status: 'valid', focused: true });
    expect(shown.facts.Course).toContain('App building in a day');
  });

  it('checks the downloaded .json file', async () => {
    const json = await ok(
      call(gatewayUrl, 'GET', learnerPath(alice, '/download?format=json'), { headers: asLearner(alice) }),
    );
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await uploadAndVerify(page, {
      name: 'credential.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    expect(shown).toMatchObject({ status: 'valid', facts: { Credits: '5 UK credits' } });
  });

  it('checks an offline bundle uploaded as a file, saying when its statuses were last known', async () => {
    const bundle = await ok(
      call(gatewayUrl, 'GET', learnerPath(alice, '/download?format=bundle'), { headers: asLearner(alice) }),
    );
    const upload = (content: unknown) =>
      uploadAndVerify(page, {
        name: 'credential.bundle.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(content)),
      });
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await upload(bundle);
    expect(shown).toMatchObject({ status: 'valid', focused: true, facts: { Credits: '5 UK credits' } });
    expect(shown.banner).toContain('Offline bundle: revocation and suspension as last known at');
    expect(shown.banner).toContain('checked against our trust list and records, not against the file itself');
    expect(shown.banner).not.toContain('Warning');
    expect(shown.checks.find((check) => check.includes('Not revoked'))).toMatch(/Passed.*Last known at/s);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await keepScreenshot(page, 'verify-page-offline-bundle');

    const renamed = structuredClone(bundle);
    renamed.issuer.profile.name = 'Another University';
    const tampered = await upload(renamed);
    expect(tampered).toMatchObject({ status: 'invalid', title: 'Result: Not valid' });
    expect(tampered.checks[0]).toContain('The issuer profile was altered after the bundle was sealed.');
  });

  it('opens a share link straight to its result, without a click', async () => {
    const link = await ok(
      call(gatewayUrl, 'POST', learnerPath(alice, '/share-links'), { headers: asLearner(alice) }),
    );
    const shared = new URL(link.url);
    expect(`${shared.origin}${shared.pathname}`).toBe('http://localhost:3000/verify');
    await page.goto(`${gatewayUrl}${shared.pathname}${shared.search}`);
    const shown = await shownResult(page);
    expect(shown).toMatchObject({ status: 'valid', facts: { Credits: '5 UK credits' } });
    expect(shown.facts.Learner).toContain(alice.learner.familyName);
  });

  it('says in plain words that a withdrawn or mistyped share link does not work', async () => {
    const link = await ok(
      call(gatewayUrl, 'POST', learnerPath(alice, '/share-links'), { headers: asLearner(alice) }),
    );
    const withdrawal = `/api/credentials/learners/me/share-links/${link.token}/withdrawal`;
    expect((await call(gatewayUrl, 'POST', withdrawal, { headers: asLearner(alice) })).status).toBe(204);
    for (const token of [link.token, link.token.slice(0, 20)]) {
      await page.goto(`${gatewayUrl}/verify?share=${token}`);
      const shown = await shownResult(page);
      expect(shown).toMatchObject({ status: undefined, title: 'This link does not work', focused: true });
      expect(shown.banner).toContain('withdrawn');
    }
  });

  it('shows pasted text that is not a credential as not valid, and which check it failed', async () => {
    await page.goto(`${gatewayUrl}/verify`);
    const shown = await pasteAndVerify(page, 'not a credential');
    expect(shown).toMatchObject({ status: 'invalid', title: 'Result: Not valid', focused: true });
    expect(shown.checks[0]).toMatch(/^✗ Failed/);
  });

  it('fits a 375-pixel-wide phone screen without sideways scrolling, before and after a result', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${gatewayUrl}/verify`);
    expect(await sidewaysOverflow(page)).toBe(0);
    const shown = await pasteAndVerify(page, alice.credential.jwt);
    expect(shown.status).toBe('valid');
    expect(await sidewaysOverflow(page)).toBe(0);
  });
});
