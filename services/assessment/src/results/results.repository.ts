import type { OutboxFields } from '@lib/messaging';
import {
  addToIdLists,
  allIds,
  existingIds,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  idListsOf,
  insertManyOnce,
  type Pagination,
  readInParts,
  removeFromIdLists,
  skipOf,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { EnrolmentPair } from '../catalogue/enrolment-standing';
import { idListKeys } from '../common/id-list-keys';
import { isVersionIdOf, versionIdOf } from './result-ids';
import {
  RATIFICATION_MODEL,
  type Ratification,
  RESULT_RELEASE_MODEL,
  RESULT_VERSION_MODEL,
  type ResultRelease,
  type ResultVersion,
} from './result.schema';

/** The `_id` of the version after this one of the same result (`versionIdOf` with the version plus one). */
function nextVersionId(versionId: string): string {
  const at = versionId.lastIndexOf(':');
  return `${versionId.slice(0, at)}:${Number(versionId.slice(at + 1)) + 1}`;
}

/** Which of the ids a record of the collection has: `_id` only, in parts of a few hundred. */
async function idsFound<T>(model: Model<T>, ids: readonly string[]): Promise<Set<string>> {
  const found = await readInParts([...new Set(ids)], (part) =>
    model
      .find({ _id: { $in: part } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec(),
  );
  return new Set(found.map((record) => record._id));
}

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
   * Inserts versions (of offerings of one awarding body) in one round trip after listing them under their learner,
   * result and offering, and a provisional one under the offering's provisional versions and the body's offerings
   * with those (one more), so a crash in between cannot leave a version unlisted. Then a re-mark's previous version
   * leaves the provisional list (a third round trip, only for re-marks). Per version, false when it exists already.
   */
  async insertVersions(versions: readonly ResultVersion[], awardingBodyId: string): Promise<boolean[]> {
    const additions = new Map<string, string[]>();
    const add = (key: string, id: string) => additions.set(key, [...(additions.get(key) ?? []), id]);
    for (const version of versions) {
      add(idListKeys.learnerResults(version.learnerId), version._id);
      add(idListKeys.resultVersions(version.resultId), version._id);
      add(idListKeys.offeringResults(version.offeringId), version.resultId);
      if (version.amendment) continue;
      add(idListKeys.offeringProvisional(version.offeringId), version._id);
      add(idListKeys.bodyProvisionalOfferings(awardingBodyId), version.offeringId);
    }
    await addToIdLists(this.lists, additions);
    const inserted = await insertManyOnce(this.versions, versions);
    const superseded = versions.filter((v, index) => inserted[index] && !v.amendment && v.version > 1);
    await this.unlistProvisional(
      superseded.map((v) => ({
        ...v,
        _id: versionIdOf(v.offeringId, v.learnerId, v.attempt, v.version - 1),
      })),
    );
    return inserted;
  }

  /** Takes versions that are no longer provisional (ratified, or re-marked) off their offerings' provisional lists. */
  async unlistProvisional(versions: readonly Pick<ResultVersion, '_id' | 'offeringId'>[]): Promise<void> {
    const removals = new Map<string, string[]>();
    for (const { _id, offeringId } of versions) {
      const key = idListKeys.offeringProvisional(offeringId);
      removals.set(key, [...(removals.get(key) ?? []), _id]);
    }
    await removeFromIdLists(this.lists, removals);
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
   * A page of an offering's results, staff list: a slice of the offering's result ids, then those results' version
   * lists, versions and fates by key (four round trips whatever the offering's size). `resultIds` is the page's
   * order; a listed result without a version yet (a crash between writes) is counted in `total` but has none.
   */
  async pageOfOffering(
    offeringId: string,
    pagination: Pagination,
  ): Promise<{ records: VersionRecords; resultIds: string[]; total: number }> {
    const listed = await idListOf(this.lists, idListKeys.offeringResults(offeringId));
    const resultIds = listed.slice(skipOf(pagination), skipOf(pagination) + pagination.pageSize);
    const lists = await idListsOf(this.lists, resultIds.map(idListKeys.resultVersions));
    const onPage = new Set(resultIds);
    const versions = (await this.versionsById(allIds(lists))).filter((v) => onPage.has(v.resultId));
    return { records: await this.withFates(versions), resultIds, total: listed.length };
  }

  /**
   * The versions listed as provisional at these offerings and the next version of each (a re-mark or amendment
   * that may not have taken its predecessor off the list yet), with their fates, by key: the caller keeps the newest
   * unratified version of each result (`unratifiedNewest`).
   */
  async provisionalAt(offeringIds: readonly string[]): Promise<VersionRecords> {
    const lists = await idListsOf(this.lists, offeringIds.map(idListKeys.offeringProvisional));
    const listed = allIds(lists);
    return this.withFates(await this.versionsById([...listed, ...listed.map(nextVersionId)]));
  }

  /**
   * How many results of each offering are provisional, by the offerings' provisional lists: a listed version counts
   * when it exists (it is listed before it is written), has no next version and no ratification. Reads ids only (two
   * reads by `_id`, in parts), as the exam board's queue counts thousands at once.
   */
  async provisionalCounts(offeringIds: readonly string[]): Promise<Map<string, number>> {
    const lists = await idListsOf(this.lists, offeringIds.map(idListKeys.offeringProvisional));
    const listed = allIds(lists);
    const [found, ratified] = await Promise.all([
      idsFound(this.versions, [...listed, ...listed.map(nextVersionId)]),
      idsFound(this.ratifications, listed),
    ]);
    const counts = new Map<string, number>();
    for (const offeringId of new Set(offeringIds)) {
      const ids = lists.get(idListKeys.offeringProvisional(offeringId)) ?? [];
      const open = ids.filter((id) => found.has(id) && !found.has(nextVersionId(id)) && !ratified.has(id));
      if (open.length) counts.set(offeringId, open.length);
    }
    return counts;
  }

  /** The offerings of an awarding body that have had provisional results, in the order first marked. */
  offeringsWithProvisional(awardingBodyId: string): Promise<string[]> {
    return idListOf(this.lists, idListKeys.bodyProvisionalOfferings(awardingBodyId));
  }

  /** The versions with these ids that exist (listed ids may have none), oldest attempt and version first. */
  private async versionsById(ids: readonly string[]): Promise<ResultVersion[]> {
    const versions = await readInParts([...new Set(ids)], (part) =>
      this.versions
        .find({ _id: { $in: part } })
        .lean<ResultVersion[]>()
        .exec(),
    );
    return versions.sort((a, b) => a.attempt - b.attempt || a.version - b.version);
  }

  /** Which of the versions are released and ratified, read by `_id` (two reads at once, in parts for long lists). */
  private async withFates(versions: ResultVersion[]): Promise<VersionRecords> {
    const ids = versions.map((version) => version._id);
    const [released, ratifications] = await Promise.all([
      readInParts(ids, (part) =>
        this.releases
          .find({ _id: { $in: part } }, { _id: 1 })
          .lean<{ _id: string }[]>()
          .exec(),
      ).then((found) => new Set(found.map((release) => release._id))),
      readInParts(ids, (part) =>
        this.ratifications
          .find({ _id: { $in: part } }, WITHOUT_OUTBOX)
          .lean<Ratification[]>()
          .exec(),
      ),
    ]);
    return {
      versions,
      released,
      ratified: new Map(ratifications.map((ratification) => [ratification._id, ratification])),
    };
  }
}
