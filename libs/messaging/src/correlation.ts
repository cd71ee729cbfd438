import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the current work came from: the correlation id, and the event when it is an event's handling. */
export interface CorrelationScope {
  readonly correlationId: string;
  readonly eventId?: string;
  readonly topic?: string;
}

/** Carries the correlation id from an HTTP request or consumed event to every event it causes (and to log lines). */
const storage = new AsyncLocalStorage<CorrelationScope>();

export function runWithCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

/** Runs an event's handling with its correlation id, id and topic in scope. */
export function runForEvent<T>(
  event: { readonly correlationId: string; readonly id: string; readonly type: string },
  work: () => T,
): T {
  return storage.run({ correlationId: event.correlationId, eventId: event.id, topic: event.type }, work);
}

/**
 * Runs a batch's handling with the correlation id its events share (one request's events arrive together), so what
 * the batch writes carries it on; events of several requests leave each write a fresh one.
 */
export function runForEvents<T>(
  events: readonly { readonly correlationId: string; readonly id: string; readonly type: string }[],
  work: () => T,
): T {
  const ids = new Set(events.map((event) => event.correlationId));
  const [first] = events;
  if (ids.size !== 1 || !first) return work();
  if (events.length === 1) return runForEvent(first, work);
  return storage.run({ correlationId: first.correlationId, topic: first.type }, work);
}

/** The current correlation id, or a fresh one when the work did not start from a request or event. */
export function currentCorrelationId(): string {
  return storage.getStore()?.correlationId ?? randomUUID();
}

/** The current scope, if the work started from a request or event (for log lines). */
export function correlationScope(): CorrelationScope | undefined {
  return storage.getStore();
}

/** Runs work (a timer that outlives the request or event, say) outside any correlation scope. */
export function outsideCorrelation<T>(work: () => T): T {
  return storage.exit(work);
}
