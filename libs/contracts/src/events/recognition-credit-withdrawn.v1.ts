import { z } from 'zod';
import { defineEvent } from '../contract';
import { credentialId, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * Approved credit was withdrawn, e.g. because a credential it rested on was revoked.
 *
 * - Producer: recognition. Consumers: the student records system.
 * - Key: `learnerId`.
 */
export const creditWithdrawnV1 = defineEvent({
  topic: TOPICS.recognitionCreditWithdrawn,
  keyField: 'learnerId',
  description: 'Previously approved credit toward an MSc module was withdrawn, with the reason.',
  schema: z.object({
    creditId: id,
    learnerId: id,
    programmeId: id,
    programmeCode: z.string().min(1),
    moduleCode: z.string().min(1),
    credits: z.number().positive(),
    sourceCredentialIds: z.array(credentialId).min(1),
    reason: z.string().min(1),
    withdrawnAt: timestamp,
  }),
});

export type CreditWithdrawnV1 = z.output<typeof creditWithdrawnV1.schema>;
