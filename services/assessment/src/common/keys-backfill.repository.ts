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
import { RESULT_VERSION_MODEL, type ResultVersion } from '../results/result.schema';
import { idListKeys } from './id-list-keys';

/** Marks a database whose records written before the keyed reads existed have been keyed. */
const BACKFILLED = 'backfill:keys:v1';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runOncePerDatabase(this.lists, BACKFILLED, () => this.keyOlderRecords());
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
