import { insertManyOnce, insertOnce, readInParts } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Learner, LEARNER_MODEL } from './learner.schema';

@Injectable()
export class LearnersRepository {
  constructor(@InjectModel(LEARNER_MODEL) private readonly model: Model<Learner>) {}

  /** False when a learner with that email exists already. */
  insert(learner: Learner): Promise<boolean> {
    return insertOnce(this.model, learner);
  }

  /** Per learner, false when one with that email exists already. */
  insertMany(learners: Learner[]): Promise<boolean[]> {
    return insertManyOnce(this.model, learners);
  }

  findById(id: string): Promise<Learner | null> {
    return this.model.findById(id).lean<Learner>().exec();
  }

  /** By the unique email key. */
  findByEmail(email: string): Promise<Learner | null> {
    return this.model.findOne({ email }).lean<Learner>().exec();
  }

  findByIds(ids: readonly string[]): Promise<Learner[]> {
    return readInParts(ids, (part) =>
      this.model
        .find({ _id: { $in: part } })
        .lean<Learner[]>()
        .exec(),
    );
  }

  /** By the unique email key. */
  findByEmails(emails: readonly string[]): Promise<Learner[]> {
    return readInParts(emails, (part) =>
      this.model
        .find({ email: { $in: part } })
        .lean<Learner[]>()
        .exec(),
    );
  }
}
