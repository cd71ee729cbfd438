import {
  addToIdLists,
  groupIds,
  ID_LIST_MODEL,
  type IdList,
  insertManyOnce,
  runOncePerDatabase,
} from '@lib/persistence';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  ENROLMENT_FACT_MODEL,
  type EnrolmentFact,
  KNOWN_OFFERING_MODEL,
  type KnownOffering,
} from '../catalogue/catalogue.schema';
import { enrolmentFactId } from '../catalogue/enrolment-standing';
import {
  RATIFICATION_MODEL,
  type Ratification,
  RESULT_VERSION_MODEL,
  type ResultVersion,
} from '../results/result.schema';
import { idListKeys } from './id-list-keys';

/** Marks a database whose records written before the keyed reads existed have been keyed. */
const BACKFILLED = 'backfill:keys:v1';
/** Marks a database whose result versions are listed under their offerings (results, provisional) and bodies. */
const OFFERINGS_BACKFILLED = 'backfill:keys:v2';

/**
 * Once per database, at start-up (before the consumers start): lists the result versions and offerings written
 * before the id lists existed, and copies enrolment facts stored under their old `<enrolmentId>:<fact>` ids to
 * their keyed ids (the old records stay, unread). One scan of each collection, then never again.
 */
@Injectable()
export class KeysBackfillRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger(KeysBackfillRepository.name);

  constructor(
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
    @InjectModel(RESULT_VERSION_MODEL) private readonly versions: Model<ResultVersion>,
    @InjectModel(KNOWN_OFFERING_MODEL) private readonly offerings: Model<KnownOffering>,
    @InjectModel(ENROLMENT_FACT_MODEL) private readonly facts: Model<EnrolmentFact>,
    @InjectModel(RATIFICATION_MODEL) private readonly ratifications: Model<Ratification>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runOncePerDatabase(this.lists, BACKFILLED, () => this.keyOlderRecords());
    await runOncePerDatabase(this.lists, OFFERINGS_BACKFILLED, () => this.listOfferingsResults());
  }

  /**
   * Lists every result under its offering (in the order first recorded) and every unratified, unamended version
   * under its offering's provisional versions and its body's offerings: one scan of the versions, ratifications
   * (ids only) and offerings. Safe to repeat (`$addToSet`); readers check provisional versions by key anyway.
   */
  private async listOfferingsResults(): Promise<void> {
    const versions = await this.versions
      .find({}, 'resultId offeringId amendment recordedAt version')
      .lean<ResultVersion[]>()
      .exec();
    const ratified = new Set(
      (await this.ratifications.find({}, { _id: 1 }).lean<{ _id: string }[]>().exec()).map((r) => r._id),
    );
    const bodies = new Map(
      (await this.offerings.find({}, 'awardingBodyId').lean<KnownOffering[]>().exec()).map((o) => [
        o._id,
        o.awardingBodyId,
      ]),
    );
    const entries: [list: string, id: string][] = [];
    const inOrder = versions.sort((a, b) => +a.recordedAt - +b.recordedAt || a.version - b.version);
    for (const { _id, resultId, offeringId, amendment } of inOrder) {
      entries.push([idListKeys.offeringResults(offeringId), resultId]);
      const body = bodies.get(offeringId);
      if (amendment || ratified.has(_id) || !body) continue;
      entries.push([idListKeys.offeringProvisional(offeringId), _id]);
      entries.push([idListKeys.bodyProvisionalOfferings(body), offeringId]);
    }
    const lists = groupIds(
      entries,
      ([list]) => list,
      ([, id]) => id,
    );
    await addToIdLists(this.lists, lists);
    if (lists.size) this.logger.log(`Listed the results of offerings in ${lists.size} id lists.`);
  }

  private async keyOlderRecords(): Promise<void> {
    const lists = await this.listsOfExistingRecords();
    await addToIdLists(this.lists, lists);
    const facts = await this.factsUnderOldIds();
    await insertManyOnce(this.facts, facts);
    if (lists.size || facts.length)
      this.logger.log(`Keyed ${lists.size} id lists and ${facts.length} enrolment facts written before.`);
  }

  private async listsOfExistingRecords(): Promise<Map<string, string[]>> {
    const entries: [list: string, id: string][] = [];
    const add = (key: string, id: string) => entries.push([key, id]);
    const versions = await this.versions.find({}, 'learnerId resultId').lean<ResultVersion[]>().exec();
    for (const { _id, learnerId, resultId } of versions) {
      add(idListKeys.learnerResults(learnerId), _id);
      add(idListKeys.resultVersions(resultId), _id);
    }
    for (const { _id, courseId } of await this.offerings.find({}, 'courseId').lean<KnownOffering[]>().exec())
      add(idListKeys.courseOfferings(courseId), _id);
    return groupIds(
      entries,
      ([list]) => list,
      ([, id]) => id,
    );
  }

  private async factsUnderOldIds(): Promise<EnrolmentFact[]> {
    const facts = await this.facts.find({}).lean<EnrolmentFact[]>().exec();
    return facts
      .map((fact) => ({ ...fact, _id: enrolmentFactId(fact.offeringId, fact.learnerId, fact.fact) }))
      .filter((keyed, index) => keyed._id !== facts[index]!._id);
  }
}
