import { withOutbox } from '@lib/messaging';
import { KeyedMutex } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { EVENT_SOURCE } from '../common/event-source';
import { LearnersService } from '../learners/learners.service';
import type { Offering } from '../offerings/offering.schema';
import type { Enrolment } from './enrolment.schema';
import { createdEvent, promotedEvent } from './enrolment-events';
import { EnrolmentsRepository } from './enrolments.repository';
import { type Placement, placements } from './placement';

const MAX_ROUNDS = 20;

/**
 * Places an offering's enrolments into seats or onto the waitlist. Changes to one offering run one at a time
 * in this process, in arrival order; every placement is an insert under a unique key, so a process that loses
 * a race to another just reads again and places what is left. Capacity can never be exceeded.
 */
@Injectable()
export class SeatAllocator {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly learners: LearnersService,
  ) {}

  /** Runs a change to an offering (an enrolment, a withdrawal) and then places whatever it left unplaced. */
  change<T>(offering: Offering, work: () => Promise<T>): Promise<T> {
    return this.mutex.run(offering._id, async () => {
      const result = await work();
      await this.settle(offering);
      return result;
    });
  }

  private async settle(offering: Offering): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const { enrolments, facts } = await this.enrolments.wholeOffering(offering._id);
      const todo = placements({
        capacity: offering.capacity,
        enrolments,
        claims: [...facts.claims.values()],
        waitlisted: new Set(facts.waitlisted.keys()),
        withdrawn: new Set(facts.withdrawals.keys()),
      });
      if (todo.length === 0 || (await this.write(offering, todo, enrolments))) return;
    }
    throw new Error(`offering ${offering._id}: placements kept conflicting after ${MAX_ROUNDS} rounds`);
  }

  /** Writes the placements; false when another process got to any of them first (the caller reads again). */
  private async write(offering: Offering, todo: Placement[], enrolments: Enrolment[]): Promise<boolean> {
    const byId = new Map(enrolments.map((enrolment) => [enrolment._id, enrolment]));
    const learners = new Map(
      (await this.learners.findMany(todo.map((placement) => byId.get(placement.enrolmentId)!.learnerId))).map(
        (l) => [l._id, l],
      ),
    );
    // Placements are independent inserts: two batches make a 5,000-row upload take seconds, not minutes.
    const now = new Date();
    const waitlist = todo.filter((placement) => placement.kind === 'waitlist');
    const claims = todo.filter((placement) => placement.kind === 'claim');
    const written = [
      ...(await this.enrolments.insertClaims(
        claims.map((placement) => {
          const enrolment = byId.get(placement.enrolmentId)!;
          const event =
            placement.via === 'promotion'
              ? promotedEvent(enrolment, offering, now)
              : createdEvent(enrolment, offering, learners.get(enrolment.learnerId)!, 'enrolled');
          return {
            _id: `${offering._id}:${placement.seat}:${placement.generation}`,
            offeringId: offering._id,
            seat: placement.seat,
            generation: placement.generation,
            enrolmentId: enrolment._id,
            via: placement.via,
            claimedAt: now,
            ...withOutbox(EVENT_SOURCE, event),
          };
        }),
      )),
      ...(await this.enrolments.insertWaitlistEntries(
        waitlist.map((placement) => {
          const enrolment = byId.get(placement.enrolmentId)!;
          const learner = learners.get(enrolment.learnerId)!;
          return {
            _id: enrolment._id,
            offeringId: offering._id,
            waitlistedAt: now,
            ...withOutbox(EVENT_SOURCE, createdEvent(enrolment, offering, learner, 'waitlisted')),
          };
        }),
      )),
    ];
    return written.every(Boolean);
  }
}
