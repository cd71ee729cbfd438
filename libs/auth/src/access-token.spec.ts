import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidTokenError, type TokenExpectations, verifyAccessToken } from './access-token';
import { DEV_AUDIENCE, DEV_ISSUER, DevIdentityProvider } from './dev-identity-provider';
import { KeySet } from './key-set';

const idp = new DevIdentityProvider(mkdtempSync(join(tmpdir(), 'idp-')));
const keys = new KeySet({ file: idp.jwksFile });
const expected = {
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  maxLifetimeSeconds: 3600,
  clockSkewSeconds: 30,
};
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  iss: DEV_ISSUER,
  aud: DEV_AUDIENCE,
  sub: 'u-1',
  roles: ['registrar'],
  org: 'o-1',
  iat: now(),
  exp: now() + 600,
  ...extra,
});
const refusal = (token: string, expectations: TokenExpectations = expected) =>
  verifyAccessToken(token, keys, expectations).then(
    () => 'accepted',
    (error: unknown) => (error instanceof InvalidTokenError ? error.message : `unexpected: ${String(error)}`),
  );

describe('verifyAccessToken', () => {
  it('accepts what the development identity provider mints, by default for the longest lifetime accepted', async () => {
    const token = idp.mint({ roles: ['registrar'], org: 'o-1', sub: 'u-1' });
    await expect(verifyAccessToken(token, keys, expected)).resolves.toEqual({
      sub: 'u-1',
      roles: ['registrar'],
      org: 'o-1',
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it.each<[string, Record<string, unknown>, string | RegExp]>([
    [
      'no exp',
      { exp: undefined },
      'the token has no expiry time (exp); tokens that never expire are not accepted',
    ],
    // iat and exp both fixed here: the table is built when the file loads, and the test may run seconds later.
    ['a lifetime over the maximum', { iat: now(), exp: now() + 3601 }, /longer than the 3600 s accepted$/],
    [
      'a year without iat',
      { iat: undefined, exp: now() + 365 * 86400 },
      /^the token has no iat and expires in/,
    ],
    ['an nbf in the future', { nbf: now() + 120 }, /^the token is not valid before /],
    ['an iat in the future', { iat: now() + 120, exp: now() + 600 }, /issued at .+, in the future/],
    ['an exp in the past', { iat: now() - 600, exp: now() - 60 }, /^the token expired at /],
    ['another audience', { aud: 'someone-else' }, 'jwt audience invalid. expected: credit-bridge'],
    ['no audience', { aud: undefined }, 'jwt audience invalid. expected: credit-bridge'],
    [
      'another issuer',
      { iss: 'https://elsewhere.example' },
      'jwt issuer invalid. expected: credit-bridge-dev-idp',
    ],
  ])('refuses a token with %s', async (_, extra, problem) => {
    const message = await refusal(idp.sign(claims(extra)));
    if (typeof problem === 'string') expect(message).toBe(problem);
    else expect(message).toMatch(problem);
  });

  it('checks the audience the service is configured with', async () => {
    const configured = { ...expected, audience: 'https://credits.example.ac.uk' };
    expect(await refusal(idp.mint({ roles: ['admin'] }), configured)).toBe(
      'jwt audience invalid. expected: https://credits.example.ac.uk',
    );
    expect(
      await refusal(idp.mint({ roles: ['admin'], audience: 'https://credits.example.ac.uk' }), configured),
    ).toBe('accepted');
  });

  it('applies the configured maximum lifetime', async () => {
    const short = { ...expected, maxLifetimeSeconds: 300 };
    expect(await refusal(idp.mint({ roles: ['admin'], expiresInSeconds: 300 }), short)).toBe('accepted');
    expect(await refusal(idp.mint({ roles: ['admin'], expiresInSeconds: 301 }), short)).toMatch(
      /longer than the 300 s accepted$/,
    );
  });
  it("accepts the development sign-in provider's issuer only when configured, beside the usual one", async () => {
    const signInIssuer = 'http://localhost:3005';
    const fromSignIn = idp.sign(claims({ iss: signInIssuer }));
    expect(await refusal(fromSignIn)).toBe(`jwt issuer invalid. expected: ${DEV_ISSUER}`);
    expect(await refusal(fromSignIn, { ...expected, signInIssuer })).toBe('accepted');
    expect(await refusal(idp.sign(claims()), { ...expected, signInIssuer })).toBe('accepted');
    expect(
      await refusal(idp.sign(claims({ iss: 'http://localhost:3006' })), { ...expected, signInIssuer }),
    ).toBe(`jwt issuer invalid. expected: ${DEV_ISSUER},${signInIssuer}`);
  });
});
