import type { DeadLetterKind } from './dead-letter-headers';

/**
 * What the consumer counts, by the contract's topic (without the environment's prefix, so dashboards see the same
 * names everywhere). The messaging library stays free of any metrics package; the platform implements this.
 */
export interface EventMetrics {
  /** Events handled (their processed markers written). */
  consumed(topic: string, count: number): void;
  /** Failed tries that will be tried again, in place or after the partition's pause. */
  retried(topic: string, count: number): void;
  deadLettered(topic: string, kind: DeadLetterKind): void;
}

export const noEventMetrics: EventMetrics = {
  consumed: () => undefined,
  retried: () => undefined,
  deadLettered: () => undefined,
};
