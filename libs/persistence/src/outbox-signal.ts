import { EventEmitter } from 'node:events';

/**
 * Tells the outbox relay of this process that a record with pending events was just inserted, so it sends
 * them at once instead of at its next poll. Polling stays as the safety net (other processes, missed signals).
 */
export const outboxSignal = new EventEmitter();
export const OUTBOX_WRITTEN = 'outbox-written';

export function signalIfOutbox(records: readonly unknown[]): void {
  if (records.some((record) => (record as { outboxPending?: unknown }).outboxPending === true))
    outboxSignal.emit(OUTBOX_WRITTEN);
}
