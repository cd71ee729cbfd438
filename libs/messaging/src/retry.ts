export interface RetryPolicy {
  /** Attempts in place, the first included, before the consumer pauses the partition and tries again later. */
  readonly attemptsInPlace: number;
  /**
   * Attempts in all for an error of unknown class before the event is dead-lettered. Transient errors (a dependency
   * away) have no limit; permanent ones are dead-lettered at once.
   */
  readonly unknownErrorAttempts: number;
  readonly initialDelayMs: number;
  /** The cap of the exponential backoff, in place and between pauses. */
  readonly maxDelayMs: number;
}

/**
 * Three quick tries in place (a lost race resolves at once), then pauses growing to 15 s; an unknown error is retried
 * 250 times, at least 30 minutes (`minimumRetryTimeMs`), to ride out a restart of any dependency.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  attemptsInPlace: 3,
  unknownErrorAttempts: 250,
  initialDelayMs: 200,
  maxDelayMs: 15000,
};

/** Exponential backoff with jitter (half to all of the ceiling), so many consumers do not retry in step. */
export function backoffDelay(policy: RetryPolicy, failedAttempt: number): number {
  const ceiling = backoffCeiling(policy, failedAttempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function backoffCeiling(policy: RetryPolicy, failedAttempt: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(failedAttempt - 1, 30));
}

/** The shortest time an unknown error is retried for before its event is dead-lettered (every delay at its least). */
export function minimumRetryTimeMs(policy: RetryPolicy): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.unknownErrorAttempts; attempt += 1)
    total += backoffCeiling(policy, attempt) / 2;
  return total;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
