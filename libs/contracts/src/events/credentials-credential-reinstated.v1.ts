import { z } from 'zod';
import { defineEvent } from '../contract';
import { credentialFields } from '../credential-fields';
import { actor, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The registrar lifted a suspension: the credential counts again.
 *
 * - Producer: credentials. Consumers: recognition (releases credit it put on hold).
 * - Key: `learnerId`.
 */
export const credentialReinstatedV1 = defineEvent({
  topic: TOPICS.credentialsCredentialReinstated,
  keyField: 'learnerId',
  description: 'A suspended credential was reinstated.',
  schema: z.object({
    ...credentialFields,
    reason: z.string().optional(),
    reinstatedBy: actor,
    reinstatedAt: timestamp,
  }),
});

export type CredentialReinstatedV1 = z.output<typeof credentialReinstatedV1.schema>;
