import type { LearnerStatusFact } from '../credentials/credential-facts';
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

  addCredentials(credentials: readonly KnownCredential[]): Promise<void> {
    for (const credential of credentials) insertInto(this.credentials, credential);
    return Promise.resolve();
  }

  addStatusFacts(facts: readonly LearnerStatusFact[]): Promise<void> {
    for (const { fact } of facts) insertInto(this.facts, fact);
    return Promise.resolve();
  }

  addLearners(learners: readonly KnownLearner[]): Promise<void> {
    for (const learner of learners) insertInto(this.learners, learner);
    return Promise.resolve();
  }

  learnerEmails(learnerIds: readonly string[]): Promise<Map<string, string>> {
    const emails = new Map<string, string>();
    for (const id of learnerIds) {
      const email = this.learners.get(id)?.email;
      if (email) emails.set(id, email);
    }
    return Promise.resolve(emails);
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
