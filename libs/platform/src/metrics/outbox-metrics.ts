import { outboxBacklog, type OutboxIntent } from '@lib/persistence';
import type { Collection } from 'mongodb';
import { Gauge, type Registry } from 'prom-client';

/**
 * What the outbox relay has yet to send, read on scrape: the intents' count (collection metadata) and the oldest
 * one's age (the `createdAt` index, one entry read). A growing age means events are not reaching Kafka.
 */
export function registerOutboxMetrics(registry: Registry, pending: Collection<OutboxIntent>): void {
  type Backlog = Awaited<ReturnType<typeof outboxBacklog>>;
  let backlog: Promise<Backlog | undefined> | undefined;
  // Both gauges are collected in one scrape and share one reading; a database that does not answer leaves the last
  // values, rather than failing the whole scrape.
  const readOnce = () => {
    backlog ??= outboxBacklog(pending)
      .catch(() => undefined)
      .finally(() => setImmediate(() => (backlog = undefined)));
    return backlog;
  };
  new Gauge({
    name: 'credit_bridge_outbox_pending',
    help: 'Documents whose events the outbox relay has not sent to Kafka yet',
    registers: [registry],
    async collect() {
      const read = await readOnce();
      if (read) this.set(read.pending);
    },
  });
  new Gauge({
    name: 'credit_bridge_outbox_oldest_pending_age_seconds',
    help: 'How long the oldest unsent outbox entry has waited (0 when none waits)',
    registers: [registry],
    async collect() {
      const read = await readOnce();
      if (read) this.set(read.oldestAt ? Math.max(0, (Date.now() - read.oldestAt.getTime()) / 1000) : 0);
    },
  });
}
