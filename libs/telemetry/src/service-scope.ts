import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which service the current work belongs to. A service is started inside its scope, so everything it creates (its
 * HTTP server, Kafka consumers, timers) inherits it: log lines and spans name the right service even when specs run
 * several services in one process.
 */
const storage = new AsyncLocalStorage<string>();

export function runInService<T>(service: string, work: () => T): T {
  return storage.run(service, work);
}

export function currentService(): string | undefined {
  return storage.getStore();
}
