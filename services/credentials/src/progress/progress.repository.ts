import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AUTHORISATION_FACT_MODEL,
  type AuthorisationFact,
  OFFERING_FACT_MODEL,
  type OfferingFact,
  ORGANISATION_FACT_MODEL,
  type OrganisationFact,
  PROGRESS_FACT_MODEL,
  type ProgressFact,
} from './progress.schema';

/** Credentials' own record of what it learned from events: progress, offerings, organisations, authorisations. */
@Injectable()
export class ProgressRepository {
  constructor(
    @InjectModel(PROGRESS_FACT_MODEL) private readonly progress: Model<ProgressFact>,
    @InjectModel(OFFERING_FACT_MODEL) private readonly offerings: Model<OfferingFact>,
    @InjectModel(ORGANISATION_FACT_MODEL) private readonly organisations: Model<OrganisationFact>,
    @InjectModel(AUTHORISATION_FACT_MODEL) private readonly authorisations: Model<AuthorisationFact>,
  ) {}

  addProgress(fact: ProgressFact): Promise<boolean> {
    return insertOnce(this.progress, fact);
  }

  addOffering(fact: OfferingFact): Promise<boolean> {
    return insertOnce(this.offerings, fact);
  }

  addOrganisation(fact: OrganisationFact): Promise<boolean> {
    return insertOnce(this.organisations, fact);
  }

  addAuthorisation(fact: AuthorisationFact): Promise<boolean> {
    return insertOnce(this.authorisations, fact);
  }

  progressOf(offeringId: string, learnerId: string): Promise<ProgressFact[]> {
    return this.progress.find({ offeringId, learnerId }).lean<ProgressFact[]>().exec();
  }

  async learnersOf(offeringIds: string[]): Promise<{ offeringId: string; learnerId: string }[]> {
    const facts = await this.progress
      .find({ offeringId: { $in: offeringIds } }, { offeringId: 1, learnerId: 1 })
      .lean<ProgressFact[]>()
      .exec();
    const pairs = new Map(
      facts.map((fact) => [
        `${fact.offeringId}:${fact.learnerId}`,
        { offeringId: fact.offeringId, learnerId: fact.learnerId },
      ]),
    );
    return [...pairs.values()];
  }

  offering(id: string): Promise<OfferingFact | null> {
    return this.offerings.findById(id).lean<OfferingFact>().exec();
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

  authorisationsOf(partnerId: string, courseId: string): Promise<AuthorisationFact[]> {
    return this.authorisations.find({ partnerId, courseId }).lean<AuthorisationFact[]>().exec();
  }
}
