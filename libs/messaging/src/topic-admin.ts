import { deadLetterTopic } from '@lib/contracts';
import type { Admin, Kafka } from 'kafkajs';
import { sleep } from './retry';

export interface EnsureTopicsOptions {
  readonly partitions: number;
  readonly replicationFactor?: number;
  /** How long to wait for every partition to have a leader. */
  readonly timeoutMs?: number;
}

/**
 * Creates the topics and their dead-letter topics that do not exist yet, and waits until every partition of
 * them has a leader. Topics are never auto-created: on KRaft that gives transient leader errors, and a typo
 * would silently make a new topic. Several services may create the same topics at once; that is fine.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[],
  options: EnsureTopicsOptions,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = [...new Set(topics.flatMap((topic) => [topic, deadLetterTopic(topic)]))];
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      // Not waitForLeaders: KafkaJS gives up on the "unknown topic" answers KRaft sends while a new topic
      // propagates; waitForLeaders below retries them.
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions,
          replicationFactor: options.replicationFactor ?? 1,
        })),
      });
    }
    await waitForLeaders(admin, wanted, options.timeoutMs ?? 30000);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let problem: string;
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const leaderless = metadata.filter(
        (topic) => topic.partitions.length === 0 || topic.partitions.some((p) => p.leader < 0),
      );
      if (leaderless.length === 0) return;
      problem = `no leader yet for ${leaderless.map((topic) => topic.name).join(', ')}`;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`topics not ready after ${timeoutMs} ms: ${problem}`);
    await sleep(200);
  }
}
