import { z } from 'zod';
import { defineEvent } from '../contract';
import { actor, id, timestamp } from '../fields';
import { TOPICS } from '../topics';

/**
 * An awarding body issued a credential through the W3C VC-API (`POST /api/credentials/credentials/issue`): any VC 2.0
 * credential it may sign, not an award of one of its courses, so none of an award's facts (learner, offering, credits)
 * need apply; `credentials.credential.issued.v1` stays the event of awards, which recognition counts.
 *
 * - Producer: credentials. Consumers: none yet (student records, audit).
 * - Key: `credentialId`.
 * - `securedCredential` is the credential as issued (the compact VC-JWT, or the document with its Data Integrity
 *   proof), so a consumer can verify it without asking.
 */
export const directCredentialIssuedV1 = defineEvent({
  topic: TOPICS.credentialsDirectCredentialIssued,
  keyField: 'credentialId',
  description: 'A credential was issued through the VC-API and signed by the awarding body.',
  schema: z.object({
    credentialId: z.string().min(1).max(2000).describe('the credential’s `id`, a URL'),
    issuerId: z.url().describe('the issuer profile URL, as in the credential'),
    awardingBodyId: id,
    types: z.array(z.string().min(1)).min(1),
    subjectId: z.string().min(1).optional().describe('`credentialSubject.id`, when it has one'),
    validFrom: timestamp,
    validUntil: timestamp.optional(),
    issuedBy: actor,
    issuedAt: timestamp,
    securedCredential: z
      .union([z.string().min(1), z.looseObject({ proof: z.looseObject({}) })])
      .describe('the compact VC-JWT, or the credential with its Data Integrity proof'),
  }),
});

export type DirectCredentialIssuedV1 = z.output<typeof directCredentialIssuedV1.schema>;
