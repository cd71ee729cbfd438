/** CloudEvents `source` of every event the enrolment service publishes. */
export const EVENT_SOURCE = '/credit-bridge/enrolment';
