import type { EventContract, EventData, EventEnvelope } from '@lib/contracts';

export interface EventHandler<C extends EventContract = EventContract> {
  readonly contract: C;
  handle(envelope: EventEnvelope<EventData<C>>): Promise<void>;
  /**
   * The fresh events of a whole Kafka batch at once, in offset order, so the handler can write them with one bulk
   * call per collection. Only for handlers whose outcome does not depend on the order of different keys' events.
   * When it fails with an error that is not transient, the events are handled one by one with `handle`, so only a
   * poison event is dead-lettered.
   */
  handleBatch?(envelopes: EventEnvelope<EventData<C>>[]): Promise<void>;
}
