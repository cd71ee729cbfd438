/** CloudEvents `source` of every event the assessment service publishes. */
export const EVENT_SOURCE = '/credit-bridge/assessment';
