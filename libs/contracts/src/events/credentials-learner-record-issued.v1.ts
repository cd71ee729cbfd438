import { z } from 'zod';
import { defineEvent } from '../contract';
import { id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An awarding body issued a learner's Comprehensive Learner Record (1EdTech CLR 2.0) at the learner's request: the
 * learner's credentials from that body, as issued, with the credit approved for them. Not
 * `credentials.credential.issued.v1`: recognition counts that event's credits, and a record adds none of its own.
 *
 * - Producer: credentials. Consumers: none yet (student records, audit).
 * - Key: `learnerId`, so a learner's records (and the ones they supersede) are read in order.
 * - `jwt` is the record as issued (a compact VC-JWT), so a consumer can verify it without asking.
 */
export const learnerRecordIssuedV1 = defineEvent({
  topic: TOPICS.credentialsLearnerRecordIssued,
  keyField: 'learnerId',
  description: 'A learner’s Comprehensive Learner Record (CLR 2.0) was issued, signed by the awarding body.',
  schema: z.object({
    credentialId: z.string().min(1).max(2000).describe('the record’s `id`, a URL'),
    learnerId: id,
    awardingBodyId: id,
    issuerId: z.url().describe('the issuer profile URL, as in the record'),
    credentialIds: z.array(z.string().min(1)).min(1).describe('the credentials the record holds'),
    creditIds: z.array(id).describe('the approved credit it states'),
    supersedes: z.string().min(1).optional().describe('the learner’s previous record from this body'),
    issuedAt: timestamp,
    jwt: z.string().min(1),
  }),
});

export type LearnerRecordIssuedV1 = z.output<typeof learnerRecordIssuedV1.schema>;
