import type { ViewFits } from '@lib/platform';
import { credentialId, timestamp } from '@lib/contracts';
import { z } from 'zod';
import type { ShareLinkView } from './sharing.service';

/** `ShareLinkView` as the API documents it. */
export const shareLinkView = z.object({
  token: z.string(),
  credentialId,
  purpose: z.enum(['share', 'certificate']),
  url: z.url(),
  dataUrl: z.url(),
  createdAt: timestamp,
  withdrawnAt: timestamp.optional(),
});

/** `CredentialDocument`: the signed JWT, its decoded credential, and the W3C envelope of it. */
export const credentialDocumentView = z.object({
  credentialId,
  jwt: z.string(),
  // The Verifiable Credential's own JSON-LD: Open Badges 3.0, open by its nature.
  credential: z.looseObject({ '@context': z.array(z.unknown()), type: z.array(z.string()) }),
  envelope: z.object({
    '@context': z.tuple([z.literal('https://www.w3.org/ns/credentials/v2')]),
    type: z.literal('EnvelopedVerifiableCredential'),
    id: z.string().startsWith('data:application/vc+jwt,'),
  }),
});

// What the service returns fits what the document says (checked by the compiler).
export type ShareLinkViewFits = ViewFits<ShareLinkView, typeof shareLinkView>;
