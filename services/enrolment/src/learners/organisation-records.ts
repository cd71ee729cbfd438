import type { Actor } from '@lib/auth';
import type { LearnerDetails } from './learner.dto';
import type { Learner } from './learner.schema';
import type { OrganisationLearner } from './organisation-learner.schema';

/**
 * A learner as the caller sees them: the shared learner id with the details of the record the caller may see, and
 * that record's id when it is an organisation's record (an enrolment keeps it, so its views and events use it).
 */
export type LearnerAsSeen = Learner & { recordId?: string };

export function organisationRecordId(organisationId: string, email: string): string {
  return `${organisationId}:${email}`;
}

/**
 * An organisation's new record of a learner, with the details it gives now; but when the organisation registered the
 * learner itself (just now, or before organisations kept records of their own) the record keeps what it gave then.
 */
export function newOrganisationRecord(
  organisationId: string,
  learner: Learner,
  details: LearnerDetails,
  actor: Actor,
  now: Date,
): OrganisationLearner {
  const own = learner.registeredByOrganisationId === organisationId;
  const source = own ? learner : { ...details, externalIds: details.externalIds ?? [] };
  return {
    _id: organisationRecordId(organisationId, learner.email),
    organisationId,
    learnerId: learner._id,
    email: learner.email,
    givenName: source.givenName,
    familyName: source.familyName,
    externalIds: source.externalIds,
    registeredBy: own ? learner.registeredBy : actor.sub,
    registeredAt: own ? learner.registeredAt : now,
  };
}

export function asSeen(record: OrganisationLearner): LearnerAsSeen {
  return {
    _id: record.learnerId,
    email: record.email,
    givenName: record.givenName,
    familyName: record.familyName,
    externalIds: record.externalIds,
    registeredBy: record.registeredBy,
    registeredByOrganisationId: record.organisationId,
    registeredAt: record.registeredAt,
    recordId: record._id,
  };
}
