import { credentialId, id } from '@lib/contracts';
import { z } from 'zod';

/** `POST /learners/me/clr`: which awarding body's record. */
export const learnerRecordBody = z.strictObject({
  awardingBodyId: id.describe('the awarding body whose credentials the record holds'),
});
export type LearnerRecordBody = z.output<typeof learnerRecordBody>;

export const recordFormatQuery = z.strictObject({
  format: z
    .enum(['jwt', 'json'])
    .default('json')
    .describe('jwt: the signed .jwt (application/vc+jwt); json: the decoded record with its JWT'),
});

export const recordIdParam = credentialId;
