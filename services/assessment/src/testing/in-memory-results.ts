import type { OutboxFields } from '@lib/messaging';
import type { EnrolmentPair } from '../catalogue/enrolment-standing';
import type { Ratification, ResultRelease, ResultVersion } from '../results/result.schema';
import type { ResultsRepository, VersionRecords } from '../results/results.repository';
import { insertUnique, type PublicOf } from '@lib/fakes';

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

  insertVersions(versions: readonly ResultVersion[]): Promise<boolean[]> {
    return Promise.resolve(versions.map((version) => insertUnique(this.versions, version)));
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

  scanOffering(offeringId: string): Promise<VersionRecords> {
    return Promise.resolve(this.records((v) => v.offeringId === offeringId));
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
