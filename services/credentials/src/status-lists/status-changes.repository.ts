import type { OutboxFields } from '@lib/messaging';
import {
  addToIdList,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  insertOnce,
  readInParts,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import { STATUS_CHANGE_MODEL, type StatusChange } from './status-change.schema';

/** Revocations, suspensions and reinstatements: each an insert under `<credentialId>:<n>`. */
@Injectable()
export class StatusChangesRepository {
  constructor(
    @InjectModel(STATUS_CHANGE_MODEL) private readonly statusChanges: Model<StatusChange>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /**
   * False when that change was made already (another registrar acted at the same moment). Listed for the awarding
   * body first, so its status lists never miss a change.
   */
  async insertStatusChange(change: StatusChange & OutboxFields): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.issuerStatusChanges(change.awardingBodyId), [change._id]);
    return insertOnce(this.statusChanges, change);
  }

  /** A credential's status changes in order, read by their keys `<credentialId>:<n>` (no scan). */
  async statusChangesOf(credentialId: string): Promise<StatusChange[]> {
    const changes: StatusChange[] = [];
    for (;;) {
      const next = await this.statusChanges
        .findById(`${credentialId}:${changes.length + 1}`, WITHOUT_OUTBOX)
        .lean<StatusChange>()
        .exec();
      if (!next) return changes;
      changes.push(next);
    }
  }

  /** The status changes of many credentials (a page of them), in one read through the `credentialId` index. */
  statusChangesOfMany(credentialIds: readonly string[]): Promise<StatusChange[]> {
    if (credentialIds.length === 0) return Promise.resolve([]);
    return this.statusChanges
      .find({ credentialId: { $in: [...new Set(credentialIds)] } }, WITHOUT_OUTBOX)
      .lean<StatusChange[]>()
      .exec();
  }

  /** Every status change of an awarding body's credentials, through its id list, read by `_id` in parts. */
  async statusChangesOfIssuer(awardingBodyId: string): Promise<StatusChange[]> {
    const ids = await idListOf(this.lists, idListKeys.issuerStatusChanges(awardingBodyId));
    return readInParts(ids, (part) =>
      this.statusChanges
        .find({ _id: { $in: part } }, WITHOUT_OUTBOX)
        .lean<StatusChange[]>()
        .exec(),
    );
  }
}
