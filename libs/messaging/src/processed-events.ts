import type { Collection, Db } from 'mongodb';
import { duplicateIndexesOf } from '@lib/persistence';

interface ProcessedEvent {
  _id: string;
  consumerGroup: string;
  eventId: string;
  topic: string;
  processedAt: Date;
}

/**
 * Markers of events a consumer group has handled: `_id` is `<group>:<event id>`, so a second marker for the
 * same event is a duplicate-key insert, never an update.
 */
export class ProcessedEvents {
  private readonly collection: Collection<ProcessedEvent>;

  constructor(db: Db, collectionName = 'processed_events') {
    this.collection = db.collection<ProcessedEvent>(collectionName);
  }

  async wasProcessed(consumerGroup: string, eventId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: `${consumerGroup}:${eventId}` }, { limit: 1 })) > 0;
  }

  /** Which of these events the group has handled: one keyed read for a whole batch. */
  async processedOf(consumerGroup: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const markers = await this.collection
      .find({ _id: { $in: eventIds.map((id) => `${consumerGroup}:${id}`) } }, { projection: { eventId: 1 } })
      .toArray();
    return new Set(markers.map((marker) => marker.eventId));
  }

  /** Markers for a batch's handled events in one unordered insert; markers that exist already are fine. */
  async markManyProcessed(
    consumerGroup: string,
    events: readonly { eventId: string; topic: string }[],
  ): Promise<void> {
    if (events.length === 0) return;
    const processedAt = new Date();
    try {
      await this.collection.insertMany(
        events.map(({ eventId, topic }) => ({
          _id: `${consumerGroup}:${eventId}`,
          consumerGroup,
          eventId,
          topic,
          processedAt,
        })),
        { ordered: false },
      );
    } catch (error) {
      if (!duplicateIndexesOf(error)) throw error;
    }
  }
}
