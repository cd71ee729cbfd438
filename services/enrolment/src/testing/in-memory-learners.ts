import type { Learner } from '../learners/learner.schema';
import type { LearnersRepository } from '../learners/learners.repository';
import { insertUnique, type PublicOf } from '@lib/fakes';

/** LearnersRepository in memory: one learner per email, as the unique index keeps it. */
export class InMemoryLearners implements PublicOf<LearnersRepository> {
  readonly learners: Learner[] = [];
  /** Emails another process registers between this one's read and its insert (to play a race). */
  readonly registeredMeanwhile = new Map<string, Learner>();

  insert(learner: Learner): Promise<boolean> {
    return Promise.resolve(this.add(learner));
  }

  insertMany(learners: Learner[]): Promise<boolean[]> {
    return Promise.resolve(learners.map((learner) => this.add(learner)));
  }

  findById(id: string): Promise<Learner | null> {
    return Promise.resolve(this.learners.find((learner) => learner._id === id) ?? null);
  }

  findByEmail(email: string): Promise<Learner | null> {
    return Promise.resolve(this.learners.find((learner) => learner.email === email) ?? null);
  }

  findByIds(ids: string[]): Promise<Learner[]> {
    return Promise.resolve(this.learners.filter((learner) => ids.includes(learner._id)));
  }

  findByEmails(emails: string[]): Promise<Learner[]> {
    return Promise.resolve(this.learners.filter((learner) => emails.includes(learner.email)));
  }

  private add(learner: Learner): boolean {
    const rival = this.registeredMeanwhile.get(learner.email);
    if (rival) {
      this.registeredMeanwhile.delete(learner.email);
      this.learners.push(rival);
    }
    return insertUnique(this.learners, learner, (a, b) => a._id === b._id || a.email === b.email);
  }
}
