import { call } from '@lib/testing';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as client from 'openid-client';
import {
  authorisationRequest,
  type SignInStack,
  startSignInStack,
  startTestDevIdentity,
  webAppClient,
} from '../../spec-support/dev-identity';
import { choicesFor, FormBrowser, type Visit } from '../../spec-support/form-browser';
import { learner, ok, setUpUniversity, type University } from '../../spec-support/university';

const partOf = (jwt: string, index: number): Record<string, any> =>
  JSON.parse(Buffer.from(jwt.split('.')[index]!, 'base64url').toString('utf8'));
const claimsOf = (jwt: string) => partOf(jwt, 1);

/**
 * The development sign-in provider (oidc-provider) on the real stack: the web app's authorisation code flow with
 * PKCE run by openid-client, the sign-in form submitted as a browser would, and the access token used on the API.
 */
describe('development sign-in (OpenID Connect, authorisation code with PKCE)', () => {
  let stack: SignInStack;
  let gateway: { url: string };
  let issuer: string;
  let callback: string;
  let rp: client.Configuration;
  let uni: University;
  let learnerId: string;
  let browser: FormBrowser;

  beforeAll(async () => {
    stack = await startSignInStack();
    ({ gateway, issuer, callback } = stack);
    rp = await webAppClient(issuer);
    uni = await setUpUniversity(stack.enrolment.url);
    const enrolled = await ok(
      call(stack.enrolment.url, 'POST', `/api/enrolment/offerings/${uni.offeringId}/enrolments`, {
        headers: uni.partner,
        body: { learner: { ...learner('oidc'), givenName: 'Aisha', familyName: 'Khan' } },
      }),
    );
    learnerId = enrolled.learnerId;
  }, 120_000);

  afterAll(() => stack?.stop());

  beforeEach(() => {
    browser = new FormBrowser((url) => url.startsWith(callback));
  });

  /** Starts a sign-in and follows it to the provider's sign-in page. */
  const openSignIn = async () => {
    const request = await authorisationRequest(rp, callback);
    const page = await browser.get(request.url);
    return { request, page };
  };
  const exchange = (arrived: Visit, request: { verifier: string; state: string }) =>
    client.authorizationCodeGrant(rp, new URL(arrived.url), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
  const api = (path: string, accessToken: string) =>
    call(gateway.url, 'GET', path, { headers: { authorization: `Bearer ${accessToken}` } });

  it('signs a registrar in; the access token names the role and organisation, and the API accepts it', async () => {
    const { request, page } = await openSignIn();
    expect(page.status).toBe(200);
    expect(page.url).toMatch(new RegExp(`^${issuer}/interaction/`));
    expect(page.html).toContain('<h1>Sign in</h1>');
    expect(choicesFor(page.html, 'role')).toEqual(['admin', 'registrar', 'partner', 'assessor', 'learner']);
    expect(choicesFor(page.html, 'organisation')).toEqual(
      expect.arrayContaining([uni.awardingBodyId, uni.partnerId]),
    );

    const arrived = await browser.submit(page, { role: 'registrar', organisation: uni.awardingBodyId });
    expect(arrived.url).toMatch(new RegExp(`^${callback}\\?code=`));
    const tokens = await exchange(arrived, request);

    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    const access = claimsOf(tokens.access_token);
    expect(access).toMatchObject({
      iss: issuer,
      aud: 'credit-bridge',
      sub: `dev-registrar-${uni.awardingBodyId}`,
      roles: ['registrar'],
      org: uni.awardingBodyId,
      client_id: 'credit-bridge-web',
    });
    expect(partOf(tokens.access_token, 0)).toMatchObject({ typ: 'at+jwt', alg: 'ES256' });
    expect(access.exp - access.iat).toBe(900);
    expect(tokens.claims()).toMatchObject({ iss: issuer, aud: 'credit-bridge-web', sub: access.sub });

    const organisations = await api('/api/enrolment/organisations', tokens.access_token);
    expect(organisations.status).toBe(200);
    expect(organisations.body.items.map((o: any) => o.id)).toEqual([uni.awardingBodyId]);
    const course = await api(`/api/enrolment/courses/${uni.courseId}`, tokens.access_token);
    expect(course.status).toBe(200);
  });

  it('gives the same API token to a client asking only for openid profile (the API is the default resource)', async () => {
    const request = await authorisationRequest(rp, callback, 'openid profile');
    const page = await browser.get(request.url);
    const tokens = await exchange(
      await browser.submit(page, { role: 'assessor', organisation: uni.partnerId }),
      request,
    );
    expect(claimsOf(tokens.access_token)).toMatchObject({
      aud: 'credit-bridge',
      roles: ['assessor'],
      org: uni.partnerId,
    });
    expect((await api(`/api/enrolment/offerings/${uni.offeringId}`, tokens.access_token)).status).toBe(200);
  });

  it('signs a learner in by organisation, then learner: the subject is their learner id', async () => {
    const { request, page } = await openSignIn();
    const learners = await browser.submit(page, { role: 'learner', organisation: uni.partnerId });
    expect(learners.status).toBe(200);
    expect(learners.html).toContain('Aisha Khan');
    expect(choicesFor(learners.html, 'learner')).toEqual([learnerId]);

    const arrived = await browser.submit(learners, { learner: learnerId });
    const tokens = await exchange(arrived, request);
    const access = claimsOf(tokens.access_token);
    expect(access).toMatchObject({ sub: learnerId, roles: ['learner'] });
    expect(access.org).toBeUndefined();
    expect(tokens.claims()).toMatchObject({ sub: learnerId, name: 'Aisha Khan' });
    const me = await api('/api/enrolment/learners/me', tokens.access_token);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(learnerId);
  });

  it('shows the form again with what was wrong, field by field', async () => {
    const { page } = await openSignIn();
    const noRole = await browser.submit(page, {});
    expect(noRole.status).toBe(400);
    expect(noRole.html).toContain('<a href="#role">Choose a role</a>');
    expect(noRole.html).toContain('<title>Error: Sign in');

    const wrongKind = await browser.submit(noRole, { role: 'registrar', organisation: uni.partnerId });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.html).toContain('A registrar works for an awarding body');

    const unknown = await browser.submit(wrongKind, { role: 'partner', organisation: 'not-an-organisation' });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('Choose an organisation from the list');

    const learners = await browser.submit(unknown, { role: 'learner', organisation: uni.awardingBodyId });
    const noLearner = await browser.submit(learners, {});
    expect(noLearner.status).toBe(400);
    expect(noLearner.html).toContain('<a href="#learner">Choose a learner</a>');
  });

  it('refuses a code exchanged with the wrong PKCE verifier, and a request without PKCE', async () => {
    const { request, page } = await openSignIn();
    const arrived = await browser.submit(page, { role: 'partner', organisation: uni.partnerId });
    const wrong = { ...request, verifier: client.randomPKCECodeVerifier() };
    await expect(exchange(arrived, wrong)).rejects.toMatchObject({ error: 'invalid_grant' });

    const withoutPkce = client.buildAuthorizationUrl(rp, { redirect_uri: callback, scope: 'openid api' });
    const refused = new URL((await browser.get(withoutPkce.toString())).url);
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('error_description')).toMatch(/requires PKCE/);

    const verifier = client.randomPKCECodeVerifier();
    const plain = client.buildAuthorizationUrl(rp, {
      redirect_uri: callback,
      scope: 'openid api',
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    const plainRefused = new URL((await browser.get(plain.toString())).url);
    expect(plainRefused.searchParams.get('error')).toBe('invalid_request');
    expect(plainRefused.searchParams.get('error_description')).toMatch(/code_challenge_method/);
  });

  it('signs out: the session ends, and the next sign-in asks who you are again', async () => {
    const first = await openSignIn();
    const tokens = await exchange(
      await browser.submit(first.page, { role: 'admin', organisation: '' }),
      first.request,
    );
    expect(claimsOf(tokens.access_token)).toMatchObject({ sub: 'dev-admin', roles: ['admin'] });
    expect(claimsOf(tokens.access_token).org).toBeUndefined();
    // Signed in: a second sign-in comes straight back with a code.
    const again = await authorisationRequest(rp, callback);
    expect((await browser.get(again.url)).url).toMatch(new RegExp(`^${callback}\\?code=`));

    const signOut = client.buildEndSessionUrl(rp, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: `${gateway.url}/app/`,
    });
    const confirm = await browser.get(signOut.toString());
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Yes, sign me out');
    const signedOut = await browser.submit(confirm, { logout: 'yes' });
    expect(signedOut.url).toBe(`${gateway.url}/app/`);

    const afterwards = await openSignIn();
    expect(afterwards.page.url).toMatch(new RegExp(`^${issuer}/interaction/`));
    expect(afterwards.page.html).toContain('<h1>Sign in</h1>');
  });

  it('says when a sign-in has expired, and when the enrolment service cannot be read', async () => {
    const expired = await browser.get(`${issuer}/interaction/no-such-interaction`);
    expect(expired.status).toBe(400);
    expect(expired.html).toContain('Sign-in expired');

    const cut = await startTestDevIdentity({ enrolmentUrl: 'http://127.0.0.1:9', publicOrigin: gateway.url });
    try {
      const request = await authorisationRequest(await webAppClient(cut.issuer), callback);
      const unavailable = await browser.get(request.url);
      expect(unavailable.status).toBe(503);
      expect(unavailable.html).toContain('http://127.0.0.1:9/api/enrolment/organisations');
    } finally {
      await cut.provider.stop();
    }
  });

  it("answers the web app's origin across origins (a code exchanged from the browser), and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${issuer}/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight(gateway.url);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(gateway.url);
    const other = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: 'x',
        client_id: 'credit-bridge-web',
      }),
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses to start in production, or beside a real identity provider', () => {
    const main = join(__dirname, '..', '..', '..', 'dist', 'services', 'dev-identity', 'src', 'main.js');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [main], { env: { ...process.env, PORT: '0', ...env }, encoding: 'utf8' });
    const production = run({ NODE_ENV: 'production' });
    expect(production.status).toBe(1);
    expect(production.stderr).toContain(
      'NODE_ENV is production: the development sign-in provider never runs',
    );
    const realProvider = run({ NODE_ENV: 'development', AUTH_ISSUER: 'https://login.example.ac.uk' });
    expect(realProvider.status).toBe(1);
    expect(realProvider.stderr).toContain('AUTH_JWKS_URL or AUTH_ISSUER is set');
  });
});
