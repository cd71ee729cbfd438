import { duplicateIndexesOf, insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type AuthorisationFact,
  LEARNER_PROGRESS_MODEL,
  type LearnerProgress,
  OFFERING_FACT_MODEL,
  type OfferingFact,
  ORGANISATION_FACT_MODEL,
  type OrganisationFact,
  PARTNER_AUTHORISATIONS_MODEL,
  type PartnerAuthorisations,
  type ProgressFact,
} from './progress.schema';

/** A fact's natural key as a field name: no dots, no leading `$`. */
const factField = (id: string): string => `facts.${id.replace(/[.$]/g, '_')}`;

/** Credentials' own record of what it learned from events: progress, offerings, organisations, authorisations. */
@Injectable()
export class ProgressRepository {
  constructor(
    @InjectModel(LEARNER_PROGRESS_MODEL) private readonly progress: Model<LearnerProgress>,
    @InjectModel(OFFERING_FACT_MODEL) private readonly offerings: Model<OfferingFact>,
    @InjectModel(ORGANISATION_FACT_MODEL) private readonly organisations: Model<OrganisationFact>,
    @InjectModel(PARTNER_AUTHORISATIONS_MODEL)
    private readonly authorisations: Model<PartnerAuthorisations>,
  ) {}

  addOffering(fact: OfferingFact): Promise<boolean> {
    return insertOnce(this.offerings, fact);
  }

  addOrganisation(fact: OrganisationFact): Promise<boolean> {
    return insertOnce(this.organisations, fact);
  }

  /** Adds a grant or withdrawal to the partner's record for the course: one atomic, keyed upsert. */
  async addAuthorisation(fact: AuthorisationFact): Promise<void> {
    const { partnerId, courseId } = fact;
    await this.authorisations
      .updateOne(
        { _id: `${partnerId}:${courseId}` },
        { $set: { partnerId, courseId, [factField(fact._id)]: fact } },
        { upsert: true },
      )
      .exec();
  }

  /**
   * Adds many facts in one round trip: an unordered bulk of keyed upserts (two facts of one document in a batch are
   * two atomic updates of it). Two processes creating one document at once: one wins, the other retries once.
   */
  async addProgressMany(facts: readonly ProgressFact[]): Promise<void> {
    if (facts.length === 0) return;
    const operations = facts.map((fact) => ({
      updateOne: {
        filter: { _id: `${fact.offeringId}:${fact.learnerId}` },
        update: {
          $set: { offeringId: fact.offeringId, learnerId: fact.learnerId, [factField(fact._id)]: fact },
        },
        upsert: true,
      },
    }));
    try {
      await this.progress.bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!duplicateIndexesOf(error)) throw error;
      await this.progress.bulkWrite(operations, { ordered: false });
    }
  }

  /** Each learner's facts on each offering, keyed `<offeringId>:<learnerId>`, in one read by `_id`. */
  async progressOfMany(
    pairs: readonly { offeringId: string; learnerId: string }[],
  ): Promise<Map<string, ProgressFact[]>> {
    const ids = [...new Set(pairs.map(({ offeringId, learnerId }) => `${offeringId}:${learnerId}`))];
    if (ids.length === 0) return new Map();
    const found = await this.progress
      .find({ _id: { $in: ids } })
      .lean<LearnerProgress[]>()
      .exec();
    return new Map(found.map((progress) => [progress._id, Object.values(progress.facts)]));
  }

  /**
   * Every learner with progress on these offerings. Scans the progress records: used only when a course's
   * achievement is defined or an awarding body becomes an issuer, never per event.
   */
  async learnersOf(offeringIds: string[]): Promise<{ offeringId: string; learnerId: string }[]> {
    return this.progress
      .find({ offeringId: { $in: offeringIds } }, { _id: 0, offeringId: 1, learnerId: 1 })
      .lean<{ offeringId: string; learnerId: string }[]>()
      .exec();
  }

  offering(id: string): Promise<OfferingFact | null> {
    return this.offerings.findById(id).lean<OfferingFact>().exec();
  }

  /** Offerings by id, in one read. */
  offeringsByIds(ids: readonly string[]): Promise<OfferingFact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.offerings
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<OfferingFact[]>()
      .exec();
  }

  offeringsOfAwardingBody(awardingBodyId: string): Promise<OfferingFact[]> {
    return this.offerings.find({ awardingBodyId }).lean<OfferingFact[]>().exec();
  }

  offeringsOfCourse(courseId: string): Promise<OfferingFact[]> {
    return this.offerings.find({ courseId }).lean<OfferingFact[]>().exec();
  }

  organisation(id: string): Promise<OrganisationFact | null> {
    return this.organisations.findById(id).lean<OrganisationFact>().exec();
  }

  async authorisationsOf(partnerId: string, courseId: string): Promise<AuthorisationFact[]> {
    const record = await this.authorisations
      .findById(`${partnerId}:${courseId}`)
      .lean<PartnerAuthorisations>()
      .exec();
    return Object.values(record?.facts ?? {});
  }
}
