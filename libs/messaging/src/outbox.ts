import { randomUUID } from 'node:crypto';
import { encodeEvent, type EventContract, type EventData, type KafkaHeaders } from '@lib/contracts';
import { traceHeadersForEvent } from '@lib/telemetry';
import { currentCorrelationId } from './correlation';

/**
 * An event waiting in the document whose change it announces. It is written in the same insert as the
 * state change, so the two cannot disagree, and sent to Kafka afterwards by the outbox relay.
 */
export interface OutboxEntry {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: KafkaHeaders;
  readonly createdAt: Date;
}

/** The fields an outbox-carrying document has; the relay finds pending documents by `outboxPending`. */
export interface OutboxFields {
  outbox: OutboxEntry[];
  outboxPending: boolean;
  outboxCreatedAt: Date;
}

/** An event to put in an outbox; `outboxEvent` checks its data against its contract's type. */
export interface PendingEvent {
  readonly contract: EventContract;
  readonly data: unknown;
}

/** Validates and encodes events for a document about to be inserted; spread the result into the document. */
export function withOutbox(source: string, ...events: PendingEvent[]): OutboxFields {
  const now = new Date();
  const outbox = events.map(({ contract, data }) => {
    const id = randomUUID();
    // The active trace (the request's or event's span) travels with the event, so its consumers join that trace.
    const encoded = encodeEvent(contract, data as never, {
      source,
      id,
      correlationId: currentCorrelationId(),
      time: now,
      trace: traceHeadersForEvent(contract.topic, id),
    });
    return {
      id,
      topic: encoded.topic,
      key: encoded.key,
      value: encoded.value,
      headers: encoded.headers,
      createdAt: now,
    };
  });
  return { outbox, outboxPending: outbox.length > 0, outboxCreatedAt: now };
}

/** One event for `withOutbox`, typed by its contract. */
export function outboxEvent<C extends EventContract>(
  contract: C,
  data: EventData<C>,
): { contract: C; data: EventData<C> } {
  return { contract, data };
}
