import { z } from 'zod';
import { defineEvent } from '../contract';
import { credentialFields } from '../credential-fields';
import { actor, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The registrar revoked a credential; revocation is permanent.
 *
 * - Producer: credentials. Consumers: recognition (withdraws credit the credential supported).
 * - Key: `learnerId`.
 */
export const credentialRevokedV1 = defineEvent({
  topic: TOPICS.credentialsCredentialRevoked,
  keyField: 'learnerId',
  description: 'A credential was revoked, with the reason.',
  schema: z.object({
    ...credentialFields,
    reason: z.string().min(1),
    revokedBy: actor,
    revokedAt: timestamp,
  }),
});

export type CredentialRevokedV1 = z.output<typeof credentialRevokedV1.schema>;
