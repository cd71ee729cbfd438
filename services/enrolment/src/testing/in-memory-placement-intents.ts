import { randomUUID } from 'node:crypto';
import type { PlacementIntentsRepository } from '../enrolments/placement-intents.repository';

type Intent = { _id: string; offeringId: string; createdAt: Date };

/** Placement intents in memory, for the unit specs. */
export class InMemoryPlacementIntents implements Pick<
  PlacementIntentsRepository,
  'open' | 'close' | 'leftBefore'
> {
  readonly intents = new Map<string, Intent>();

  open(offeringId: string): Promise<string> {
    const _id = randomUUID();
    this.intents.set(_id, { _id, offeringId, createdAt: new Date() });
    return Promise.resolve(_id);
  }

  close(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.intents.delete(id);
    return Promise.resolve();
  }

  leftBefore(before: Date, limit: number): Promise<Intent[]> {
    return Promise.resolve(
      [...this.intents.values()].filter((intent) => intent.createdAt < before).slice(0, limit),
    );
  }
}
