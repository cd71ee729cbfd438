import type { ViewFits } from '@lib/platform';
import { SIGNING_ALGORITHMS } from '@lib/vc';
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
  kid: z.url(),
  alg: algorithm,
  createdAt: timestamp,
  active: z.boolean(),
});

// What the service returns fits what the document says (checked by the compiler).
export type KeyViewFits = ViewFits<KeyView, typeof keyView>;
export type IssuerProfileViewFits = ViewFits<
  Awaited<ReturnType<IssuersService['profile']>>,
  typeof issuerProfileView
>;
export type JwkSetViewFits = ViewFits<Awaited<ReturnType<IssuersService['keySet']>>, typeof jwkSetView>;
