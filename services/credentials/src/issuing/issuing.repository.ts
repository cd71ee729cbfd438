import type { OutboxFields } from '@lib/messaging';
import {
  findPage,
  insertOnce,
  type Page,
  pageOf,
  type Pagination,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  AWARD_HOLD_MODEL,
  type AwardHold,
  ISSUED_CREDENTIAL_MODEL,
  type IssuedCredential,
  LEARNER_CREDENTIALS_MODEL,
  type LearnerCredentials,
  STATUS_ALLOCATION_MODEL,
  type StatusAllocation,
} from './issued-credential.schema';

/** What credentials issued or held, and the status list indexes taken. Every write is an insert under a unique key. */
@Injectable()
export class IssuingRepository {
  constructor(
    @InjectModel(ISSUED_CREDENTIAL_MODEL) private readonly credentials: Model<IssuedCredential>,
    @InjectModel(STATUS_ALLOCATION_MODEL) private readonly allocations: Model<StatusAllocation>,
    @InjectModel(AWARD_HOLD_MODEL) private readonly holds: Model<AwardHold>,
    @InjectModel(LEARNER_CREDENTIALS_MODEL) private readonly learners: Model<LearnerCredentials>,
  ) {}

  credential(key: string): Promise<IssuedCredential | null> {
    return this.credentials.findById(key, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  /** The learner's credentials, newest first: their key list by `_id`, then the credentials by `_id`. */
  async credentialsOf(learnerId: string, pagination: Pagination): Promise<Page<IssuedCredential>> {
    const keys = (await this.learners.findById(learnerId).lean<LearnerCredentials>().exec())?.credentialKeys;
    if (!keys?.length) return pageOf([], pagination);
    const credentials = await this.credentials
      .find({ _id: { $in: keys } }, WITHOUT_OUTBOX)
      .lean<IssuedCredential[]>()
      .exec();
    credentials.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
    return pageOf(credentials, pagination);
  }

  /** Lists a credential key for its learner; done before the credential's insert. */
  async listForLearner(learnerId: string, credentialKey: string): Promise<void> {
    await this.learners
      .updateOne({ _id: learnerId }, { $addToSet: { credentialKeys: credentialKey } }, { upsert: true })
      .exec();
  }

  credentialById(credentialId: string): Promise<IssuedCredential | null> {
    return this.credentials.findOne({ credentialId }, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  /** False when the credential exists already: another delivery or process issued it first. */
  insertCredential(credential: IssuedCredential & OutboxFields): Promise<boolean> {
    return insertOnce(this.credentials, credential);
  }

  allocate(allocation: StatusAllocation): Promise<boolean> {
    return insertOnce(this.allocations, allocation);
  }

  insertHold(hold: AwardHold): Promise<boolean> {
    return insertOnce(this.holds, hold);
  }

  holdsOf(awardingBodyId: string, pagination: Pagination): Promise<Page<AwardHold>> {
    return findPage(this.holds, { awardingBodyId }, { heldAt: -1 }, pagination);
  }
}
