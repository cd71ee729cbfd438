import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** Offsets of a topic's partitions (partition to offset). */
export type TopicOffsets = Map<number, bigint>;

/** Where each partition of a topic ends now: the offset the next message will get. */
export async function endOffsets(kafka: Kafka, topic: string): Promise<TopicOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, offset }) => [partition, BigInt(offset)]));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Every message of `topic` from `from` up to the partitions' current ends, read by a throwaway consumer group
 * (it commits nothing that matters to anyone else).
 */
export async function readFrom(kafka: Kafka, topic: string, from: TopicOffsets): Promise<KafkaMessage[]> {
  const to = await endOffsets(kafka, topic);
  const pending = new Map([...to].filter(([partition, end]) => end > (from.get(partition) ?? 0n)));
  if (pending.size === 0) return [];
  const messages: KafkaMessage[] = [];
  const consumer = kafka.consumer({ groupId: `chaos-count-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((done) => (finish = done));
    const joined = new Promise<void>((done) => consumer.on(consumer.events.GROUP_JOIN, () => done()));
    await consumer.run({
      eachMessage: ({ partition, message }) => {
        const end = pending.get(partition);
        if (end === undefined) return Promise.resolve();
        if (BigInt(message.offset) < end) messages.push(message);
        if (BigInt(message.offset) >= end - 1n) pending.delete(partition);
        if (pending.size === 0) finish();
        return Promise.resolve();
      },
    });
    await joined;
    for (const partition of pending.keys())
      consumer.seek({ topic, partition, offset: String(from.get(partition) ?? 0n) });
    // A hang guard only: reading a few thousand messages takes seconds.
    await Promise.race([
      finished,
      new Promise((_, failed) =>
        setTimeout(() => failed(new Error(`reading ${topic} timed out`)), 120000).unref(),
      ),
    ]);
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
