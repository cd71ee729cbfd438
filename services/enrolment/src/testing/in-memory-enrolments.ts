import type { OutboxFields } from '@lib/messaging';
import type {
  Enrolment,
  EnrolmentCompletion,
  EnrolmentWithdrawal,
  SeatClaim,
  WaitlistEntry,
} from '../enrolments/enrolment.schema';
import type {
  EnrolmentFacts,
  EnrolmentsRepository,
  OfferingEnrolments,
  OfferingEnrolmentsPage,
} from '../enrolments/enrolments.repository';
import { type Pagination, pageOf } from '@lib/persistence';
import { inRequestOrder } from '../enrolments/placement';
import { insertUnique, type PublicOf } from '@lib/fakes';

const sameId = (a: { _id: string }, b: { _id: string }) => a._id === b._id;

/** EnrolmentsRepository in memory, refusing the same duplicates as the database's unique keys. */
export class InMemoryEnrolments implements PublicOf<EnrolmentsRepository> {
  readonly enrolments: Enrolment[] = [];
  readonly claims: (SeatClaim & OutboxFields)[] = [];
  readonly waitlist: (WaitlistEntry & OutboxFields)[] = [];
  readonly withdrawals: (EnrolmentWithdrawal & OutboxFields)[] = [];
  readonly completions: (EnrolmentCompletion & OutboxFields)[] = [];

  /** Every event written with the records, by topic, in write order. */
  topics(): string[] {
    return [...this.claims, ...this.waitlist, ...this.withdrawals, ...this.completions]
      .flatMap((record) => record.outbox)
      .map((entry) => entry.topic);
  }

  insert(enrolment: Enrolment): Promise<boolean> {
    return Promise.resolve(this.addEnrolment(enrolment));
  }

  insertMany(enrolments: Enrolment[]): Promise<boolean[]> {
    return Promise.resolve(enrolments.map((enrolment) => this.addEnrolment(enrolment)));
  }

  insertClaims(claims: (SeatClaim & OutboxFields)[]): Promise<boolean[]> {
    const clash = (a: SeatClaim, b: SeatClaim) => a._id === b._id || a.enrolmentId === b.enrolmentId;
    return Promise.resolve(claims.map((claim) => insertUnique(this.claims, claim, clash)));
  }

  insertWaitlistEntries(entries: (WaitlistEntry & OutboxFields)[]): Promise<boolean[]> {
    return Promise.resolve(entries.map((entry) => insertUnique(this.waitlist, entry, sameId)));
  }

  insertWithdrawal(withdrawal: EnrolmentWithdrawal & OutboxFields): Promise<boolean> {
    return Promise.resolve(insertUnique(this.withdrawals, withdrawal, sameId));
  }

  insertCompletion(completion: EnrolmentCompletion & OutboxFields): Promise<boolean> {
    return Promise.resolve(insertUnique(this.completions, completion, sameId));
  }

  insertCompletions(completions: (EnrolmentCompletion & OutboxFields)[]): Promise<boolean[]> {
    return Promise.resolve(
      completions.map((completion) => insertUnique(this.completions, completion, sameId)),
    );
  }

  onOfferingOf(offeringId: string, learnerIds: readonly string[]): Promise<Enrolment[]> {
    return Promise.resolve(
      this.enrolments.filter((e) => e.offeringId === offeringId && learnerIds.includes(e.learnerId)),
    );
  }

  /** Lists in insertion order, as the offering's id list does. */
  async pageOfOffering(offeringId: string, pagination: Pagination): Promise<OfferingEnrolmentsPage> {
    const ids = (await this.enrolmentsOf(offeringId)).map((enrolment) => enrolment._id);
    const pageIds = pageOf(ids, pagination).items;
    return {
      enrolments: await this.findByIds(pageIds),
      facts: await this.factsFor(pageIds),
      listedOnPage: pageIds.length,
      listed: ids.length,
    };
  }

  findById(id: string): Promise<Enrolment | null> {
    return Promise.resolve(this.enrolments.find((enrolment) => enrolment._id === id) ?? null);
  }

  findByIds(ids: readonly string[]): Promise<Enrolment[]> {
    return Promise.resolve(this.enrolments.filter((enrolment) => ids.includes(enrolment._id)));
  }

  enrolledOn(offeringId: string, learnerIds: readonly string[]): Promise<Set<string>> {
    const on = this.enrolments.filter((e) => e.offeringId === offeringId && learnerIds.includes(e.learnerId));
    return Promise.resolve(new Set(on.map((enrolment) => enrolment.learnerId)));
  }

  forLearner(learnerId: string): Promise<Enrolment[]> {
    const own = this.enrolments.filter((enrolment) => enrolment.learnerId === learnerId);
    return Promise.resolve(inRequestOrder(own).reverse());
  }

  enrolmentsOf(offeringId: string): Promise<Enrolment[]> {
    return Promise.resolve(this.enrolments.filter((enrolment) => enrolment.offeringId === offeringId));
  }

  wholeOffering(offeringId: string): Promise<OfferingEnrolments> {
    return Promise.resolve({
      enrolments: this.enrolments.filter((enrolment) => enrolment.offeringId === offeringId),
      facts: this.facts((record) => record.offeringId === offeringId),
    });
  }

  factsFor(enrolmentIds: readonly string[]): Promise<EnrolmentFacts> {
    return Promise.resolve(
      this.facts((record) =>
        enrolmentIds.includes('enrolmentId' in record ? record.enrolmentId : record._id),
      ),
    );
  }

  private addEnrolment(enrolment: Enrolment): boolean {
    const clash = (a: Enrolment, b: Enrolment) =>
      a._id === b._id || (a.offeringId === b.offeringId && a.learnerId === b.learnerId);
    return insertUnique(this.enrolments, { ...enrolment }, clash);
  }

  private facts(
    about: (
      record: { _id: string; offeringId: string } | { enrolmentId: string; offeringId: string },
    ) => boolean,
  ): EnrolmentFacts {
    return {
      claims: new Map(this.claims.filter(about).map((claim) => [claim.enrolmentId, claim])),
      waitlisted: new Map(this.waitlist.filter(about).map((entry) => [entry._id, entry])),
      withdrawals: new Map(this.withdrawals.filter(about).map((withdrawal) => [withdrawal._id, withdrawal])),
      completions: new Map(this.completions.filter(about).map((completion) => [completion._id, completion])),
    };
  }
}
