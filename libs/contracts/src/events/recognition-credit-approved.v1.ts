import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, credentialId, id, level, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The registrar approved credit toward an MSc module: the feed to the student records system.
 *
 * - Producer: recognition. Consumers: the student records system.
 * - Key: `learnerId`.
 */
export const creditApprovedV1 = defineEvent({
  topic: TOPICS.recognitionCreditApproved,
  keyField: 'learnerId',
  description: 'Credit toward an MSc module was approved from the learner’s credentials.',
  schema: z.object({
    creditId: id,
    learnerId: id,
    programmeId: id,
    programmeCode: z.string().min(1),
    moduleCode: z.string().min(1),
    credits: z.number().positive(),
    level,
    sourceCredentialIds: z.array(credentialId).min(1),
    decidedBy: actor,
    decidedAt: timestamp,
  }),
});

export type CreditApprovedV1 = z.output<typeof creditApprovedV1.schema>;
