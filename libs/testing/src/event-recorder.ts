import { randomUUID } from 'node:crypto';
import { decodeEvent, EVENT_CONTRACTS, type EventEnvelope, headersToStrings } from '@lib/contracts';
import { createKafka, silentLogger } from '@lib/messaging';
import type { Consumer } from 'kafkajs';
import { testStack } from './test-stack';
import { waitFor } from './wait-for';

export interface RecordedEvent {
  readonly topic: string;
  readonly key: string | null;
  readonly envelope: EventEnvelope<any>;
  /** False when the message did not satisfy its contract. */
  readonly valid: boolean;
}

/** Reads every event under a topic prefix from the start, decoding each with its contract, for specs to assert on. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private consumer: Consumer | undefined;

  /** `brokers`: a Kafka of the spec's own (default: the test stack's). */
  constructor(
    private readonly topicPrefix: string,
    private readonly brokers?: string[],
  ) {}

  async start(): Promise<void> {
    const kafka = createKafka({
      brokers: this.brokers ?? testStack().kafkaBrokers,
      clientId: 'spec-recorder',
      logger: silentLogger,
    });
    this.consumer = kafka.consumer({ groupId: `spec-recorder-${randomUUID()}` });
    await this.consumer.connect();
    // Only the topics the spec's services created: subscribing to a missing topic fails.
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    await admin.disconnect();
    const topics = EVENT_CONTRACTS.map((c) => `${this.topicPrefix}${c.topic}`).filter((topic) =>
      existing.has(topic),
    );
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: ({ topic, message }) => {
        const logical = topic.slice(this.topicPrefix.length);
        const contract = EVENT_CONTRACTS.find((candidate) => candidate.topic === logical)!;
        const decoded = decodeEvent(contract, headersToStrings(message.headers), message.value);
        this.events.push({
          topic: logical,
          key: message.key?.toString() ?? null,
          envelope: decoded.ok
            ? decoded.envelope
            : ({ data: JSON.parse(message.value?.toString() ?? 'null') } as EventEnvelope),
          valid: decoded.ok,
        });
        return Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Events of a topic whose data matches, in arrival order. */
  find(topic: string, match: (data: any) => boolean = () => true): RecordedEvent[] {
    return this.events.filter((event) => event.topic === topic && match(event.envelope.data));
  }

  /** Waits until at least `count` such events arrived; returns them. */
  async waitFor(
    topic: string,
    match: (data: any) => boolean = () => true,
    count = 1,
  ): Promise<RecordedEvent[]> {
    return waitFor(
      () => {
        const found = this.find(topic, match);
        return found.length >= count ? found : undefined;
      },
      { what: `${count} ${topic} event(s)`, timeoutMs: 30000 },
    );
  }
}
