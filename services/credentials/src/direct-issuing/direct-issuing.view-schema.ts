import type { ViewFits } from '@lib/platform';
import { z } from 'zod';
import type { IssuedByApi } from './direct-issuer';

/** A credential with its Data Integrity proof, as issued through the VC-API or downloaded by its learner. */
export const dataIntegrityCredentialView = z
  .looseObject({
    '@context': z.array(z.string()),
    proof: z.looseObject({
      type: z.string().describe('DataIntegrityProof'),
      cryptosuite: z.string().describe('eddsa-rdfc-2022'),
      verificationMethod: z.string(),
      proofValue: z.string(),
    }),
  })
  .describe('the credential with its Data Integrity proof');

/** `IssuedByApi`: the VC-API issue answer, the credential as issued. */
export const issuedByApiView = z.object({
  verifiableCredential: z.union([
    z.object({
      '@context': z.tuple([z.literal('https://www.w3.org/ns/credentials/v2')]),
      type: z.literal('EnvelopedVerifiableCredential'),
      id: z.string().startsWith('data:application/vc+jwt,'),
    }),
    dataIntegrityCredentialView,
  ]),
});

// What the service returns fits what the document says (checked by the compiler).
export type IssuedByApiViewFits = ViewFits<IssuedByApi, typeof issuedByApiView>;
