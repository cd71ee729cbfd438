import { tokenTimeProblem, type TokenTimeClaims } from './token-times';

const NOW = 1_800_000_000;
const policy = { maxLifetimeSeconds: 3600, clockSkewSeconds: 30 };

describe('tokenTimeProblem', () => {
  it.each<[string, TokenTimeClaims]>([
    ['an hour from issue', { iat: NOW, exp: NOW + 3600 }],
    ['issued a minute ago for an hour', { iat: NOW - 60, exp: NOW + 3540 }],
    ['issued within the clock skew ahead of us', { iat: NOW + 30, nbf: NOW + 30, exp: NOW + 600 }],
    ['expired within the clock skew', { iat: NOW - 600, exp: NOW - 29 }],
    ['without iat, an hour left', { exp: NOW + 3600 }],
    ['without iat, an hour and the skew left', { exp: NOW + 3630 }],
    ['valid from now', { iat: NOW, nbf: NOW, exp: NOW + 60 }],
  ])('accepts a token %s', (_, claims) => {
    expect(tokenTimeProblem(claims, NOW, policy)).toBeUndefined();
  });

  it.each<[string, TokenTimeClaims, string | RegExp]>([
    [
      'without exp',
      { iat: NOW },
      'the token has no expiry time (exp); tokens that never expire are not accepted',
    ],
    ['with exp as text', { iat: NOW, exp: String(NOW + 60) }, "the token's exp is not a time in seconds"],
    ['with iat as text', { iat: 'now', exp: NOW + 60 }, "the token's iat is not a time in seconds"],
    ['with nbf as null', { nbf: null, exp: NOW + 60 }, "the token's nbf is not a time in seconds"],
    ['expired beyond the skew', { iat: NOW - 600, exp: NOW - 31 }, /^the token expired at 2027-/],
    ['not valid yet', { iat: NOW, nbf: NOW + 31, exp: NOW + 600 }, /^the token is not valid before 2027-/],
    [
      'issued in the future',
      { iat: NOW + 31, exp: NOW + 600 },
      /in the future; check the identity provider's clock$/,
    ],
    [
      'living a second too long',
      { iat: NOW, exp: NOW + 3601 },
      'the token lives 3601 s (exp - iat), longer than the 3600 s accepted',
    ],
    [
      'issued long ago for a year',
      { iat: NOW - 86400, exp: NOW + 365 * 86400 },
      /^the token lives \d+ s \(exp - iat\)/,
    ],
    [
      'without iat, with more than an hour and the skew left',
      { exp: NOW + 3631 },
      'the token has no iat and expires in 3631 s, later than the 3600 s accepted',
    ],
  ])('refuses a token %s', (_, claims, problem) => {
    const found = tokenTimeProblem(claims, NOW, policy);
    if (typeof problem === 'string') expect(found).toBe(problem);
    else expect(found).toMatch(problem);
  });

  it('uses the configured maximum and skew', () => {
    const strict = { maxLifetimeSeconds: 300, clockSkewSeconds: 0 };
    expect(tokenTimeProblem({ iat: NOW, exp: NOW + 301 }, NOW, strict)).toMatch(/longer than the 300 s/);
    expect(tokenTimeProblem({ iat: NOW + 1, exp: NOW + 60 }, NOW, strict)).toMatch(/in the future/);
    expect(tokenTimeProblem({ iat: NOW, exp: NOW }, NOW, strict)).toMatch(/expired/);
  });
});
