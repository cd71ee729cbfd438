import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * A learner's Comprehensive Learner Record was revoked: by the awarding body's registrar, or because a newer record
 * superseded it (`revokedBy` `system:superseded`, the reason naming the newer one). Revocation is permanent.
 *
 * - Producer: credentials. Consumers: none yet (student records, audit).
 * - Key: `learnerId`, as `credentials.learner-record.issued.v1`.
 */
export const learnerRecordRevokedV1 = defineEvent({
  topic: TOPICS.credentialsLearnerRecordRevoked,
  keyField: 'learnerId',
  description: 'A learner’s Comprehensive Learner Record was revoked or superseded, with the reason.',
  schema: z.object({
    credentialId: z.string().min(1).max(2000).describe('the record’s `id`, a URL'),
    learnerId: id,
    awardingBodyId: id,
    reason: z.string().min(1),
    revokedBy: actor,
    revokedAt: timestamp,
  }),
});

export type LearnerRecordRevokedV1 = z.output<typeof learnerRecordRevokedV1.schema>;
