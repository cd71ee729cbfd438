import type { Collection, Db } from 'mongodb';
import { isDuplicateKeyError } from '@lib/persistence';

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

  async markProcessed(consumerGroup: string, eventId: string, topic: string): Promise<void> {
    try {
      await this.collection.insertOne({
        _id: `${consumerGroup}:${eventId}`,
        consumerGroup,
        eventId,
        topic,
        processedAt: new Date(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
