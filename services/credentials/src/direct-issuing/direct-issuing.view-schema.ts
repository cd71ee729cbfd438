import type { ViewFits } from '@lib/platform';
import { z } from 'zod';
import type { IssuedByApi } from './direct-issuer';

/** `IssuedByApi`: the VC-API issue answer, the credential as issued. */
export const issuedByApiView = z.object({
  verifiableCredential: z.object({
    '@context': z.tuple([z.literal('https://www.w3.org/ns/credentials/v2')]),
    type: z.literal('EnvelopedVerifiableCredential'),
    id: z.string().startsWith('data:application/vc+jwt,'),
  }),
});

// What the service returns fits what the document says (checked by the compiler).
export type IssuedByApiViewFits = ViewFits<IssuedByApi, typeof issuedByApiView>;
