import { bearer, call, waitFor } from '@lib/testing';
import { jwtPayloadOf, summariseCredential } from '@lib/vc';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { earnCredential } from '../../spec-support/credentials';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';
import {
  checkPage,
  openAppPage,
  type OpenedPage,
  startWebAppStack,
  type WebAppStack,
} from '../../spec-support/web-app';

type Services = Required<WebAppStack['services']>;
type Earned = Awaited<ReturnType<typeof earnCredential>>;

const LEVEL_7 = { framework: 'FHEQ', level: 7, eqfLevel: 7 };

/**
 * The learner's learning record page (CLR 2.0) in headless Chromium against the real services behind the gateway:
 * a record made, listed with what it holds, downloaded and verified; a new one after MSc credit is approved
 * supersedes it; another learner sees none of it.
 */
describe('web app: a learner’s learning record', () => {
  let stack: WebAppStack;
  let url: string;
  let browser: Browser;
  let services: Services;
  let opened: OpenedPage | undefined;
  let uni: University;
  let earned: Earned;
  /** The awarding body's name, as its credentials are signed with it. */
  let bodyName: string;

  beforeAll(async () => {
    stack = await startWebAppStack(['enrolment', 'assessment', 'credentials', 'recognition']);
    ({ url, browser } = stack);
    services = stack.services as Services;
    uni = await setUpUniversity(services.enrolment, 5);
    earned = await earnCredential(services, uni, 70);
    bodyName = summariseCredential(jwtPayloadOf(earned.credential.jwt)).awardingBody!;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  const verify = (credential: unknown) =>
    ok(call(url, 'POST', '/api/credentials/verify', { body: { credential } }));
  const recordCards = (page: Page) =>
    page.getByRole('region', { name: 'Your records' }).getByRole('listitem');

  async function downloaded(page: Page, button: string): Promise<string> {
    const download = page.waitForEvent('download');
    await recordCards(page).first().getByRole('button', { name: button }).click();
    return (await readFile(await (await download).path())).toString();
  }

  it('makes a record, lists it with its counts, downloads it verifiable, and a new one after MSc credit supersedes it', async () => {
    opened = await openAppPage(browser, `${url}/app/record`, 'phone', {
      roles: ['learner'],
      sub: earned.learnerId,
    });
    const { page } = opened;
    await page.getByRole('heading', { name: 'Your learning record' }).waitFor();
    await page.getByText('You have not made a record yet.').waitFor();
    const body = page.getByRole('listitem').filter({ hasText: 'Credentials from them: 1.' });
    await body.getByRole('heading', { name: bodyName }).waitFor();

    await body.getByRole('button', { name: `Make a record from ${bodyName}` }).click();
    await body.getByText(`Your new record from ${bodyName} is first in Your records below.`).waitFor();
    const first = recordCards(page).first();
    await first.getByRole('heading', { name: `Record from ${bodyName}` }).waitFor();
    await first.getByText('Current: your newest record from this awarding body').waitFor();
    const facts = await first.textContent();
    expect(facts).toContain('Credentials1 credential');
    expect(facts).toContain('CoursesApp building in a day');
    expect(facts).toContain('MSc creditNone approved yet');
    await checkPage(page, 'web-app-learner-record-phone');

    // The files: the signed record verifies through the public verification API, with the credential it holds.
    const jwt = (await downloaded(page, 'Signed record (.jwt)')).trim();
    const checked = await verify(jwt);
    expect([checked.status, checked.heldCredentials.map((held: any) => held.status)]).toEqual([
      'valid',
      ['valid'],
    ]);
    const json = JSON.parse(await downloaded(page, 'Record (.json)'));
    expect(json.jwt).toBe(jwt);
    expect(json.credential.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    const firstId: string = json.credential.id;
    // The Data Integrity form and the offline bundle verify through the same API.
    const proved = JSON.parse(await downloaded(page, 'Data Integrity (.json)'));
    expect(proved.proof).toMatchObject({ cryptosuite: 'eddsa-rdfc-2022' });
    expect((await verify(proved)).status).toBe('valid');
    const bundle = JSON.parse(await downloaded(page, 'Offline bundle'));
    expect(bundle.contents.map((part: any) => part.kind)).toEqual(['clr', 'credential']);
    expect((await verify(bundle)).heldCredentials.map((held: any) => held.status)).toEqual(['valid']);
    // Asked again unchanged: the same record, said so.
    await body.getByRole('button', { name: `Make a record from ${bodyName}` }).click();
    await body.getByText(/^Nothing has changed since your current record from/).waitFor();
    expect(await recordCards(page).count()).toBe(1);

    // The change: the exam board approves MSc credit for the credential; the credentials service hears of it.
    await approveMscCredit(services, uni, earned.learnerId);
    await waitFor(
      async () => {
        const make = body.getByRole('button', { name: `Make a record from ${bodyName}` });
        await make.click();
        // Disabled while the request runs: enabled again, the answer is the one to this click.
        await body.locator('button:enabled').waitFor();
        const said = await body.getByRole('status').textContent();
        return said?.startsWith('Your new record') || undefined;
      },
      { what: 'a new record once the MSc credit has arrived', timeoutMs: 40_000, intervalMs: 1000 },
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await recordCards(page).nth(1).waitFor();
    expect(await recordCards(page).count()).toBe(2);
    const newest = recordCards(page).first();
    await newest.getByText('Current: your newest record from this awarding body').waitFor();
    expect(await newest.textContent()).toContain('MSc credit5 credits approved');
    expect(await newest.textContent()).toContain('ModulesMSC-REC module DH-701: 5 credits');
    await recordCards(page)
      .nth(1)
      .getByText(/^Superseded on .+ by a newer record: verifiers see it as revoked$/)
      .waitFor();
    await checkPage(page, 'web-app-learner-record-desktop');
    // A verifier of the first record's file sees it is no longer the learner's record.
    expect((await verify(jwt)).status).toBe('revoked');
    const second = JSON.parse(await downloaded(page, 'Record (.json)'));
    expect(second.credential.id).not.toBe(firstId);
    expect((await verify(second.jwt)).status).toBe('valid');
    expect(opened.troubles).toEqual([]);
  });

  it('shows another learner none of those records, and says why it cannot make one from a revoked credential', async () => {
    const other = await earnCredential(services, uni, 62, learner('r'));
    const path = `/api/credentials/credentials/${encodeURIComponent(other.credential.credentialId)}/revocation`;
    await ok(
      call(services.credentials, 'POST', path, {
        headers: uni.registrar,
        body: { reason: 'Awarded in error.' },
      }),
    );
    opened = await openAppPage(browser, `${url}/app/record`, 'phone', {
      roles: ['learner'],
      sub: other.learnerId,
    });
    const { page } = opened;
    await page.getByText('You have not made a record yet.').waitFor();
    const body = page.getByRole('listitem').filter({ hasText: 'Credentials from them: 1.' });
    await body.getByRole('button', { name: `Make a record from ${bodyName}` }).click();
    await body
      .getByRole('alert')
      .getByText(
        'You hold no credentials in good standing from this awarding body, so there is no record to make.',
      )
      .waitFor();
    await checkPage(page, 'web-app-learner-record-refused-phone');
    expect(await recordCards(page).count()).toBe(0);

    // Nor through the API: the first learner's records are not theirs to list or download (404, as for none).
    const mine = await ok(
      call(url, 'GET', '/api/credentials/learners/me/clr', {
        headers: bearer('learner', { sub: earned.learnerId }),
      }),
    );
    expect(mine.total).toBe(2);
    const theirs = bearer('learner', { sub: other.learnerId });
    expect((await ok(call(url, 'GET', '/api/credentials/learners/me/clr', { headers: theirs }))).total).toBe(
      0,
    );
    const download = `/api/credentials/learners/me/clr/${encodeURIComponent(mine.items[0].credentialId)}/download`;
    expect((await call(url, 'GET', `${download}?format=jwt`, { headers: theirs })).status).toBe(404);
    // The browser notes the refusal it was asked to show; nothing else went wrong.
    const refusal = 'Failed to load resource: the server responded with a status of 422';
    expect(opened.troubles.filter((trouble) => !trouble.includes(refusal))).toEqual([]);
  });
});

/** An MSc programme whose module the learner's credential meets, their claim, and the exam board's approval. */
async function approveMscCredit(services: Services, uni: University, learnerId: string): Promise<void> {
  const recognition = services.recognition;
  const programme = await ok(
    call(recognition, 'POST', '/api/recognition/programmes', {
      headers: uni.registrar,
      body: {
        code: 'MSC-REC',
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
  // Recognition hears of the credential from its event.
  await waitFor(
    async () => {
      const path = `/api/recognition/learners/me/programmes/${programme.id}`;
      const standing = await ok(call(recognition, 'GET', path, { headers: learner }));
      return standing.remaining.some((m: any) => m.couldBeCreditedNow) || undefined;
    },
    { what: 'recognition to know the credential' },
  );
  const claim = await ok(
    call(recognition, 'POST', '/api/recognition/claims', {
      headers: learner,
      body: { programmeId: programme.id },
    }),
  );
  await ok(
    call(recognition, 'POST', `/api/recognition/claims/${claim.id}/decisions`, {
      headers: uni.registrar,
      body: { moduleCode: 'DH-701', decision: 'approve', reason: 'Meets the module’s outcomes.' },
    }),
  );
}
