import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { APPROVED_CREDITS_MODEL, type ApprovedCredit, type ApprovedCredits } from './approved-credit.schema';

const DUPLICATE_KEY = 11000;

/** The approved credit of each learner: every write and read is by the learner's id. */
@Injectable()
export class ApprovedCreditsRepository {
  constructor(@InjectModel(APPROVED_CREDITS_MODEL) private readonly approved: Model<ApprovedCredits>) {}

  /** Adds the credit once; a repeated delivery, or one after its withdrawal, changes nothing. */
  async approve(learnerId: string, credit: ApprovedCredit): Promise<void> {
    try {
      await this.approved
        .updateOne(
          {
            _id: learnerId,
            'credits.creditId': { $ne: credit.creditId },
            withdrawnCreditIds: { $ne: credit.creditId },
          },
          { $push: { credits: credit } },
          { upsert: true },
        )
        .exec();
    } catch (error) {
      // The learner's record exists but the filter did not match: this credit is there already, or withdrawn.
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }

  async withdraw(learnerId: string, creditId: string): Promise<void> {
    await this.approved
      .updateOne(
        { _id: learnerId },
        { $pull: { credits: { creditId } }, $addToSet: { withdrawnCreditIds: creditId } },
        { upsert: true },
      )
      .exec();
  }

  async creditsOf(learnerId: string): Promise<ApprovedCredit[]> {
    const found = await this.approved.findById(learnerId).lean<ApprovedCredits>().exec();
    return found?.credits ?? [];
  }
}
