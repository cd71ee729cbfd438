import { call, keepScreenshot, seriousAccessibilityProblems, sidewaysScroll } from '@lib/testing';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { earnCredential, type IssuingServices } from '../../spec-support/credentials';
import { testWallet } from '../../spec-support/test-wallet';
import { learner, setUpUniversity, type University } from '../../spec-support/university';
import { openAppPage, type OpenedPage, startWebAppStack, type WebAppStack } from '../../spec-support/web-app';

type Earned = Awaited<ReturnType<typeof earnCredential>>;

/** A learner's pages of the web app in headless Chromium, against the real services behind the gateway. */
describe('web app: a learner’s credentials', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let opened: OpenedPage | undefined;
  let earned: Earned;
  let uni: University;
  let urls: IssuingServices;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials']);
    ({ url, browser } = stack);
    urls = stack.services as IssuingServices;
    uni = await setUpUniversity(urls.enrolment, 5);
    // Markup in a name must show as text.
    earned = await earnCredential(urls, uni, 72, { ...learner('w'), givenName: '<b>Ada</b>' });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
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
      await card
        .first()
        .getByText(/^Valid: issued by a trusted issuer/)
        .waitFor();
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

  it('sends the credential to a wallet: a QR code, a wallet link and an exchange a wallet completes once', async () => {
    opened = await openAppPage(browser, `${url}/app/credentials`, 'phone', asLearner());
    const { page } = opened;
    await page.getByRole('button', { name: 'Send to a wallet' }).click();
    await page.getByRole('img', { name: 'QR code to receive this credential in your wallet' }).waitFor();
    const walletLink = await page
      .getByRole('link', { name: 'Open in Learner Credential Wallet' })
      .getAttribute('href');
    expect(walletLink).toMatch(/^dccrequest:\/\/request\?request=/);
    const exchangeUrl = await page
      .getByRole('textbox', { name: 'Exchange URL, for another VC-API wallet' })
      .inputValue();
    expect(
      JSON.parse(new URL(walletLink!.replace('dccrequest:', 'https:')).searchParams.get('request')!),
    ).toEqual({
      credentialRequestOrigin: expect.any(String),
      protocols: { vcapi: exchangeUrl },
    });
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await keepScreenshot(page, 'web-app-learner-wallet-offer-phone');

    // The wallet, through the gateway: DIDAuth, then the credential bound to its DID; the offer is then used.
    const wallet = testWallet();
    const exchange = `${url}${new URL(exchangeUrl).pathname}`;
    const asked = await call(exchange, 'POST', '', { body: {} });
    expect(asked.status).toBe(200);
    const presentation = await wallet.didAuth(asked.body.verifiablePresentationRequest);
    const delivered = await call(exchange, 'POST', '', { body: { verifiablePresentation: presentation } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.verifiablePresentation.verifiableCredential[0].credentialSubject.id).toBe(
      wallet.did,
    );
    expect((await call(exchange, 'POST', '', { body: {} })).status).toBe(410);
    expect(opened.troubles).toEqual([]);
  });

  it('serves the OpenID4VCI issuer metadata where OpenID4VCI 1.0 looks for them, on the public origin', async () => {
    for (const document of ['openid-credential-issuer', 'oauth-authorization-server']) {
      const answer = await fetch(`${url}/.well-known/${document}/api/credentials/oid4vci`);
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { credential_issuer?: string; issuer?: string };
      expect(body.credential_issuer ?? body.issuer).toMatch(/\/api\/credentials\/oid4vci$/);
    }
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
