import { Kafka, type logCreator, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { MessagingLogger } from './logger';

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Where KafkaJS warnings and errors go, one line each; the console when not given. */
  readonly logger?: MessagingLogger;
}

/** A KafkaJS client that reports only warnings and errors, one line each, through the given logger. */
export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: logLevel.WARN,
    logCreator: oneLineLogs(settings.logger ?? console),
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** Idempotent, one request in flight: retries never duplicate or reorder what the relay sends. */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/**
 * The idempotent producer's retries are limited on purpose, so a send to a dead broker fails instead of
 * hanging; what fails stays in the outbox (or uncommitted) and is sent again, and consumers skip duplicates.
 * KafkaJS warns about that limit on every producer; that warning says nothing we do not know.
 */
const EXPECTED_WARNINGS = ['Limiting retries for the idempotent producer'];

/**
 * While a new topic's partitions elect their leaders, a request to one answers with these; KafkaJS refreshes its
 * metadata and retries, and the caller gets the error if it lasts. The connection's own line for each is noise.
 */
const SETTLING_LEADERSHIP = [
  'This server is not the leader for that topic-partition',
  'This server does not host this topic-partition',
  'There is no leader for this topic-partition as we are in the middle of a leadership election',
];

export function oneLineLogs(logger: MessagingLogger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      if (EXPECTED_WARNINGS.some((warning) => log.message.startsWith(warning))) return;
      if (namespace === 'Connection' && SETTLING_LEADERSHIP.includes(String(log.error))) return;
      const error = typeof log.error === 'string' ? `: ${log.error}` : '';
      const line = `kafkajs ${namespace} ${log.message}${error}`;
      if (level === logLevel.ERROR) logger.error(line);
      else logger.warn(line);
    };
}
