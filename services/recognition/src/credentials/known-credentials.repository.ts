import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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

@Injectable()
export class KnownCredentialsRepository {
  constructor(
    @InjectModel(KNOWN_CREDENTIAL_MODEL) private readonly credentials: Model<KnownCredential>,
    @InjectModel(CREDENTIAL_STATUS_FACT_MODEL) private readonly facts: Model<CredentialStatusFact>,
    @InjectModel(KNOWN_LEARNER_MODEL) private readonly learners: Model<KnownLearner>,
  ) {}

  addCredential(credential: KnownCredential): Promise<boolean> {
    return insertOnce(this.credentials, credential);
  }

  addStatusFact(fact: CredentialStatusFact): Promise<boolean> {
    return insertOnce(this.facts, fact);
  }

  addLearner(learner: KnownLearner): Promise<boolean> {
    return insertOnce(this.learners, learner);
  }

  async learnerEmail(learnerId: string): Promise<string | undefined> {
    return (await this.learners.findById(learnerId).lean<KnownLearner>().exec())?.email;
  }

  async isOurs(credentialId: string): Promise<boolean> {
    return (await this.credentials.exists({ _id: credentialId }).exec()) !== null;
  }

  /** A learner's credentials, each with its state now. */
  async ofLearner(learnerId: string): Promise<CredentialWithState[]> {
    const credentials = await this.credentials.find({ learnerId }).lean<KnownCredential[]>().exec();
    const facts = credentials.length
      ? await this.facts
          .find({ credentialId: { $in: credentials.map((credential) => credential._id) } })
          .lean<CredentialStatusFact[]>()
          .exec()
      : [];
    return credentials.map((credential) => ({
      ...credential,
      state: stateOf(facts.filter((fact) => fact.credentialId === credential._id)).state,
    }));
  }

  async stateOf(credentialId: string): Promise<ReturnType<typeof stateOf>> {
    return stateOf(await this.facts.find({ credentialId }).lean<CredentialStatusFact[]>().exec());
  }
}
