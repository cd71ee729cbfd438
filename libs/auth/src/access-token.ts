import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { KeySet } from './key-set';
import { type Actor, ROLES } from './roles';
import { type TokenTimePolicy, tokenTimeProblem } from './token-times';

const claimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  org: z.string().min(1).optional(),
});

export interface TokenExpectations extends TokenTimePolicy {
  readonly issuer: string;
  /** A second issuer accepted: the development sign-in provider's (never set in production). */
  readonly signInIssuer?: string;
  /** The `aud` every token must carry. */
  readonly audience: string;
}

export class InvalidTokenError extends Error {}

/**
 * Verifies a bearer access token (ES256 or RS256 only) and returns who it speaks for. The signature, issuer and
 * audience are checked by jsonwebtoken; the times (`exp` required, a maximum lifetime, nothing from the future)
 * by `tokenTimeProblem`, so every time refusal says what was wrong.
 */
export async function verifyAccessToken(
  token: string,
  keys: KeySet,
  expected: TokenExpectations,
  nowSeconds = Date.now() / 1000,
): Promise<Actor> {
  const decoded = jwt.decode(token, { complete: true });
  const kid = decoded?.header.kid;
  if (!decoded || typeof kid !== 'string')
    throw new InvalidTokenError('the token is not a signed JWT with a kid');
  const key = await keys.key(kid).catch((error: unknown) => {
    throw new InvalidTokenError(
      `the identity provider's keys could not be read: ${(error as Error).message}`,
    );
  });
  if (!key)
    throw new InvalidTokenError('the token was signed with a key the identity provider does not publish');
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, key, {
      algorithms: ['ES256', 'RS256'],
      issuer: expected.signInIssuer ? [expected.issuer, expected.signInIssuer] : expected.issuer,
      audience: expected.audience,
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  if (typeof payload === 'string') throw new InvalidTokenError('the token carries no claims');
  const timeProblem = tokenTimeProblem(payload, nowSeconds, expected);
  if (timeProblem) throw new InvalidTokenError(timeProblem);
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('the token lacks the sub, roles or org claims we need');
  return claims.data;
}
