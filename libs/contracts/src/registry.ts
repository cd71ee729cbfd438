import type { EventContract } from './contract';
import { resultAmendedV1 } from './events/assessment-result-amended.v1';
import { resultRatifiedV1 } from './events/assessment-result-ratified.v1';
import { resultRecordedV1 } from './events/assessment-result-recorded.v1';
import { credentialIssuedV1 } from './events/credentials-credential-issued.v1';
import { credentialReinstatedV1 } from './events/credentials-credential-reinstated.v1';
import { credentialRevokedV1 } from './events/credentials-credential-revoked.v1';
import { credentialSuspendedV1 } from './events/credentials-credential-suspended.v1';
import { directCredentialIssuedV1 } from './events/credentials-direct-credential-issued.v1';
import { directCredentialRevokedV1 } from './events/credentials-direct-credential-revoked.v1';
import { learnerRecordIssuedV1 } from './events/credentials-learner-record-issued.v1';
import { learnerRecordRevokedV1 } from './events/credentials-learner-record-revoked.v1';
import { enrolmentCompletedV1 } from './events/enrolment-enrolment-completed.v1';
import { coursePublishedV1 } from './events/enrolment-course-published.v1';
import { enrolmentCreatedV1 } from './events/enrolment-enrolment-created.v1';
import { enrolmentWithdrawnV1 } from './events/enrolment-enrolment-withdrawn.v1';
import { organisationRegisteredV1 } from './events/enrolment-organisation-registered.v1';
import { authorisationGrantedV1 } from './events/enrolment-partner-authorisation-granted.v1';
import { authorisationWithdrawnV1 } from './events/enrolment-partner-authorisation-withdrawn.v1';
import { waitlistPromotedV1 } from './events/enrolment-waitlist-promoted.v1';
import { offeringPublishedV1 } from './events/enrolment-offering-published.v1';
import { creditApprovedV1 } from './events/recognition-credit-approved.v1';
import { creditWithdrawnV1 } from './events/recognition-credit-withdrawn.v1';

/** Every event contract of the system; the JSON Schema snapshots are taken of these. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  organisationRegisteredV1,
  authorisationGrantedV1,
  authorisationWithdrawnV1,
  coursePublishedV1,
  offeringPublishedV1,
  enrolmentCreatedV1,
  enrolmentWithdrawnV1,
  waitlistPromotedV1,
  enrolmentCompletedV1,
  resultRecordedV1,
  resultRatifiedV1,
  resultAmendedV1,
  credentialIssuedV1,
  credentialRevokedV1,
  credentialSuspendedV1,
  credentialReinstatedV1,
  directCredentialIssuedV1,
  directCredentialRevokedV1,
  learnerRecordIssuedV1,
  learnerRecordRevokedV1,
  creditApprovedV1,
  creditWithdrawnV1,
];

/** The contract of a topic, or undefined when no event is published there. */
export function contractForTopic(topic: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((contract) => contract.topic === topic);
}
