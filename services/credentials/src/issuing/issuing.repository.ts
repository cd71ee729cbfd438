import type { OutboxFields } from '@lib/messaging';
import {
  addToIdLists,
  findPage,
  groupIds,
  idListOf,
  insertManyOnce,
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

/** Which of an awarding body's credentials a registrar searches for. */
export interface BodyCredentialSearch {
  awardingBodyId: string;
  learnerId?: string;
  achievementId?: string;
}

/** What credentials issued or held, and the status list indexes taken. Every write is an insert under a unique key. */
@Injectable()
export class IssuingRepository {
  constructor(
    @InjectModel(ISSUED_CREDENTIAL_MODEL) private readonly credentials: Model<IssuedCredential>,
    @InjectModel(STATUS_ALLOCATION_MODEL) private readonly allocations: Model<StatusAllocation>,
    @InjectModel(AWARD_HOLD_MODEL) private readonly holds: Model<AwardHold>,
    @InjectModel(LEARNER_CREDENTIALS_MODEL) private readonly learners: Model<LearnerCredentials>,
  ) {}

  /** The learner's credentials, newest first: their key list by `_id`, then the credentials by `_id`. */
  async credentialsOf(learnerId: string, pagination: Pagination): Promise<Page<IssuedCredential>> {
    const keys = await idListOf(this.learners, learnerId, 'credentialKeys');
    if (keys.length === 0) return pageOf([], pagination);
    const credentials = await this.credentials
      .find({ _id: { $in: keys } }, WITHOUT_OUTBOX)
      .lean<IssuedCredential[]>()
      .exec();
    credentials.sort((a, b) => b.issuedAt.getTime() - a.issuedAt.getTime());
    return pageOf(credentials, pagination);
  }

  /** Lists many credentials' keys for their learners in one round trip; done before the credentials' insert. */
  async listForLearners(credentials: readonly Pick<IssuedCredential, '_id' | 'learnerId'>[]): Promise<void> {
    const lists = groupIds(
      credentials,
      (credential) => credential.learnerId,
      (credential) => credential._id,
    );
    await addToIdLists(this.learners, lists, 'credentialKeys');
  }

  /** The credentials issued under these keys, by key, in one read by `_id`. */
  async credentialsByKeys(keys: readonly string[]): Promise<Map<string, IssuedCredential>> {
    if (keys.length === 0) return new Map();
    const found = await this.credentials
      .find({ _id: { $in: [...new Set(keys)] } }, WITHOUT_OUTBOX)
      .lean<IssuedCredential[]>()
      .exec();
    return new Map(found.map((credential) => [credential._id, credential]));
  }

  /** Per credential, false when it exists already (another delivery or process issued it first). */
  insertCredentials(credentials: (IssuedCredential & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.credentials, credentials);
  }

  /** Per allocation, false when that index of that list is taken. */
  allocateMany(allocations: StatusAllocation[]): Promise<boolean[]> {
    return insertManyOnce(this.allocations, allocations);
  }

  insertHolds(holds: AwardHold[]): Promise<boolean[]> {
    return insertManyOnce(this.holds, holds);
  }

  /** The credentials of these ids, in one read through the unique `credentialId` index. */
  credentialsByIds(credentialIds: readonly string[]): Promise<IssuedCredential[]> {
    if (credentialIds.length === 0) return Promise.resolve([]);
    return this.credentials
      .find({ credentialId: { $in: [...new Set(credentialIds)] } }, WITHOUT_OUTBOX)
      .lean<IssuedCredential[]>()
      .exec();
  }

  credentialById(credentialId: string): Promise<IssuedCredential | null> {
    return this.credentials.findOne({ credentialId }, WITHOUT_OUTBOX).lean<IssuedCredential>().exec();
  }

  /**
   * A page of an awarding body's credentials, newest first, for one learner and/or one achievement (a course's):
   * each combination is served by one of the schema's `awardingBodyId` indexes.
   */
  credentialsOfBody(search: BodyCredentialSearch, pagination: Pagination): Promise<Page<IssuedCredential>> {
    const { awardingBodyId, learnerId, achievementId } = search;
    const filter = {
      awardingBodyId,
      ...(learnerId ? { learnerId } : {}),
      ...(achievementId ? { achievementId } : {}),
    };
    return findPage(this.credentials, filter, { issuedAt: -1 }, pagination);
  }

  holdsOf(awardingBodyId: string, pagination: Pagination): Promise<Page<AwardHold>> {
    return findPage(this.holds, { awardingBodyId }, { heldAt: -1 }, pagination);
  }
}
