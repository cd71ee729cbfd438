import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/** A change to an offering's enrolments under way: written before the change, removed once its placing is done. */
interface PlacementIntent {
  _id: string;
  offeringId: string;
  createdAt: Date;
}

/**
 * Intents to place an offering's enrolments. A process that dies between recording enrolments and placing them (or
 * whose placements the database lost) leaves its intent behind, and the placement sweeper places that offering
 * again; without it those enrolments would stay pending until the offering next changed. Keyed by a fresh id per
 * change, so a change that ends never removes the intent of another still running.
 */
@Injectable()
export class PlacementIntentsRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get intents() {
    return this.connection.db!.collection<PlacementIntent>('placement_intents');
  }

  async open(offeringId: string): Promise<string> {
    const _id = randomUUID();
    await this.intents.insertOne({ _id, offeringId, createdAt: new Date() });
    return _id;
  }

  async close(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.intents.deleteMany({ _id: { $in: [...ids] } });
  }

  /** The oldest intents left before `before` (changes that should long have finished). */
  leftBefore(before: Date, limit: number): Promise<PlacementIntent[]> {
    return this.intents
      .find({ createdAt: { $lt: before } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }
}
