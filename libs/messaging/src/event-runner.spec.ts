import { credentialIssuedV1, type EventEnvelope } from '@lib/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { DeadLetterFailure } from './dead-letter-sender';
import { PermanentEventError, TransientEventError } from './errors';
import type { EventMetrics } from './event-metrics';
import { type Decoded, EventRunner } from './event-runner';
import type { ProcessedEvents } from './processed-events';

const TOPIC = credentialIssuedV1.topic;

/** A runner whose handler fails with `failure` (or succeeds), counting into plain arrays. */
function runnerFailingWith(failure: Error | undefined) {
  const counted = { consumed: 0, retried: 0, deadLettered: [] as string[] };
  const metrics: EventMetrics = {
    consumed: (_, count) => (counted.consumed += count),
    retried: (topic, count) => {
      expect(topic).toBe(TOPIC);
      counted.retried += count;
    },
    deadLettered: (_, kind) => counted.deadLettered.push(kind),
  };
  const sent: DeadLetterFailure[] = [];
  const runner = new EventRunner(
    { attemptsInPlace: 3, unknownErrorAttempts: 2, initialDelayMs: 1, maxDelayMs: 1 },
    { wasProcessed: () => Promise.resolve(false) } as unknown as ProcessedEvents,
    'group',
    (_, dead) => {
      sent.push(dead);
      return Promise.resolve();
    },
    metrics,
  );
  const item: Decoded = {
    topic: TOPIC,
    partition: 0,
    message: { offset: '0', key: Buffer.from('k') } as KafkaMessage,
    handler: {
      contract: credentialIssuedV1,
      handle: () => (failure ? Promise.reject(failure) : Promise.resolve()),
    },
    envelope: { id: 'event-1' } as EventEnvelope,
  };
  const run = () => runner.inOrder([item], () => Promise.resolve());
  return { counted, sent, run };
}

describe('EventRunner counts', () => {
  it('counts each failed try it will try again, by topic, and none for a handled event', async () => {
    const transient = runnerFailingWith(new TransientEventError('database away'));
    const outcome = await transient.run();
    expect(outcome.stall).toBeDefined();
    expect(transient.counted.retried).toBe(3);

    const fine = runnerFailingWith(undefined);
    expect((await fine.run()).handled).toHaveLength(1);
    expect(fine.counted.retried).toBe(0);
  });

  it('stops counting retries when it gives up: at once for a permanent error, after the attempts for an unknown one', async () => {
    const permanent = runnerFailingWith(new PermanentEventError('never'));
    expect((await permanent.run()).deadLettered).toHaveLength(1);
    expect(permanent.counted.retried).toBe(0);
    expect(permanent.sent.map((dead) => dead.kind)).toEqual(['rejected']);

    const unknown = runnerFailingWith(new Error('odd'));
    expect((await unknown.run()).deadLettered).toHaveLength(1);
    expect(unknown.counted.retried).toBe(1);
    expect(unknown.sent.map((dead) => dead.kind)).toEqual(['poison']);
  });
});
