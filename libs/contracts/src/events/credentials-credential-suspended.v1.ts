import { z } from 'zod';
import { defineEvent } from '../contract';
import { credentialFields } from '../credential-fields';
import { actor, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The registrar suspended a credential: it does not count while suspended, and may be reinstated.
 *
 * - Producer: credentials. Consumers: recognition (puts credit it supports on hold).
 * - Key: `learnerId`.
 */
export const credentialSuspendedV1 = defineEvent({
  topic: TOPICS.credentialsCredentialSuspended,
  keyField: 'learnerId',
  description: 'A credential was suspended, with the reason.',
  schema: z.object({
    ...credentialFields,
    reason: z.string().min(1),
    suspendedBy: actor,
    suspendedAt: timestamp,
  }),
});

export type CredentialSuspendedV1 = z.output<typeof credentialSuspendedV1.schema>;
