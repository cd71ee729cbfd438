import type { ConsumerStatus } from '@lib/messaging';
import { Injectable } from '@nestjs/common';
import type { ReadinessCheck } from './readiness';

/** What reports a consumer's status: the service's Kafka event server. */
export interface ConsumerStatusSource {
  consumerStatus(): ConsumerStatus | undefined;
}

/**
 * `/ready`'s view of the service's event consumer: down while KafkaJS's run loop is being rebuilt after a crash;
 * its detail lists partitions paused by an outage (where, why, since when, next try) and each partition's lag.
 * A service without consumers is always ready here.
 */
@Injectable()
export class EventConsumerReadiness implements ReadinessCheck {
  readonly name = 'events';
  private source: ConsumerStatusSource | undefined;

  /** Called once the event server exists (it is built after the Nest module). */
  attach(source: ConsumerStatusSource): void {
    this.source = source;
  }

  isReady(): Promise<boolean> {
    return Promise.resolve(this.source?.consumerStatus()?.running ?? true);
  }

  detail(): ConsumerStatus | undefined {
    return this.source?.consumerStatus();
  }
}
