import { type RetryPolicy, backoffDelay } from './retry';

/** A partition the consumer has paused because its next event cannot be handled yet. */
export interface PausedPartition {
  readonly topic: string;
  readonly partition: number;
  /** The offset of the first event not yet handled. */
  readonly offset: string;
  readonly reason: string;
  /** When the partition first paused in this run of failures. */
  readonly since: string;
  /** Consecutive pauses; the delay before the next try grows with it. */
  readonly pauses: number;
  readonly resumesAt: string;
}

/** What `/ready` shows of a consumer: partitions paused by an outage and how far each partition lags. */
export interface ConsumerStatus {
  readonly groupId: string;
  readonly running: boolean;
  readonly paused: PausedPartition[];
  /** Messages behind the end of each partition, as of its latest batch (`topic[partition]` to count). */
  readonly lag: Record<string, number>;
}

/**
 * Keeps which partitions are paused, for how long, and why: a partition whose event hits a transient failure is
 * paused (the others go on) and resumed after a backoff that grows while the failure lasts, capped by the policy.
 */
export class PartitionPauses {
  private readonly paused = new Map<string, PausedPartition>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lag = new Map<string, number>();

  constructor(private readonly policy: RetryPolicy) {}

  /** Records the pause and calls `resume` after the backoff; returns the delay in milliseconds. */
  pause(
    at: { topic: string; partition: number; offset: string; reason: string },
    resume: () => void,
  ): number {
    const key = keyOf(at);
    const previous = this.paused.get(key);
    const pauses = (previous?.pauses ?? 0) + 1;
    const delay = backoffDelay(this.policy, pauses);
    this.paused.set(key, {
      ...at,
      since: previous?.since ?? new Date().toISOString(),
      pauses,
      resumesAt: new Date(Date.now() + delay).toISOString(),
    });
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => {
      this.timers.delete(key);
      resume();
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
    return delay;
  }

  /** The partition handled a batch through: it is no longer failing. True if it had been paused. */
  recovered(topic: string, partition: number): PausedPartition | undefined {
    const key = keyOf({ topic, partition });
    const was = this.paused.get(key);
    this.paused.delete(key);
    return was;
  }

  lagSeen(topic: string, partition: number, lag: number): void {
    this.lag.set(keyOf({ topic, partition }), lag);
  }

  /** Stops every pending resume (the consumer is stopping or restarting; a new run starts unpaused). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.paused.clear();
  }

  status(): Pick<ConsumerStatus, 'paused' | 'lag'> {
    return { paused: [...this.paused.values()], lag: Object.fromEntries(this.lag) };
  }
}

function keyOf({ topic, partition }: { topic: string; partition: number }): string {
  return `${topic}[${partition}]`;
}
