import { z } from 'zod';
import { defineEvent } from '../contract';
import { credentialFields } from '../credential-fields';
import { timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The awarding body issued a signed credential to a learner.
 *
 * - Producer: credentials. Consumers: recognition (credit toward MSc modules).
 * - Key: `learnerId`.
 * - `jwt` is the signed credential itself, so a consumer can verify it without asking.
 */
export const credentialIssuedV1 = defineEvent({
  topic: TOPICS.credentialsCredentialIssued,
  keyField: 'learnerId',
  description: 'A credential was issued and signed by the awarding body.',
  schema: z.object({
    ...credentialFields,
    awardedAt: timestamp,
    validUntil: timestamp.optional(),
    jwt: z.string().min(1),
  }),
});

export type CredentialIssuedV1 = z.output<typeof credentialIssuedV1.schema>;
