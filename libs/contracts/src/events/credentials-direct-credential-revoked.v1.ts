import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * The registrar revoked a credential its awarding body issued through the W3C VC-API; revocation is permanent. Not
 * `credentials.credential.revoked.v1`: that event carries an award's facts (learner, offering, credits), which such a
 * credential has none of, and recognition withdraws the credit its consumers granted for it.
 *
 * - Producer: credentials. Consumers: none yet (student records, audit).
 * - Key: `credentialId`, as `credentials.direct-credential.issued.v1`, so a consumer reads both in order.
 */
export const directCredentialRevokedV1 = defineEvent({
  topic: TOPICS.credentialsDirectCredentialRevoked,
  keyField: 'credentialId',
  description: 'A credential issued through the VC-API was revoked, with the reason.',
  schema: z.object({
    credentialId: z.string().min(1).max(2000).describe('the credential’s `id`, a URL'),
    awardingBodyId: id,
    types: z.array(z.string().min(1)).min(1),
    reason: z.string().min(1),
    revokedBy: actor,
    revokedAt: timestamp,
  }),
});

export type DirectCredentialRevokedV1 = z.output<typeof directCredentialRevokedV1.schema>;
