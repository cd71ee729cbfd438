import type { OutboxFields } from '@lib/messaging';
import {
  addToIdLists,
  groupIds,
  idListOf,
  insertManyOnce,
  insertOnce,
  type Pagination,
  pageOf,
  readInParts,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Enrolment,
  type EnrolmentCompletion,
  type EnrolmentIds,
  type EnrolmentWithdrawal,
  ENROLMENT_COMPLETION_MODEL,
  ENROLMENT_MODEL,
  ENROLMENT_WITHDRAWAL_MODEL,
  LEARNER_ENROLMENT_IDS_MODEL,
  OFFERING_ENROLMENT_IDS_MODEL,
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

/** Every enrolment of an offering with its facts. */
export interface OfferingEnrolments {
  enrolments: Enrolment[];
  facts: EnrolmentFacts;
}

/** Some of an offering's enrolments (one page of its id list), their facts, and how many ids were listed. */
export interface OfferingEnrolmentsPage extends OfferingEnrolments {
  /** Ids on the page: more than `enrolments` when an id has no enrolment (a crash between listing and inserting). */
  listedOnPage: number;
  /** Ids in the offering's whole list. */
  listed: number;
}

/** Enrolments and their facts; every read and write by `_id` or a unique key. */
@Injectable()
export class EnrolmentsRepository {
  constructor(
    @InjectModel(ENROLMENT_MODEL) private readonly enrolments: Model<Enrolment>,
    @InjectModel(SEAT_CLAIM_MODEL) private readonly claims: Model<SeatClaim>,
    @InjectModel(WAITLIST_ENTRY_MODEL) private readonly waitlist: Model<WaitlistEntry>,
    @InjectModel(ENROLMENT_WITHDRAWAL_MODEL) private readonly withdrawals: Model<EnrolmentWithdrawal>,
    @InjectModel(ENROLMENT_COMPLETION_MODEL) private readonly completions: Model<EnrolmentCompletion>,
    @InjectModel(OFFERING_ENROLMENT_IDS_MODEL) private readonly byOffering: Model<EnrolmentIds>,
    @InjectModel(LEARNER_ENROLMENT_IDS_MODEL) private readonly byLearner: Model<EnrolmentIds>,
  ) {}

  /** False when the learner has an enrolment on this offering already. Listed by offering and learner first. */
  async insert(enrolment: Enrolment): Promise<boolean> {
    await this.listIds([enrolment]);
    return insertOnce(this.enrolments, enrolment);
  }

  /** Per enrolment, false when the learner has an enrolment on that offering already. Listed first. */
  async insertMany(enrolments: Enrolment[]): Promise<boolean[]> {
    await this.listIds(enrolments);
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

  /** Per completion, false when the enrolment's completion is recorded already. One round trip. */
  insertCompletions(completions: (EnrolmentCompletion & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.completions, completions);
  }

  findById(id: string): Promise<Enrolment | null> {
    return this.enrolments.findById(id).lean<Enrolment>().exec();
  }

  findByIds(ids: readonly string[]): Promise<Enrolment[]> {
    return readInParts(ids, (part) =>
      this.enrolments
        .find({ _id: { $in: part } })
        .lean<Enrolment[]>()
        .exec(),
    );
  }

  /** Those of the learners with an enrolment on the offering, by the unique (offering, learner) key. */
  async enrolledOn(offeringId: string, learnerIds: readonly string[]): Promise<Set<string>> {
    const found = await readInParts(learnerIds, (part) =>
      this.enrolments
        .find({ offeringId, learnerId: { $in: part } }, { learnerId: 1 })
        .lean<Pick<Enrolment, 'learnerId'>[]>()
        .exec(),
    );
    return new Set(found.map((enrolment) => enrolment.learnerId));
  }

  /** The learners' enrolments on the offering, by the unique (offering, learner) key. */
  onOfferingOf(offeringId: string, learnerIds: readonly string[]): Promise<Enrolment[]> {
    return readInParts(learnerIds, (part) =>
      this.enrolments
        .find({ offeringId, learnerId: { $in: part } })
        .lean<Enrolment[]>()
        .exec(),
    );
  }

  /**
   * Staff list: one page of an offering's id list (in listing order), those enrolments read by `_id` with their
   * facts; `listed` is the length of the whole list. An id whose enrolment was never written is left out.
   */
  async pageOfOffering(offeringId: string, pagination: Pagination): Promise<OfferingEnrolmentsPage> {
    const ids = await idListOf(this.byOffering, offeringId, 'enrolmentIds');
    const pageIds = pageOf(ids, pagination).items;
    const byId = new Map((await this.findByIds(pageIds)).map((enrolment) => [enrolment._id, enrolment]));
    const enrolments = pageIds.flatMap((id) => byId.get(id) ?? []);
    return {
      enrolments,
      facts: await this.factsFor(pageIds),
      listedOnPage: pageIds.length,
      listed: ids.length,
    };
  }

  /** A learner's enrolments, latest request first, through the learner's id list. */
  async forLearner(learnerId: string): Promise<Enrolment[]> {
    const enrolments = await this.findByIds(await idListOf(this.byLearner, learnerId, 'enrolmentIds'));
    return enrolments.sort(
      (a, b) => b.requestedAt.getTime() - a.requestedAt.getTime() || b.requestSeq - a.requestSeq,
    );
  }

  /**
   * Offering-wide: every enrolment of an offering and its facts, through the offering's id list. Keyed reads,
   * but as many as the offering has enrolments: for seat allocation, waitlist positions and the staff list only.
   */
  async wholeOffering(offeringId: string): Promise<OfferingEnrolments> {
    const enrolments = await this.enrolmentsOf(offeringId);
    return { enrolments, facts: await this.factsFor(enrolments.map((enrolment) => enrolment._id)) };
  }

  /** Offering-wide, without the facts: every enrolment of an offering, through its id list (keyed reads). */
  async enrolmentsOf(offeringId: string): Promise<Enrolment[]> {
    return this.findByIds(await idListOf(this.byOffering, offeringId, 'enrolmentIds'));
  }

  /** The facts of some enrolments: by `_id`, and seat claims by their unique enrolment id. */
  async factsFor(enrolmentIds: readonly string[]): Promise<EnrolmentFacts> {
    const [claims, waitlisted, withdrawals, completions] = await Promise.all([
      readInParts(enrolmentIds, (ids) =>
        this.claims
          .find({ enrolmentId: { $in: ids } }, WITHOUT_OUTBOX)
          .lean<SeatClaim[]>()
          .exec(),
      ),
      readInParts(enrolmentIds, (ids) =>
        this.waitlist
          .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
          .lean<WaitlistEntry[]>()
          .exec(),
      ),
      readInParts(enrolmentIds, (ids) =>
        this.withdrawals
          .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
          .lean<EnrolmentWithdrawal[]>()
          .exec(),
      ),
      readInParts(enrolmentIds, (ids) =>
        this.completions
          .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
          .lean<EnrolmentCompletion[]>()
          .exec(),
      ),
    ]);
    return {
      claims: new Map(claims.map((claim) => [claim.enrolmentId, claim])),
      waitlisted: new Map(waitlisted.map((entry) => [entry._id, entry])),
      withdrawals: new Map(withdrawals.map((withdrawal) => [withdrawal._id, withdrawal])),
      completions: new Map(completions.map((completion) => [completion._id, completion])),
    };
  }

  /** Adds the enrolments to their offerings' and learners' id lists: one upsert per list. */
  private async listIds(enrolments: readonly Enrolment[]): Promise<void> {
    const idOf = (enrolment: Enrolment) => enrolment._id;
    await Promise.all([
      addToIdLists(
        this.byOffering,
        groupIds(enrolments, (e) => e.offeringId, idOf),
        'enrolmentIds',
      ),
      addToIdLists(
        this.byLearner,
        groupIds(enrolments, (e) => e.learnerId, idOf),
        'enrolmentIds',
      ),
    ]);
  }
}
