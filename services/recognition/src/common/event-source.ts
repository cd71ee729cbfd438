/** The CloudEvents `source` of every event recognition publishes. */
export const EVENT_SOURCE = '/credit-bridge/recognition';
