import type {
  CredentialIssuedV1,
  CredentialReinstatedV1,
  CredentialRevokedV1,
  CredentialSuspendedV1,
  EnrolmentCreatedV1,
} from '@lib/contracts';
import { ukCreditsOf } from '@lib/vc';
import type { CredentialStatusFact, KnownCredential, KnownLearner } from './known-credential.schema';

/** A status fact with the learner whose credential it concerns, whose status list names it. */
export interface LearnerStatusFact {
  learnerId: string;
  fact: CredentialStatusFact;
}

/** The credential an issued event describes, as we keep it. */
export function knownCredentialOf(credential: CredentialIssuedV1): KnownCredential {
  return {
    _id: credential.credentialId,
    learnerId: credential.learnerId,
    achievementId: credential.achievementId,
    name: credential.achievementName,
    credits: ukCreditsOf(credential.credits),
    level: credential.level,
    ...(credential.fieldOfStudy ? { fieldOfStudy: credential.fieldOfStudy } : {}),
    learningOutcomes: credential.learningOutcomes ?? [],
    issuerId: credential.issuerId,
    awardingBodyId: credential.awardingBodyId,
    awardedAt: new Date(credential.awardedAt),
  };
}

/** The revocation a revoked event states, keyed `<credentialId>:revoke:<revokedAt>`. */
export function revocationOf(event: CredentialRevokedV1): LearnerStatusFact {
  return statusFact(event, 'revoke', event.revokedAt, event.reason);
}

/** The suspension a suspended event states, keyed `<credentialId>:suspend:<suspendedAt>`. */
export function suspensionOf(event: CredentialSuspendedV1): LearnerStatusFact {
  return statusFact(event, 'suspend', event.suspendedAt, event.reason);
}

/** The reinstatement a reinstated event states (its reason is not kept), keyed `<credentialId>:reinstate:<at>`. */
export function reinstatementOf(event: CredentialReinstatedV1): LearnerStatusFact {
  return statusFact(event, 'reinstate', event.reinstatedAt);
}

/** The learner an enrolment names, with the email an uploaded credential of theirs must carry. */
export function knownLearnerOf(enrolment: EnrolmentCreatedV1): KnownLearner {
  return { _id: enrolment.learnerId, email: enrolment.learner.email };
}

/**
 * The first record of each `_id`, in the order given: what inserting them one at a time would keep, since a later
 * record under a taken `_id` is refused.
 */
export function firstOfEachId<T extends { _id: string }>(records: readonly T[]): T[] {
  const first = new Map<string, T>();
  for (const record of records) if (!first.has(record._id)) first.set(record._id, record);
  return [...first.values()];
}

function statusFact(
  event: { credentialId: string; learnerId: string },
  action: CredentialStatusFact['action'],
  at: string,
  reason?: string,
): LearnerStatusFact {
  return {
    learnerId: event.learnerId,
    fact: {
      _id: `${event.credentialId}:${action}:${at}`,
      credentialId: event.credentialId,
      action,
      ...(reason === undefined ? {} : { reason }),
      at: new Date(at),
    },
  };
}
