import { credentialId, id } from '@lib/contracts';
import { z } from 'zod';

/** `POST /learners/me/clr`: which awarding body's record. */
export const learnerRecordBody = z.strictObject({
  awardingBodyId: id.describe('the awarding body whose credentials the record holds'),
});
export type LearnerRecordBody = z.output<typeof learnerRecordBody>;

export const recordFormatQuery = z.strictObject({
  format: z
    .enum(['jwt', 'json', 'data-integrity', 'bundle'])
    .default('json')
    .describe(
      'jwt: the signed .jwt (application/vc+jwt); json: the decoded record with its JWT; data-integrity: the same record with an eddsa-rdfc-2022 proof, as the body’s DID (application/vc); bundle: an offline bundle (the record, each credential it holds, the issuer’s keys, status lists, profile and trust-list entry as published now, sealed by the issuer) for `npm run -s verify -- --offline`',
    ),
});

export const recordIdParam = credentialId;
