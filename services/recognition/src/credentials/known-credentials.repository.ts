import {
  addToIdLists,
  groupIds,
  ID_LIST_MODEL,
  type IdList,
  idListsOf,
  insertManyOnce,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import { firstOfEachId, type LearnerStatusFact } from './credential-facts';
import { type CredentialState, stateOf } from './credential-state';
import {
  CREDENTIAL_STATUS_FACT_MODEL,
  type CredentialStatusFact,
  KNOWN_CREDENTIAL_MODEL,
  KNOWN_LEARNER_MODEL,
  type KnownCredential,
  type KnownLearner,
} from './known-credential.schema';

export interface CredentialWithState extends KnownCredential {
  state: CredentialState;
}

/**
 * Our credentials, their status facts and learners' emails. A learner's credentials and status facts are listed in
 * two keyed id lists, so reading them is by `_id` only.
 */
@Injectable()
export class KnownCredentialsRepository {
  constructor(
    @InjectModel(KNOWN_CREDENTIAL_MODEL) private readonly credentials: Model<KnownCredential>,
    @InjectModel(CREDENTIAL_STATUS_FACT_MODEL) private readonly facts: Model<CredentialStatusFact>,
    @InjectModel(KNOWN_LEARNER_MODEL) private readonly learners: Model<KnownLearner>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /**
   * Lists a batch's credentials under their learners (one bulk upsert), then inserts them (one unordered insert):
   * two round trips however many there are. The first of each `_id` is kept, as inserting one at a time would.
   */
  async addCredentials(credentials: readonly KnownCredential[]): Promise<void> {
    const records = firstOfEachId(credentials);
    await addToIdLists(
      this.lists,
      groupIds(records, (credential) => idListKeys.learnerCredentials(credential.learnerId), idOf),
    );
    await insertManyOnce(this.credentials, records);
  }

  /** Lists a batch's status facts under their learners (one bulk upsert), then inserts them (one insert). */
  async addStatusFacts(facts: readonly LearnerStatusFact[]): Promise<void> {
    await addToIdLists(
      this.lists,
      groupIds(
        facts,
        ({ learnerId }) => idListKeys.learnerCredentialStatus(learnerId),
        ({ fact }) => fact._id,
      ),
    );
    await insertManyOnce(this.facts, firstOfEachId(facts.map(({ fact }) => fact)));
  }

  /** Inserts a batch's learners in one round trip; a learner known already keeps the email first recorded. */
  async addLearners(learners: readonly KnownLearner[]): Promise<void> {
    await insertManyOnce(this.learners, firstOfEachId(learners));
  }

  async learnerEmail(learnerId: string): Promise<string | undefined> {
    return (await this.learners.findById(learnerId).lean<KnownLearner>().exec())?.email;
  }

  /** The emails recorded for these learners, by learner id (read by `_id`). */
  async learnerEmails(learnerIds: readonly string[]): Promise<Map<string, string>> {
    if (learnerIds.length === 0) return new Map();
    const learners = await this.learners
      .find({ _id: { $in: [...new Set(learnerIds)] } })
      .lean<KnownLearner[]>()
      .exec();
    return new Map(learners.map((learner) => [learner._id, learner.email]));
  }

  async isOurs(credentialId: string): Promise<boolean> {
    return (await this.credentials.exists({ _id: credentialId }).exec()) !== null;
  }

  /** A learner's credentials, each with its state now. */
  async ofLearner(learnerId: string): Promise<CredentialWithState[]> {
    const credentialsKey = idListKeys.learnerCredentials(learnerId);
    const statusKey = idListKeys.learnerCredentialStatus(learnerId);
    const lists = await idListsOf(this.lists, [credentialsKey, statusKey]);
    const [credentials, facts] = await Promise.all([
      this.byIds(this.credentials, lists.get(credentialsKey)!),
      this.byIds(this.facts, lists.get(statusKey)!),
    ]);
    return credentials.map((credential) => ({
      ...credential,
      state: stateOf(facts.filter((fact) => fact.credentialId === credential._id)).state,
    }));
  }

  private async byIds<T>(model: Model<T>, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    return model
      .find({ _id: { $in: ids } })
      .lean<T[]>()
      .exec();
  }
}

const idOf = (record: { _id: string }): string => record._id;
