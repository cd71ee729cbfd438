import { deadLetterTopic, headersToStrings } from '@lib/contracts';
import type { KafkaMessage, Producer } from 'kafkajs';
import { DLQ_HEADERS, type DeadLetterKind } from './dead-letter-headers';

/** Why a message goes to its dead-letter topic. */
export interface DeadLetterFailure {
  readonly kind: DeadLetterKind;
  readonly reason: string;
  readonly attempts: number;
  /** When the first of the attempts failed. */
  readonly firstFailedAt?: string;
}

/** Where a message came from. */
export interface MessageOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/**
 * Sends a message to `<topic>.dlq` with headers saying why, where from and which group gave up. If it cannot be sent
 * the error propagates, so the caller does not count the message as done and nothing is lost.
 */
export async function sendDeadLetter(
  producer: Producer,
  consumerGroup: string,
  { topic, partition, message }: MessageOrigin,
  failure: DeadLetterFailure,
): Promise<void> {
  await producer.send({
    topic: deadLetterTopic(topic),
    messages: [
      {
        key: message.key ?? `${topic}:${partition}:${message.offset}`,
        value: message.value,
        headers: {
          ...headersToStrings(message.headers),
          [DLQ_HEADERS.reason]: failure.reason.slice(0, 2000),
          [DLQ_HEADERS.kind]: failure.kind,
          [DLQ_HEADERS.originalTopic]: topic,
          [DLQ_HEADERS.originalPartition]: String(partition),
          [DLQ_HEADERS.originalOffset]: message.offset,
          [DLQ_HEADERS.consumerGroup]: consumerGroup,
          [DLQ_HEADERS.attempts]: String(failure.attempts),
          [DLQ_HEADERS.failedAt]: new Date().toISOString(),
          ...(failure.firstFailedAt ? { [DLQ_HEADERS.firstFailedAt]: failure.firstFailedAt } : {}),
        },
      },
    ],
  });
}
