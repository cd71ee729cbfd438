import type { OrganisationLearner } from '../learners/organisation-learner.schema';
import type { OrganisationLearnersRepository } from '../learners/organisation-learners.repository';
import { insertUnique, type PublicOf } from '@lib/fakes';

/** OrganisationLearnersRepository in memory: one record per organisation and email, as the unique keys keep it. */
export class InMemoryOrganisationLearners implements PublicOf<OrganisationLearnersRepository> {
  readonly records: OrganisationLearner[] = [];
  /** Records another process makes between this one's read and its insert (to play a race), by `_id`. */
  readonly recordedMeanwhile = new Map<string, OrganisationLearner>();

  insert(record: OrganisationLearner): Promise<boolean> {
    return Promise.resolve(this.add(record));
  }

  insertMany(records: OrganisationLearner[]): Promise<boolean[]> {
    return Promise.resolve(records.map((record) => this.add(record)));
  }

  findById(id: string): Promise<OrganisationLearner | null> {
    return Promise.resolve(this.records.find((record) => record._id === id) ?? null);
  }

  findByIds(ids: readonly string[]): Promise<OrganisationLearner[]> {
    return Promise.resolve(this.records.filter((record) => ids.includes(record._id)));
  }

  findOf(organisationId: string, learnerId: string): Promise<OrganisationLearner | null> {
    const record = this.records.find((r) => r.organisationId === organisationId && r.learnerId === learnerId);
    return Promise.resolve(record ?? null);
  }

  private add(record: OrganisationLearner): boolean {
    const rival = this.recordedMeanwhile.get(record._id);
    if (rival) {
      this.recordedMeanwhile.delete(record._id);
      this.records.push(rival);
    }
    return insertUnique(
      this.records,
      record,
      (a, b) => a._id === b._id || (a.organisationId === b.organisationId && a.learnerId === b.learnerId),
    );
  }
}
