import type { OutboxFields } from '@lib/messaging';
import {
  addToIdLists,
  existingIds,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  idListsOf,
  insertManyOnce,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EnrolmentPair } from '../catalogue/enrolment-standing';
import { idListKeys } from '../common/id-list-keys';
import { isVersionIdOf } from './result-ids';
import {
  RATIFICATION_MODEL,
  type Ratification,
  RESULT_RELEASE_MODEL,
  RESULT_VERSION_MODEL,
  type ResultRelease,
  type ResultVersion,
} from './result.schema';

/** Versions with what has happened to them. */
export interface VersionRecords {
  versions: ResultVersion[];
  released: Set<string>;
  ratified: Map<string, Ratification>;
}

/** Result versions, their releases and ratifications; every per-learner and per-result read is by key. */
@Injectable()
export class ResultsRepository {
  constructor(
    @InjectModel(RESULT_VERSION_MODEL) private readonly versions: Model<ResultVersion>,
    @InjectModel(RESULT_RELEASE_MODEL) private readonly releases: Model<ResultRelease>,
    @InjectModel(RATIFICATION_MODEL) private readonly ratifications: Model<Ratification>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /**
   * Inserts versions in one round trip after listing them under their learner and result (one more), so a crash
   * in between cannot leave a version unlisted. Per version, false when it exists already (someone else made it).
   */
  async insertVersions(versions: readonly ResultVersion[]): Promise<boolean[]> {
    const additions = new Map<string, string[]>();
    const add = (key: string, id: string) => additions.set(key, [...(additions.get(key) ?? []), id]);
    for (const version of versions) {
      add(idListKeys.learnerResults(version.learnerId), version._id);
      add(idListKeys.resultVersions(version.resultId), version._id);
    }
    await addToIdLists(this.lists, additions);
    return insertManyOnce(this.versions, versions);
  }

  insertReleases(releases: readonly (ResultRelease & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.releases, releases);
  }

  insertRatifications(ratifications: readonly (Ratification & OutboxFields)[]): Promise<boolean[]> {
    return insertManyOnce(this.ratifications, ratifications);
  }

  /** Every version of these learners' results at an offering, by their learners' id lists. */
  async forLearners(offeringId: string, learnerIds: readonly string[]): Promise<VersionRecords> {
    const lists = await idListsOf(this.lists, learnerIds.map(idListKeys.learnerResults));
    const ids = learnerIds.flatMap((learnerId) =>
      (lists.get(idListKeys.learnerResults(learnerId)) ?? []).filter((id) =>
        isVersionIdOf(id, offeringId, learnerId),
      ),
    );
    return this.withFates(await this.versionsById(ids));
  }

  /**
   * Every version of these learners' results at these offerings (learners of several offerings), with which are
   * released: by the learners' id lists, then by `_id` (three round trips whatever the number).
   */
  async ofEnrolments(
    enrolments: readonly EnrolmentPair[],
  ): Promise<Pick<VersionRecords, 'versions' | 'released'>> {
    const lists = await idListsOf(
      this.lists,
      enrolments.map(({ learnerId }) => idListKeys.learnerResults(learnerId)),
    );
    const ids = enrolments.flatMap(({ offeringId, learnerId }) =>
      (lists.get(idListKeys.learnerResults(learnerId)) ?? []).filter((id) =>
        isVersionIdOf(id, offeringId, learnerId),
      ),
    );
    const versions = await this.versionsById(ids);
    return {
      versions,
      released: await existingIds(
        this.releases,
        versions.map((version) => version._id),
      ),
    };
  }

  /** Every version of one result, by its id list. */
  async forResult(resultId: string): Promise<VersionRecords> {
    const ids = await idListOf(this.lists, idListKeys.resultVersions(resultId));
    const versions = await this.versionsById(ids);
    return this.withFates(versions.filter((version) => version.resultId === resultId));
  }

  /** Every version of a learner's results, in every offering, by their id list. */
  async ofLearner(learnerId: string): Promise<VersionRecords> {
    const ids = await idListOf(this.lists, idListKeys.learnerResults(learnerId));
    return this.withFates(await this.versionsById(ids));
  }

  /**
   * Staff list: scans the offering's result versions (no key names an offering's results; MongoDB uses the
   * `offeringId` index). The one offering-wide read, for the staff list and offering-wide ratification.
   */
  async scanOffering(offeringId: string): Promise<VersionRecords> {
    const versions = await this.versions
      .find({ offeringId })
      .sort({ attempt: 1, version: 1 })
      .lean<ResultVersion[]>()
      .exec();
    return this.withFates(versions);
  }

  /** The versions with these ids that exist (listed ids may have none), oldest attempt and version first. */
  private async versionsById(ids: readonly string[]): Promise<ResultVersion[]> {
    if (ids.length === 0) return [];
    const versions = await this.versions
      .find({ _id: { $in: [...new Set(ids)] } })
      .lean<ResultVersion[]>()
      .exec();
    return versions.sort((a, b) => a.attempt - b.attempt || a.version - b.version);
  }

  /** Which of the versions are released and ratified, read by `_id` (two reads, at once). */
  private async withFates(versions: ResultVersion[]): Promise<VersionRecords> {
    const ids = versions.map((version) => version._id);
    const [released, ratifications] = await Promise.all([
      existingIds(this.releases, ids),
      ids.length === 0
        ? Promise.resolve([])
        : this.ratifications
            .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
            .lean<Ratification[]>()
            .exec(),
    ]);
    return {
      versions,
      released,
      ratified: new Map(ratifications.map((ratification) => [ratification._id, ratification])),
    };
  }
}
