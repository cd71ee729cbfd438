import { z } from 'zod';

/** `options` of a VC-API issue request: the proof form of the credential returned. */
export const issueOptions = z.strictObject({
  format: z
    .enum(['vc-jwt', 'data-integrity'])
    .default('vc-jwt')
    .describe(
      'vc-jwt: the enveloped VC-JWT (`EnvelopedVerifiableCredential`), issuer the awarding body’s URL; data-integrity: the credential with an eddsa-rdfc-2022 proof, issuer the body’s did:web DID',
    ),
});

/** W3C VC-API `POST /credentials/issue`: the unsigned credential, and options. */
export const vcApiIssueBody = z.strictObject({
  credential: z
    .record(z.string(), z.unknown())
    .describe('a VC 2.0 credential without proof or credentialStatus: both are added by the issuer'),
  options: issueOptions.optional(),
});
export type VcApiIssueBody = z.output<typeof vcApiIssueBody>;
export type IssueFormat = z.output<typeof issueOptions>['format'];
