import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { LEARNER_RECORD_MODEL, type LearnerRecord } from './learner-record.schema';

/** Learner records: each an insert under its credential id. */
@Injectable()
export class LearnerRecordsRepository {
  constructor(@InjectModel(LEARNER_RECORD_MODEL) private readonly records: Model<LearnerRecord>) {}

  /** False when another record follows the same one already (a request at the same moment). */
  insertOnce(record: LearnerRecord & OutboxFields): Promise<boolean> {
    return insertOnce(this.records, record);
  }

  recordById(credentialId: string): Promise<LearnerRecord | null> {
    return this.records.findById(credentialId, WITHOUT_OUTBOX).lean<LearnerRecord>().exec();
  }

  /** The learner's newest record from this body, through the `learnerId, awardingBodyId, issuedAt` index. */
  latestOf(learnerId: string, awardingBodyId: string): Promise<LearnerRecord | null> {
    return this.records
      .findOne({ learnerId, awardingBodyId }, WITHOUT_OUTBOX)
      .sort({ issuedAt: -1 })
      .lean<LearnerRecord>()
      .exec();
  }

  recordsOf(learnerId: string, pagination: Pagination): Promise<Page<LearnerRecord>> {
    return findPage(this.records, { learnerId }, { issuedAt: -1 }, pagination);
  }
}
