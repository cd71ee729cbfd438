import { SIGNING_ALGORITHMS } from '@lib/vc';
import { timestamp } from '@lib/contracts';
import { z } from 'zod';

const algorithm = z.enum(SIGNING_ALGORITHMS);

/** An issuer's public Open Badges Profile. */
export const issuerProfileView = z.object({
  '@context': z.array(z.string()),
  id: z.url(),
  type: z.tuple([z.literal('Profile')]),
  name: z.string(),
  url: z.string().optional(),
  email: z.string().optional(),
  otherIdentifier: z
    .array(
      z.object({ type: z.literal('IdentifierEntry'), identifier: z.string(), identifierType: z.string() }),
    )
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
