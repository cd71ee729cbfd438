import type { EventEnvelope } from '@lib/contracts';
import type { KafkaMessage } from 'kafkajs';
import { inBatchConsumerSpan, inConsumerSpan } from '@lib/telemetry';
import { runForEvent, runForEvents } from './correlation';
import type { DeadLetterFailure } from './dead-letter-sender';
import { type EventAttempt, EventAttempts } from './event-attempts';
import type { EventHandler } from './event-handler';
import { type EventMetrics, noEventMetrics } from './event-metrics';
import { failureClassOf } from './failure-class';
import type { ProcessedEvents } from './processed-events';
import { backoffDelay, sleep, type RetryPolicy } from './retry';

/** One message of a batch, decoded, with its handler. */
export interface Decoded {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly handler: EventHandler;
  readonly envelope: EventEnvelope;
}

/** Why a partition stops at a message for now. */
export interface Stall {
  readonly kind: 'stall';
  readonly reason: string;
}

export const stall = (reason: string): Stall => ({ kind: 'stall', reason });

/**
 * What became of one key's messages: handled (their markers are written), dead-lettered (done, but not marked, so
 * a replay from the dead-letter topic is handled), and the stall that stopped the rest, if any.
 */
export interface KeyOutcome {
  readonly handled: Decoded[];
  readonly deadLettered: Decoded[];
  readonly stall?: Stall;
}

/** A heartbeat's failure (a rebalance, Kafka away): Kafka's to handle, so it is not taken for a handler's. */
export class HeartbeatFailure extends Error {
  constructor(readonly original: unknown) {
    super('heartbeat failed');
  }
}

/**
 * Runs handlers on a batch's fresh events with the failure classes of `failureClassOf`: a few tries in place, then
 * a stall (the partition pauses and tries again later) for transient and unknown errors, a dead letter for permanent
 * ones and for unknown ones that used up the policy's attempts.
 */
export class EventRunner {
  private readonly attempts = new EventAttempts();

  constructor(
    private readonly policy: RetryPolicy,
    private readonly processed: ProcessedEvents,
    private readonly groupId: string,
    private readonly sendDeadLetter: (item: Decoded, failure: DeadLetterFailure) => Promise<void>,
    private readonly metrics: EventMetrics = noEventMetrics,
  ) {}

  /** The batch in one call, retried in place; one by one when it keeps failing unless the failure is transient. */
  async asBatch(
    handler: EventHandler,
    items: Decoded[],
    heartbeat: () => Promise<void>,
  ): Promise<'handled' | 'one-by-one' | Stall> {
    const envelopes = items.map((item) => item.envelope);
    for (let attempt = 1; ; attempt += 1) {
      try {
        await runForEvents(envelopes, () =>
          inBatchConsumerSpan(envelopes, this.groupId, () => handler.handleBatch!(envelopes)),
        );
        return 'handled';
      } catch (error) {
        if (error instanceof HeartbeatFailure) throw error;
        const failureClass = failureClassOf(error);
        if (failureClass === 'permanent') return 'one-by-one';
        this.metrics.retried(handler.contract.topic, items.length);
        if (attempt >= this.policy.attemptsInPlace)
          return failureClass === 'transient' ? stall(reasonOf(error)) : 'one-by-one';
        await sleep(backoffDelay(this.policy, attempt));
        await heartbeat();
      }
    }
  }

  /** One key's messages in offset order, stopping at the first that must wait (the rest of the key waits too). */
  async inOrder(group: Decoded[], heartbeat: () => Promise<void>): Promise<KeyOutcome> {
    const handled: Decoded[] = [];
    const deadLettered: Decoded[] = [];
    for (const item of group) {
      // Log lines carry the event's correlation id, id and topic; its span continues the trace that wrote it.
      const outcome = await runForEvent(item.envelope, () =>
        inConsumerSpan(item.envelope, this.groupId, () => this.handleWithRetry(item, heartbeat)),
      );
      if (outcome === 'handled') {
        handled.push(item);
        continue;
      }
      if (outcome.kind === 'stall') return { handled, deadLettered, stall: outcome };
      try {
        await this.sendDeadLetter(item, outcome);
        deadLettered.push(item);
      } catch (error) {
        const reason = `the dead-letter topic is unreachable: ${reasonOf(error)}`;
        return { handled, deadLettered, stall: stall(reason) };
      }
    }
    return { handled, deadLettered };
  }

  /** Handled, a dead letter to send, or a stall (try again after a pause). */
  private async handleWithRetry(
    { handler, envelope }: Decoded,
    heartbeat: () => Promise<void>,
  ): Promise<'handled' | DeadLetterFailure | Stall> {
    for (let inPlace = 1; ; inPlace += 1) {
      try {
        // A retry may follow a crash of the handler after its writes; a marker from elsewhere means done.
        if (inPlace > 1 && (await this.processed.wasProcessed(this.groupId, envelope.id))) break;
        await handler.handle(envelope);
        break;
      } catch (error) {
        if (error instanceof HeartbeatFailure) throw error;
        const attempt: EventAttempt = this.attempts.failed(envelope.id);
        const failureClass = failureClassOf(error);
        const reason = reasonOf(error);
        if (failureClass === 'permanent') return this.gaveUp(envelope.id, 'rejected', reason, attempt);
        if (failureClass === 'unknown' && attempt.count >= this.policy.unknownErrorAttempts)
          return this.gaveUp(envelope.id, 'poison', reason, attempt);
        this.metrics.retried(handler.contract.topic, 1);
        if (inPlace >= this.policy.attemptsInPlace) return stall(`${failureClass}: ${reason}`);
        await sleep(backoffDelay(this.policy, inPlace));
        await heartbeat();
      }
    }
    this.attempts.forget(envelope.id);
    return 'handled';
  }

  private gaveUp(
    eventId: string,
    kind: 'rejected' | 'poison',
    reason: string,
    attempt: EventAttempt,
  ): DeadLetterFailure {
    this.attempts.forget(eventId);
    return { kind, reason, attempts: attempt.count, firstFailedAt: attempt.since };
  }
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
