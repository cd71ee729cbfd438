/**
 * Every Kafka topic of the system, named `<domain>.<entity>.<event>.v<major>`.
 * A breaking change to an event gets a new `v2` topic, published beside `v1` until consumers move.
 */
export const TOPICS = {
  enrolmentOrganisationRegistered: 'enrolment.organisation.registered.v1',
  enrolmentAuthorisationGranted: 'enrolment.partner-authorisation.granted.v1',
  enrolmentAuthorisationWithdrawn: 'enrolment.partner-authorisation.withdrawn.v1',
  enrolmentCoursePublished: 'enrolment.course.published.v1',
  enrolmentOfferingPublished: 'enrolment.offering.published.v1',
  enrolmentEnrolmentCreated: 'enrolment.enrolment.created.v1',
  enrolmentEnrolmentWithdrawn: 'enrolment.enrolment.withdrawn.v1',
  enrolmentWaitlistPromoted: 'enrolment.waitlist.promoted.v1',
  enrolmentEnrolmentCompleted: 'enrolment.enrolment.completed.v1',
  assessmentResultRecorded: 'assessment.result.recorded.v1',
  assessmentResultRatified: 'assessment.result.ratified.v1',
  assessmentResultAmended: 'assessment.result.amended.v1',
  credentialsCredentialIssued: 'credentials.credential.issued.v1',
  credentialsCredentialRevoked: 'credentials.credential.revoked.v1',
  credentialsCredentialSuspended: 'credentials.credential.suspended.v1',
  credentialsCredentialReinstated: 'credentials.credential.reinstated.v1',
  credentialsDirectCredentialIssued: 'credentials.direct-credential.issued.v1',
  credentialsDirectCredentialRevoked: 'credentials.direct-credential.revoked.v1',
  credentialsLearnerRecordIssued: 'credentials.learner-record.issued.v1',
  credentialsLearnerRecordRevoked: 'credentials.learner-record.revoked.v1',
  recognitionCreditApproved: 'recognition.credit.approved.v1',
  recognitionCreditWithdrawn: 'recognition.credit.withdrawn.v1',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

const TOPIC_NAME = /^[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.[a-z]+(?:-[a-z]+)*\.v[1-9][0-9]*$/;

/** True when a name follows `<domain>.<entity>.<event>.v<major>`. */
export function isValidTopicName(name: string): boolean {
  return TOPIC_NAME.test(name);
}

/** Dead letters of a topic go to `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}
