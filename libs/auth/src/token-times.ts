/** How long an access token may live, and how far the identity provider's clock may be from ours. */
export interface TokenTimePolicy {
  /** The longest lifetime accepted: `exp - iat`, or `exp - now` for a token without `iat`. */
  readonly maxLifetimeSeconds: number;
  /** Allowed difference between the identity provider's clock and ours, for `exp`, `nbf` and `iat`. */
  readonly clockSkewSeconds: number;
}

export const DEFAULT_TOKEN_TIME_POLICY: TokenTimePolicy = { maxLifetimeSeconds: 3600, clockSkewSeconds: 30 };

/** The time claims of a token's payload, as sent (any JSON value). */
export interface TokenTimeClaims {
  readonly exp?: unknown;
  readonly nbf?: unknown;
  readonly iat?: unknown;
}

/**
 * Why a token's times make it unacceptable now, or undefined when they are fine. `exp` is required: a token that
 * never expires is a credential for ever once it leaks. A token without `iat` is judged by what remains of its life,
 * since when it was issued is unknown.
 */
export function tokenTimeProblem(
  claims: TokenTimeClaims,
  nowSeconds: number,
  policy: TokenTimePolicy,
): string | undefined {
  const { exp, nbf, iat } = claims;
  const skew = policy.clockSkewSeconds;
  if (exp === undefined)
    return 'the token has no expiry time (exp); tokens that never expire are not accepted';
  for (const [name, value] of [
    ['exp', exp],
    ['nbf', nbf],
    ['iat', iat],
  ] as const) {
    if (value !== undefined && !isNumericDate(value)) return `the token's ${name} is not a time in seconds`;
  }
  const expiry = exp as number;
  if (expiry <= nowSeconds - skew) return `the token expired at ${isoTime(expiry)}`;
  if (typeof nbf === 'number' && nbf > nowSeconds + skew)
    return `the token is not valid before ${isoTime(nbf)}`;
  if (typeof iat === 'number' && iat > nowSeconds + skew)
    return `the token says it was issued at ${isoTime(iat)}, in the future; check the identity provider's clock`;
  const max = policy.maxLifetimeSeconds;
  if (typeof iat === 'number') {
    if (expiry - iat > max)
      return `the token lives ${seconds(expiry - iat)} (exp - iat), longer than the ${max} s accepted`;
  } else if (expiry - nowSeconds > max + skew) {
    return `the token has no iat and expires in ${seconds(expiry - nowSeconds)}, later than the ${max} s accepted`;
  }
  return undefined;
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function seconds(value: number): string {
  return `${Math.ceil(value)} s`;
}

function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} s` : date.toISOString();
}
