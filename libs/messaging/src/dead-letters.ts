import { randomUUID } from 'node:crypto';
import { headersToStrings, isDeadLetterTopic } from '@lib/contracts';
import type { Kafka } from 'kafkajs';
import { DLQ_HEADERS, isDeadLetterHeader } from './dead-letter-headers';
import { createIdempotentProducer } from './kafka-client';

/** One message of a dead-letter topic. */
export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string>;
  /** True when a replay has already re-published it. */
  readonly replayed: boolean;
}

/** The consumer group whose committed offsets say how far each dead-letter topic has been replayed. */
export const REPLAY_GROUP = 'credit-bridge.dlq-replay';

export async function listDeadLetterTopics(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).filter(isDeadLetterTopic).sort();
  } finally {
    await admin.disconnect();
  }
}

/** Every dead letter in a topic, marking those already replayed. */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const replayedUpTo = await replayOffsets(kafka, topic);
  const messages = await readToEnd(kafka, topic);
  return messages.map((letter) => ({
    ...letter,
    replayed: BigInt(letter.offset) < (replayedUpTo.get(letter.partition) ?? 0n),
  }));
}

/**
 * Re-publishes the dead letters not replayed yet to their original topics, with their original key, value and
 * CloudEvents headers (so consumers that already handled the event still skip it), then records how far it got.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const pending = (await readDeadLetters(kafka, topic)).filter((letter) => !letter.replayed);
  if (pending.length === 0) return [];
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    for (const letter of pending) {
      const originalHeaders = Object.fromEntries(
        Object.entries(letter.headers).filter(([name]) => !isDeadLetterHeader(name)),
      );
      await producer.send({
        topic: letter.headers[DLQ_HEADERS.originalTopic]!,
        messages: [{ key: letter.key, value: letter.value, headers: originalHeaders }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  await recordReplayed(kafka, topic, pending);
  return pending;
}

async function replayOffsets(kafka: Kafka, topic: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId: REPLAY_GROUP, topics: [topic] });
    return new Map(
      (committed?.partitions ?? [])
        .filter((partition) => partition.offset !== '-1')
        .map((partition) => [partition.partition, BigInt(partition.offset)]),
    );
  } finally {
    await admin.disconnect();
  }
}

async function recordReplayed(kafka: Kafka, topic: string, letters: readonly DeadLetter[]): Promise<void> {
  const next = new Map<number, bigint>();
  for (const letter of letters) {
    const after = BigInt(letter.offset) + 1n;
    if (after > (next.get(letter.partition) ?? 0n)) next.set(letter.partition, after);
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.setOffsets({
      groupId: REPLAY_GROUP,
      topic,
      partitions: [...next].map(([partition, offset]) => ({ partition, offset: offset.toString() })),
    });
  } finally {
    await admin.disconnect();
  }
}

type RawLetter = Omit<DeadLetter, 'replayed'>;

/** Reads a topic from its start up to its current end, then stops. */
async function readToEnd(kafka: Kafka, topic: string): Promise<RawLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map<number, bigint>();
  for (const { partition, high, low } of ends) {
    if (BigInt(high) > BigInt(low)) remaining.set(partition, BigInt(high));
  }
  if (remaining.size === 0) return [];

  const groupId = `credit-bridge.dlq-reader.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const letters: RawLetter[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 30000);
      consumer
        .run({
          eachMessage: ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || BigInt(message.offset) >= end) return Promise.resolve();
            letters.push({
              topic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value,
              headers: headersToStrings(message.headers),
            });
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timeout);
              resolve();
            }
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]);
  } catch {
    // A reader group left behind holds no data; failing to delete it is not worth failing the command.
  } finally {
    await admin.disconnect();
  }
}
