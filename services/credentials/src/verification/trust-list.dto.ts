import { plainLine } from '@lib/contracts';
import { z } from 'zod';

const httpsOrLocalUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('an http(s) URL (https outside development)');

const DID_KEY_PROBLEM = 'must be an http(s) URL or an Ed25519, P-256 or P-384 did:key';

/**
 * A did:key of a key we verify with: an issuer that is its own public key (wallets and small issuers sign with
 * these). By their multicodec prefixes: Ed25519 `z6Mk`, P-256 `zDn`, P-384 `z82`.
 */
const didKey = z
  .string()
  .regex(/^did:key:(?:z6Mk|zDn|z82)[1-9A-HJ-NP-Za-km-z]{40,72}$/, DID_KEY_PROBLEM)
  .describe('an Ed25519, P-256 or P-384 did:key');

const issuerId = z.union([httpsOrLocalUrl, didKey], DID_KEY_PROBLEM);

export const addTrustedIssuerBody = z.strictObject({
  issuerId: issuerId.describe('the issuer id its credentials carry in issuer (or issuer.id)'),
  name: plainLine(200),
  jwksUrl: httpsOrLocalUrl
    .optional()
    .describe(
      'where an http(s) issuer publishes its public keys (a JWK set): required for one; none for a did:key, its own key',
    ),
});
export type AddTrustedIssuerBody = z.output<typeof addTrustedIssuerBody>;

export const removeTrustedIssuerBody = z.strictObject({ issuerId });

/**
 * The JWKS URL an entry needs: one for an http(s) issuer, none for a did:key. Checked once the list is known to be
 * the caller's, so that a list that is not theirs is a 404 whatever the body.
 */
export function jwksUrlProblem(body: AddTrustedIssuerBody): string | undefined {
  const isDidKey = body.issuerId.startsWith('did:key:');
  if (!isDidKey && body.jwksUrl === undefined) return 'is required for an http(s) issuer';
  if (isDidKey && body.jwksUrl !== undefined) return 'must be left out: a did:key is its own key';
  return undefined;
}
