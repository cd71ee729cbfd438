import { deadLetterTopic } from '@lib/contracts';
import type { Kafka } from 'kafkajs';

export interface EnsureTopicsOptions {
  readonly partitions: number;
  readonly replicationFactor?: number;
}

/**
 * Creates the topics and their dead-letter topics that do not exist yet. Topics are never auto-created:
 * on KRaft that gives transient leader errors, and a typo would silently make a new topic.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  options: EnsureTopicsOptions,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopic(topic)]))];
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions,
          replicationFactor: options.replicationFactor ?? 1,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
