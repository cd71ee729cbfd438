import type { Admin, Kafka } from 'kafkajs';
import { Gauge, type Registry } from 'prom-client';

/** Scrapes within this long of the last reading reuse it: a scrape costs Kafka at most one reading per interval. */
const FRESH_FOR_MS = 10_000;
const READING_TIMEOUT_MS = 3_000;

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

export interface ConsumerLagOptions {
  readonly kafka: Kafka;
  readonly groupId: string;
  /** The topics consumed, with the environment's prefix. */
  readonly topics: readonly string[];
  readonly topicPrefix: string;
}

/**
 * Messages each partition's committed offset is behind the end of the log, read from Kafka on scrape (the group's
 * offsets in one admin request, each topic's ends in another) and cached for ten seconds. Unlike the lag a
 * batch reports, it grows while a partition is paused or the consumer is down, which is when it matters.
 */
export class ConsumerLag {
  private admin: Admin | undefined;
  private reading: { at: number; lags: Promise<PartitionLag[]> } | undefined;

  constructor(private readonly options: ConsumerLagOptions) {}

  register(registry: Registry): void {
    const { groupId, topicPrefix } = this.options;
    const read = () => this.read();
    new Gauge({
      name: 'credit_bridge_consumer_lag',
      help: "Messages behind the end of the partition, by topic and partition, for this service's consumer group",
      labelNames: ['group', 'topic', 'partition'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const { topic, partition, lag } of await read())
          this.set(
            { group: groupId, topic: topic.slice(topicPrefix.length), partition: String(partition) },
            lag,
          );
      },
    });
  }

  /** The lags, from the last reading if it is fresh; none when Kafka does not answer in time. */
  read(): Promise<PartitionLag[]> {
    if (this.options.topics.length === 0) return Promise.resolve([]);
    if (!this.reading || Date.now() - this.reading.at > FRESH_FOR_MS)
      this.reading = { at: Date.now(), lags: this.readNow().catch(() => []) };
    return this.reading.lags;
  }

  async stop(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async readNow(): Promise<PartitionLag[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('consumer lag: Kafka did not answer')), READING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.lagsFromKafka(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async lagsFromKafka(): Promise<PartitionLag[]> {
    if (!this.admin) {
      this.admin = this.options.kafka.admin();
      await this.admin.connect();
    }
    const admin = this.admin;
    const topics = [...this.options.topics];
    const [committed, ends] = await Promise.all([
      admin.fetchOffsets({ groupId: this.options.groupId, topics }),
      Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))),
    ]);
    const committedOf = new Map(
      committed.flatMap(({ topic, partitions }) =>
        partitions.map((p) => [`${topic}:${p.partition}`, Number(p.offset)] as const),
      ),
    );
    return ends.flatMap(({ topic, offsets }) =>
      offsets.map(({ partition, high, low }) => {
        const at = committedOf.get(`${topic}:${partition}`) ?? -1;
        // Nothing committed yet (-1): the group starts from the beginning, so all that is kept is behind.
        const from = at < 0 ? Number(low) : at;
        return { topic, partition, lag: Math.max(0, Number(high) - from) };
      }),
    );
  }
}
