import { stateOf } from '../credentials/credential-state';
import type {
  CredentialStatusFact,
  KnownCredential,
  KnownLearner,
} from '../credentials/known-credential.schema';
import type {
  CredentialWithState,
  KnownCredentialsRepository,
} from '../credentials/known-credentials.repository';
import { insertInto } from './insert-into';
import type { PublicOf } from '@lib/fakes';

/** Our credentials, their status facts and learners' emails in maps, unique by `_id`. */
export class InMemoryKnownCredentials implements PublicOf<KnownCredentialsRepository> {
  readonly credentials = new Map<string, KnownCredential>();
  readonly facts = new Map<string, CredentialStatusFact>();
  readonly learners = new Map<string, KnownLearner>();

  addCredential(credential: KnownCredential): Promise<boolean> {
    return Promise.resolve(insertInto(this.credentials, credential));
  }

  addStatusFact(_learnerId: string, fact: CredentialStatusFact): Promise<boolean> {
    return Promise.resolve(insertInto(this.facts, fact));
  }

  addLearner(learner: KnownLearner): Promise<boolean> {
    return Promise.resolve(insertInto(this.learners, learner));
  }

  learnerEmail(learnerId: string): Promise<string | undefined> {
    return Promise.resolve(this.learners.get(learnerId)?.email);
  }

  isOurs(credentialId: string): Promise<boolean> {
    return Promise.resolve(this.credentials.has(credentialId));
  }

  ofLearner(learnerId: string): Promise<CredentialWithState[]> {
    const credentials = [...this.credentials.values()].filter((c) => c.learnerId === learnerId);
    return Promise.resolve(credentials.map((c) => ({ ...c, state: this.factsOf(c._id).state })));
  }

  private factsOf(credentialId: string): ReturnType<typeof stateOf> {
    return stateOf([...this.facts.values()].filter((fact) => fact.credentialId === credentialId));
  }
}
