import type { ViewFits } from '@lib/platform';
import { ISSUER_KEY_ALGORITHMS, SIGNING_ALGORITHMS } from '@lib/vc';
import { timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { IssuersService, KeyView } from './issuers.service';

const algorithm = z.enum(SIGNING_ALGORITHMS);

/** An issuer's public Open Badges Profile. */
export const issuerProfileView = z.object({
  '@context': z.array(z.string()),
  id: z.url(),
  type: z.array(z.string()).describe('JSON-LD types: Profile'),
  name: z.string(),
  url: z.string().optional(),
  email: z.string().optional(),
  otherIdentifier: z
    .array(z.object({ type: z.string(), identifier: z.string(), identifierType: z.string() }))
    .optional(),
});

/** `PublishedJwk`: a public key's own members (by key type) are open; what we add is named. */
export const publishedJwkView = z.looseObject({
  kty: z.string(),
  kid: z.string(),
  alg: algorithm,
  use: z.literal('sig'),
  iss: z.url(),
});

export const jwkSetView = z.object({ keys: z.array(publishedJwkView) });

/** `KeyView`: a signing key as its issuer's registrars see it, never its private part. */
export const keyView = z.object({
  kid: z.string().describe('the kid URL of a VC-JWT key, or the DID URL of a Data Integrity key'),
  alg: z.enum(ISSUER_KEY_ALGORITHMS),
  createdAt: timestamp,
  active: z.boolean(),
});

/** A DID document (did:web) with the issuer's Ed25519 keys as Multikey verification methods. */
export const didDocumentView = z.object({
  '@context': z.array(z.string()),
  id: z.string().startsWith('did:web:'),
  verificationMethod: z.array(
    z.object({
      id: z.string(),
      type: z.literal('Multikey'),
      controller: z.string(),
      publicKeyMultibase: z.string().startsWith('z6Mk'),
    }),
  ),
  assertionMethod: z.array(z.string()),
});

// What the service returns fits what the document says (checked by the compiler).
export type KeyViewFits = ViewFits<KeyView, typeof keyView>;
export type IssuerProfileViewFits = ViewFits<
  Awaited<ReturnType<IssuersService['profile']>>,
  typeof issuerProfileView
>;
export type DidDocumentViewFits = ViewFits<
  Awaited<ReturnType<IssuersService['didDocument']>>,
  typeof didDocumentView
>;
export type JwkSetViewFits = ViewFits<Awaited<ReturnType<IssuersService['keySet']>>, typeof jwkSetView>;
