import type { OutboxFields } from '@lib/messaging';
import { insertOnce, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { STATUS_CHANGE_MODEL, type StatusChange } from './status-change.schema';

/** Revocations, suspensions and reinstatements: each an insert under `<credentialId>:<n>`. */
@Injectable()
export class StatusChangesRepository {
  constructor(@InjectModel(STATUS_CHANGE_MODEL) private readonly statusChanges: Model<StatusChange>) {}

  /** False when that change was made already (another registrar acted at the same moment). */
  insertStatusChange(change: StatusChange & OutboxFields): Promise<boolean> {
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

  statusChangesOfIssuer(awardingBodyId: string): Promise<StatusChange[]> {
    return this.statusChanges.find({ awardingBodyId }, WITHOUT_OUTBOX).lean<StatusChange[]>().exec();
  }
}
