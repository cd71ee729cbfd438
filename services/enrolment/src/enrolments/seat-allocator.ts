import { withOutbox } from '@lib/messaging';
import { KeyedMutex } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { EVENT_SOURCE } from '../common/event-source';
import type { Learner } from '../learners/learner.schema';
import { LearnersService } from '../learners/learners.service';
import type { Offering } from '../offerings/offering.schema';
import type { Enrolment, SeatClaim, WaitlistEntry } from './enrolment.schema';
import { createdEvent, promotedEvent } from './enrolment-events';
import { type EnrolmentFacts, EnrolmentsRepository } from './enrolments.repository';
import { type Placement, placements } from './placement';
import { PlacementIntentsRepository } from './placement-intents.repository';

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
    private readonly intents: PlacementIntentsRepository,
  ) {}

  /** Runs a change to an offering (an enrolment, a withdrawal) and then places whatever it left unplaced. */
  async change<T>(offering: Offering, work: () => Promise<T>): Promise<T> {
    return (await this.changeWithFacts(offering, work)).result;
  }

  /**
   * `change`, also giving the offering's enrolment facts once settled, so a caller that reports statuses (bulk
   * enrolment) need not read them all again. `knownLearners` (those the caller has just read or registered) are
   * not read again for the events.
   */
  changeWithFacts<T>(
    offering: Offering,
    work: () => Promise<T>,
    knownLearners: readonly Learner[] = [],
  ): Promise<{ result: T; facts: EnrolmentFacts }> {
    return this.mutex.run(offering._id, async () => {
      // The intent outlives a crash between the change and its placing, so the sweeper finishes the placing.
      const intent = await this.intents.open(offering._id);
      const result = await work();
      const facts = await this.settle(offering, knownLearners);
      await this.intents.close([intent]);
      return { result, facts };
    });
  }

  /** Places an offering's unplaced enrolments again (the sweeper, for a change that did not finish). */
  resettle(offering: Offering): Promise<EnrolmentFacts> {
    return this.mutex.run(offering._id, () => this.settle(offering, []));
  }

  /** Places what is unplaced; the offering's facts afterwards. */
  private async settle(offering: Offering, knownLearners: readonly Learner[]): Promise<EnrolmentFacts> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const { enrolments, facts } = await this.enrolments.wholeOffering(offering._id);
      const todo = placements({
        capacity: offering.capacity,
        enrolments,
        claims: [...facts.claims.values()],
        waitlisted: new Set(facts.waitlisted.keys()),
        withdrawn: new Set(facts.withdrawals.keys()),
      });
      if (todo.length === 0) return facts;
      const written = await this.write(offering, todo, enrolments, knownLearners);
      if (written) return withPlacements(facts, written);
    }
    throw new Error(`offering ${offering._id}: placements kept conflicting after ${MAX_ROUNDS} rounds`);
  }

  /** Writes the placements; null when another process got to any of them first (the caller reads again). */
  private async write(
    offering: Offering,
    todo: Placement[],
    enrolments: Enrolment[],
    knownLearners: readonly Learner[],
  ): Promise<{ claims: SeatClaim[]; waitlisted: WaitlistEntry[] } | null> {
    const byId = new Map(enrolments.map((enrolment) => [enrolment._id, enrolment]));
    const learners = new Map(knownLearners.map((learner) => [learner._id, learner]));
    const unknown = todo
      .map((placement) => byId.get(placement.enrolmentId)!)
      .filter((enrolment) => !learners.has(enrolment.learnerId));
    for (const learner of await this.learners.ofEnrolments(unknown)) learners.set(learner._id, learner);
    // Placements are independent inserts: two batches make a 5,000-row upload take seconds, not minutes.
    const now = new Date();
    const waitlist = todo.filter((placement) => placement.kind === 'waitlist');
    const claims = todo.filter((placement) => placement.kind === 'claim');
    const claimRecords = claims.map((placement) => {
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
    });
    const waitlistRecords = waitlist.map((placement) => {
      const enrolment = byId.get(placement.enrolmentId)!;
      const learner = learners.get(enrolment.learnerId)!;
      return {
        _id: enrolment._id,
        offeringId: offering._id,
        waitlistedAt: now,
        ...withOutbox(EVENT_SOURCE, createdEvent(enrolment, offering, learner, 'waitlisted')),
      };
    });
    const written = [
      ...(await this.enrolments.insertClaims(claimRecords)),
      ...(await this.enrolments.insertWaitlistEntries(waitlistRecords)),
    ];
    return written.every(Boolean) ? { claims: claimRecords, waitlisted: waitlistRecords } : null;
  }
}

/** The facts read before a write, with the placements that write made. */
function withPlacements(
  facts: EnrolmentFacts,
  written: { claims: SeatClaim[]; waitlisted: WaitlistEntry[] },
): EnrolmentFacts {
  return {
    ...facts,
    claims: new Map([...facts.claims, ...written.claims.map((claim) => [claim.enrolmentId, claim] as const)]),
    waitlisted: new Map([
      ...facts.waitlisted,
      ...written.waitlisted.map((entry) => [entry._id, entry] as const),
    ]),
  };
}
