import { outboxPendingOf } from '@lib/persistence';
import type { Kafka } from 'kafkajs';
import type { Db } from 'mongodb';
import { ConsumerLag } from './consumer-lag';
import { registerOutboxMetrics } from './outbox-metrics';
import type { ServiceMetrics } from './service-metrics';

export interface MessagingMetricsOptions {
  readonly kafka: Kafka;
  readonly db: Db;
  readonly groupId: string;
  /** The topics the service consumes, without the prefix. */
  readonly topics: readonly string[];
  readonly topicPrefix: string;
}

/** A domain service's Kafka and outbox gauges: its consumer group's lag and what its outbox has yet to send. */
export function registerMessagingMetrics(metrics: ServiceMetrics, options: MessagingMetricsOptions): void {
  registerOutboxMetrics(metrics.registry, outboxPendingOf(options.db));
  const lag = new ConsumerLag({
    kafka: options.kafka,
    groupId: options.groupId,
    topics: options.topics.map((topic) => `${options.topicPrefix}${topic}`),
    topicPrefix: options.topicPrefix,
  });
  lag.register(metrics.registry);
  metrics.stopWith(() => lag.stop());
}
