import type { OutboxFields } from '@lib/messaging';
import type { EnrolmentPair } from '../catalogue/enrolment-standing';
import type { Ratification, ResultRelease, ResultVersion } from '../results/result.schema';
import { unratifiedNewest } from '../results/ratification-plan';
import type { ResultsRepository, VersionRecords } from '../results/results.repository';
import { insertUnique, type PublicOf } from '@lib/fakes';
import { type Pagination, pageOf } from '@lib/persistence';

/** ResultsRepository in memory: each record once by `_id`, as the database keeps them. */
export class InMemoryResults implements PublicOf<ResultsRepository> {
  readonly versions: ResultVersion[] = [];
  readonly releases: (ResultRelease & OutboxFields)[] = [];
  readonly ratifications: (Ratification & OutboxFields)[] = [];

  /** Every event written with the records, by topic, in write order. */
  topics(): string[] {
    return [...this.releases, ...this.ratifications]
      .flatMap((record) => record.outbox)
      .map((entry) => entry.topic);
  }

  /** The awarding body of each offering marked, as the body's id list names them. */
  private readonly bodies = new Map<string, string>();

  insertVersions(versions: readonly ResultVersion[], awardingBodyId: string): Promise<boolean[]> {
    for (const version of versions) this.bodies.set(version.offeringId, awardingBodyId);
    return Promise.resolve(versions.map((version) => insertUnique(this.versions, version)));
  }

  /** The lists are derived from the records here, so there is nothing to take off. */
  unlistProvisional(): Promise<void> {
    return Promise.resolve();
  }

  pageOfOffering(
    offeringId: string,
    pagination: Pagination,
  ): Promise<{ records: VersionRecords; resultIds: string[]; total: number }> {
    const all = [...new Set(this.versions.filter((v) => v.offeringId === offeringId).map((v) => v.resultId))];
    const { items, total } = pageOf(all, pagination);
    return Promise.resolve({
      records: this.records((v) => items.includes(v.resultId)),
      resultIds: items,
      total,
    });
  }

  provisionalAt(offeringIds: readonly string[]): Promise<VersionRecords> {
    return Promise.resolve(this.records((v) => offeringIds.includes(v.offeringId)));
  }

  async provisionalCounts(offeringIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { offeringId } of unratifiedNewest(await this.provisionalAt(offeringIds)))
      counts.set(offeringId, (counts.get(offeringId) ?? 0) + 1);
    return counts;
  }

  offeringsWithProvisional(awardingBodyId: string): Promise<string[]> {
    return Promise.resolve(
      [...this.bodies].flatMap(([offering, body]) => (body === awardingBodyId ? [offering] : [])),
    );
  }

  insertReleases(releases: readonly (ResultRelease & OutboxFields)[]): Promise<boolean[]> {
    return Promise.resolve(releases.map((release) => insertUnique(this.releases, release)));
  }

  insertRatifications(ratifications: readonly (Ratification & OutboxFields)[]): Promise<boolean[]> {
    return Promise.resolve(
      ratifications.map((ratification) => insertUnique(this.ratifications, ratification)),
    );
  }

  forLearners(offeringId: string, learnerIds: readonly string[]): Promise<VersionRecords> {
    return Promise.resolve(
      this.records((v) => v.offeringId === offeringId && learnerIds.includes(v.learnerId)),
    );
  }

  ofEnrolments(enrolments: readonly EnrolmentPair[]): Promise<Pick<VersionRecords, 'versions' | 'released'>> {
    const { versions, released } = this.records((v) =>
      enrolments.some(
        ({ offeringId, learnerId }) => v.offeringId === offeringId && v.learnerId === learnerId,
      ),
    );
    return Promise.resolve({ versions, released });
  }

  forResult(resultId: string): Promise<VersionRecords> {
    return Promise.resolve(this.records((v) => v.resultId === resultId));
  }

  ofLearner(learnerId: string): Promise<VersionRecords> {
    return Promise.resolve(this.records((v) => v.learnerId === learnerId));
  }

  private records(matches: (version: ResultVersion) => boolean): VersionRecords {
    const versions = this.versions
      .filter(matches)
      .sort((a, b) => a.attempt - b.attempt || a.version - b.version);
    const ids = new Set(versions.map((version) => version._id));
    return {
      versions,
      released: new Set(this.releases.filter((r) => ids.has(r._id)).map((r) => r._id)),
      ratified: new Map(this.ratifications.filter((r) => ids.has(r._id)).map((r) => [r._id, r])),
    };
  }
}
