import type { EventMetrics } from '@lib/messaging';
import { Counter, type Registry } from 'prom-client';

/** The consumer's counts as Prometheus counters, by topic (and by kind for dead letters). */
export function promEventMetrics(registry: Registry): EventMetrics {
  const consumed = new Counter({
    name: 'credit_bridge_events_consumed_total',
    help: 'Events handled by this service, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const retried = new Counter({
    name: 'credit_bridge_events_retried_total',
    help: 'Failed tries of an event that will be tried again, by topic',
    labelNames: ['topic'] as const,
    registers: [registry],
  });
  const deadLettered = new Counter({
    name: 'credit_bridge_events_dead_lettered_total',
    help: 'Events sent to their dead-letter topic, by topic and kind (invalid, rejected, poison)',
    labelNames: ['topic', 'kind'] as const,
    registers: [registry],
  });
  return {
    consumed: (topic, count) => consumed.inc({ topic }, count),
    retried: (topic, count) => retried.inc({ topic }, count),
    deadLettered: (topic, kind) => deadLettered.inc({ topic, kind }),
  };
}
