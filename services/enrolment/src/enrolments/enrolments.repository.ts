import type { OutboxFields } from '@lib/messaging';
import { insertManyOnce, insertOnce, type Pagination, skipOf, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Enrolment,
  type EnrolmentCompletion,
  type EnrolmentWithdrawal,
  ENROLMENT_COMPLETION_MODEL,
  ENROLMENT_MODEL,
  ENROLMENT_WITHDRAWAL_MODEL,
  SEAT_CLAIM_MODEL,
  type SeatClaim,
  WAITLIST_ENTRY_MODEL,
  type WaitlistEntry,
} from './enrolment.schema';

/** Everything recorded about some enrolments, keyed by enrolment id. */
export interface EnrolmentFacts {
  claims: Map<string, SeatClaim>;
  waitlisted: Map<string, WaitlistEntry>;
  withdrawals: Map<string, EnrolmentWithdrawal>;
  completions: Map<string, EnrolmentCompletion>;
}

@Injectable()
export class EnrolmentsRepository {
  constructor(
    @InjectModel(ENROLMENT_MODEL) private readonly enrolments: Model<Enrolment>,
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaim>,
    @InjectModel(WAITLIST_ENTRY_MODEL) private readonly waitlist: Model<WaitlistEntry>,
    @InjectModel(ENROLMENT_WITHDRAWAL_MODEL) private readonly withdrawals: Model<EnrolmentWithdrawal>,
    @InjectModel(ENROLMENT_COMPLETION_MODEL) private readonly completions: Model<EnrolmentCompletion>,
  ) {}

  /** False when the learner has an enrolment on this offering already. */
  insert(enrolment: Enrolment): Promise<boolean> {
    return insertOnce(this.enrolments, enrolment);
  }

  /** Per enrolment, false when the learner has an enrolment on that offering already. */
  insertMany(enrolments: Enrolment[]): Promise<boolean[]> {
    return insertManyOnce(this.enrolments, enrolments);
  }

  /** Per claim, false when the seat generation or the enrolment's seat was claimed already. */
  insertClaims(claims: (SeatClaim & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.claims, claims);
  }

  insertWaitlistEntries(entries: (WaitlistEntry & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.waitlist, entries);
  }

  insertWithdrawal(withdrawal: EnrolmentWithdrawal & OutboxFields): Promise<boolean> {
    return insertOnce(this.withdrawals, withdrawal);
  }

  insertCompletion(completion: EnrolmentCompletion & OutboxFields): Promise<boolean> {
    return insertOnce(this.completions, completion);
  }

  findById(id: string): Promise<Enrolment | null> {
    return this.enrolments.findById(id).lean<Enrolment>().exec();
  }

  forOffering(offeringId: string): Promise<Enrolment[]> {
    return this.enrolments.find({ offeringId }).lean<Enrolment[]>().exec();
  }

  forLearner(learnerId: string): Promise<Enrolment[]> {
    return this.enrolments.find({ learnerId }).sort({ requestedAt: -1 }).lean<Enrolment[]>().exec();
  }

  async pageForOffering(
    offeringId: string,
    pagination: Pagination,
  ): Promise<{ items: Enrolment[]; total: number }> {
    const [items, total] = await Promise.all([
      this.enrolments
        .find({ offeringId })
        .sort({ requestedAt: 1, requestSeq: 1, _id: 1 })
        .skip(skipOf(pagination))
        .limit(pagination.pageSize)
        .lean<Enrolment[]>()
        .exec(),
      this.enrolments.countDocuments({ offeringId }).exec(),
    ]);
    return { items, total };
  }

  async hasEnrolmentIn(learnerId: string, offeringIds: string[]): Promise<boolean> {
    return (
      (await this.enrolments
        .countDocuments({ learnerId, offeringId: { $in: offeringIds } }, { limit: 1 })
        .exec()) > 0
    );
  }

  /** The facts of every enrolment of an offering (for placement and waitlist positions). */
  factsForOffering(offeringId: string): Promise<EnrolmentFacts> {
    return this.facts({ offeringId });
  }

  factsFor(enrolmentIds: string[]): Promise<EnrolmentFacts> {
    return this.facts({ _id: { $in: enrolmentIds } }, { enrolmentId: { $in: enrolmentIds } });
  }

  private async facts(
    filter: Record<string, unknown>,
    claimFilter: Record<string, unknown> = filter,
  ): Promise<EnrolmentFacts> {
    const [claims, waitlisted, withdrawals, completions] = await Promise.all([
      this.claims.find(claimFilter, WITHOUT_OUTBOX).lean<SeatClaim[]>().exec(),
      this.waitlist.find(filter, WITHOUT_OUTBOX).lean<WaitlistEntry[]>().exec(),
      this.withdrawals.find(filter, WITHOUT_OUTBOX).lean<EnrolmentWithdrawal[]>().exec(),
      this.completions.find(filter, WITHOUT_OUTBOX).lean<EnrolmentCompletion[]>().exec(),
    ]);
    return {
      claims: new Map(claims.map((claim) => [claim.enrolmentId, claim])),
      waitlisted: new Map(waitlisted.map((entry) => [entry._id, entry])),
      withdrawals: new Map(withdrawals.map((withdrawal) => [withdrawal._id, withdrawal])),
      completions: new Map(completions.map((completion) => [completion._id, completion])),
    };
  }
}
