/** CloudEvents `source` of every event the credentials service publishes. */
export const EVENT_SOURCE = '/credit-bridge/credentials';
