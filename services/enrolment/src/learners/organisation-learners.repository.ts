import { insertManyOnce, insertOnce, readInParts } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type OrganisationLearner, ORGANISATION_LEARNER_MODEL } from './organisation-learner.schema';

/** Organisations' records of learners, read by `_id` (organisation and email) or the organisation and learner key. */
@Injectable()
export class OrganisationLearnersRepository {
  constructor(@InjectModel(ORGANISATION_LEARNER_MODEL) private readonly model: Model<OrganisationLearner>) {}

  /** False when the organisation has a record of that learner already. */
  insert(record: OrganisationLearner): Promise<boolean> {
    return insertOnce(this.model, record);
  }

  /** Per record, false when the organisation has one of that learner already. */
  insertMany(records: OrganisationLearner[]): Promise<boolean[]> {
    return insertManyOnce(this.model, records);
  }

  findById(id: string): Promise<OrganisationLearner | null> {
    return this.model.findById(id).lean<OrganisationLearner>().exec();
  }

  findByIds(ids: readonly string[]): Promise<OrganisationLearner[]> {
    return readInParts(ids, (part) =>
      this.model
        .find({ _id: { $in: part } })
        .lean<OrganisationLearner[]>()
        .exec(),
    );
  }

  /** By the unique organisation and learner key. */
  findOf(organisationId: string, learnerId: string): Promise<OrganisationLearner | null> {
    return this.model.findOne({ organisationId, learnerId }).lean<OrganisationLearner>().exec();
  }
}
