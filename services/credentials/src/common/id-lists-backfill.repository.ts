import { addToIdLists, groupIds, ID_LIST_MODEL, type IdList, runOncePerDatabase } from '@lib/persistence';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  ISSUED_CREDENTIAL_MODEL,
  type IssuedCredential,
  LEARNER_CREDENTIALS_MODEL,
  type LearnerCredentials,
} from '../issuing/issued-credential.schema';
import { SHARE_LINK_MODEL, type ShareLink } from '../sharing/share-link.schema';
import { STATUS_CHANGE_MODEL, type StatusChange } from '../status-lists/status-change.schema';
import { idListKeys } from './id-list-keys';

/** Marks a database whose records written before the keyed lists existed have been listed. */
const BACKFILLED = 'backfill:id-lists:v1';

/**
 * Once per database, at start-up: lists the credentials, share links and status changes written before the keyed
 * lists existed, so the learner's lists and the status lists find them. One scan of each, then never again.
 */
@Injectable()
export class IdListsBackfillRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdListsBackfillRepository.name);

  constructor(
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
    @InjectModel(LEARNER_CREDENTIALS_MODEL) private readonly learners: Model<LearnerCredentials>,
    @InjectModel(ISSUED_CREDENTIAL_MODEL) private readonly credentials: Model<IssuedCredential>,
    @InjectModel(SHARE_LINK_MODEL) private readonly links: Model<ShareLink>,
    @InjectModel(STATUS_CHANGE_MODEL) private readonly changes: Model<StatusChange>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await runOncePerDatabase(this.lists, BACKFILLED, () => this.listOlderRecords());
  }

  private async listOlderRecords(): Promise<void> {
    const learnerEntries: [list: string, id: string][] = [];
    const listEntries: [list: string, id: string][] = [];
    const add = (into: [string, string][], key: string, id: string) => into.push([key, id]);
    for (const { _id, learnerId } of await this.credentials.find({}, 'learnerId').lean<IssuedCredential[]>())
      add(learnerEntries, learnerId, _id);
    for (const link of await this.links.find({}, 'learnerId credentialId').lean<ShareLink[]>()) {
      add(listEntries, idListKeys.learnerShareLinks(link.learnerId), link._id);
      add(listEntries, idListKeys.credentialShareLinks(link.credentialId), link._id);
    }
    for (const { _id, awardingBodyId } of await this.changes
      .find({}, 'awardingBodyId')
      .lean<StatusChange[]>())
      add(listEntries, idListKeys.issuerStatusChanges(awardingBodyId), _id);
    const learners = groupIds(
      learnerEntries,
      ([list]) => list,
      ([, id]) => id,
    );
    const lists = groupIds(
      listEntries,
      ([list]) => list,
      ([, id]) => id,
    );
    await addToIdLists(this.learners, learners, 'credentialKeys');
    await addToIdLists(this.lists, lists);
    if (learners.size + lists.size > 0)
      this.logger.log(`Listed the records of ${learners.size + lists.size} owners written before the lists.`);
  }
}
