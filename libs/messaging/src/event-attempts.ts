/** How often an event has failed in this process, and since when. */
export interface EventAttempt {
  readonly count: number;
  readonly since: string;
}

/** Entries kept at most; the oldest go first (an event that stops failing is forgotten anyway). */
const MAX_TRACKED = 10000;

/**
 * Failed attempts per event id, across the pauses of its partition, so an error of unknown class is dead-lettered
 * after the policy's number of attempts. In memory: a restarted process starts counting again, which only retries
 * longer, never less.
 */
export class EventAttempts {
  private readonly failures = new Map<string, EventAttempt>();

  failed(eventId: string): EventAttempt {
    const previous = this.failures.get(eventId);
    const attempt = { count: (previous?.count ?? 0) + 1, since: previous?.since ?? new Date().toISOString() };
    this.failures.delete(eventId);
    this.failures.set(eventId, attempt);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
    return attempt;
  }

  /** The event is done with (handled or dead-lettered). */
  forget(eventId: string): void {
    this.failures.delete(eventId);
  }
}
