import { plainLine } from '@lib/contracts';
import { didWebProblem } from '@lib/vc';
import { z } from 'zod';

const ISSUER_ID_KINDS = 'must be an http(s) URL, an Ed25519, P-256 or P-384 did:key or a did:web DID';

const httpsOrLocalUrl = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .describe('an http(s) URL (https outside development)');

/**
 * A did:key of a key we verify with: an issuer that is its own public key (wallets and small issuers sign with
 * these). By their multicodec prefixes: Ed25519 `z6Mk`, P-256 `zDn`, P-384 `z82`.
 */
const didKey = z
  .string()
  .regex(/^did:key:(?:z6Mk|zDn|z82)[1-9A-HJ-NP-Za-km-z]{40,72}$/, ISSUER_ID_KINDS)
  .describe('an Ed25519, P-256 or P-384 did:key');

/** A did:web DID: an issuer whose DID document, at its own host, lists its keys. */
const didWeb = z
  .string()
  .max(500)
  .startsWith('did:web:')
  .refine(
    (did) => didWebProblem(did) === undefined,
    'must be a did:web DID of a host name (did:web:<host>[:<path>])',
  )
  .describe('a did:web DID');

const issuerId = z.union([httpsOrLocalUrl, didKey, didWeb], ISSUER_ID_KINDS);

export const addTrustedIssuerBody = z.strictObject({
  issuerId: issuerId.describe('the issuer id its credentials carry in issuer (or issuer.id)'),
  name: plainLine(200),
  jwksUrl: httpsOrLocalUrl
    .optional()
    .describe(
      'where an http(s) issuer publishes its public keys (a JWK set): required for one; none for a did:key (its own key) or a did:web (its DID document lists its keys)',
    ),
});
export type AddTrustedIssuerBody = z.output<typeof addTrustedIssuerBody>;

export const removeTrustedIssuerBody = z.strictObject({ issuerId });

/**
 * The JWKS URL an entry needs: one for an http(s) issuer, none for a DID (a did:key is its own key; a did:web's DID
 * document lists its keys). Checked once the list is known to be the caller's, so that a list that is not theirs is
 * a 404 whatever the body.
 */
export function jwksUrlProblem(body: AddTrustedIssuerBody): string | undefined {
  const isDid = body.issuerId.startsWith('did:');
  if (!isDid && body.jwksUrl === undefined) return 'is required for an http(s) issuer';
  if (body.issuerId.startsWith('did:key:') && body.jwksUrl !== undefined)
    return 'must be left out: a did:key is its own key';
  if (isDid && body.jwksUrl !== undefined) return 'must be left out: a did:web’s DID document lists its keys';
  return undefined;
}
