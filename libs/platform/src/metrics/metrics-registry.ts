import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry of one service's metrics, each labelled with the service, with prom-client's process metrics (memory,
 * CPU, event-loop delay, GC). One per service rather than the global one: the specs run several services in one
 * process, and each must answer with its own counts.
 */
export function serviceRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
