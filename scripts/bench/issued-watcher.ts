import { randomUUID } from 'node:crypto';
import { TOPICS } from '@lib/contracts';
import { createKafka, silentLogger } from '@lib/messaging';
import type { Consumer } from 'kafkajs';

/**
 * Watches the credentials' issued events of one offering from now on, as any consumer would, and notes when
 * each learner's arrived (the event's Kafka timestamp: when the credentials service's relay produced it).
 */
export class IssuedWatcher {
  /** Learner id to the time their credential's event was produced (ms since the epoch). */
  readonly issuedAt = new Map<string, number>();
  private consumer: Consumer | undefined;

  constructor(
    private readonly brokers: string,
    private readonly offeringId: string,
  ) {}

  /** Resolves once the watcher reads from the topic's current end, so nothing sent afterwards is missed. */
  async start(): Promise<void> {
    const kafka = createKafka({ brokers: this.brokers.split(','), clientId: 'bench', logger: silentLogger });
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(TOPICS.credentialsCredentialIssued);
    await admin.disconnect();
    this.consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: TOPICS.credentialsCredentialIssued, fromBeginning: false });
    const joined = new Promise<void>((resolve) =>
      this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()),
    );
    await this.consumer.run({
      eachMessage: ({ message }) => {
        const data = JSON.parse(message.value?.toString() ?? '{}') as {
          learnerId?: string;
          offeringId?: string;
        };
        if (data.offeringId === this.offeringId && data.learnerId && !this.issuedAt.has(data.learnerId))
          this.issuedAt.set(data.learnerId, Number(message.timestamp));
        return Promise.resolve();
      },
    });
    await joined;
    for (const { partition, offset } of ends)
      this.consumer.seek({ topic: TOPICS.credentialsCredentialIssued, partition, offset });
  }

  /** Waits until `count` learners have their credential, or throws after `timeoutMs`. */
  async until(count: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.issuedAt.size < count) {
      if (Date.now() > deadline) throw new Error(`only ${this.issuedAt.size} of ${count} issued in time`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** The p-th percentile (0-100) of some numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
