import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Carries the correlation id from an HTTP request or consumed event to every event it causes. */
const storage = new AsyncLocalStorage<string>();

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run(correlationId, work);
}

/** The current correlation id, or a fresh one when the work did not start from a request or event. */
export function currentCorrelationId(): string {
  return storage.getStore() ?? randomUUID();
}
