import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Offering,
  OFFERING_MODEL,
  OFFERING_STATUSES,
  OFFERING_STATUS_MODEL,
  type OfferingStatusChange,
} from './offering.schema';

@Injectable()
export class OfferingsRepository {
  constructor(
    @InjectModel(OFFERING_MODEL) private readonly offerings: Model<Offering>,
    @InjectModel(OFFERING_STATUS_MODEL) private readonly statuses: Model<OfferingStatusChange>,
  ) {}

  async insert(offering: Offering): Promise<void> {
    await this.offerings.create(offering);
  }

  /** False when the offering reached that status already. */
  insertStatus(change: OfferingStatusChange & OutboxFields): Promise<boolean> {
    return insertOnce(this.statuses, change);
  }

  findById(id: string): Promise<Offering | null> {
    return this.offerings.findById(id, WITHOUT_OUTBOX).lean<Offering>().exec();
  }

  findByIds(ids: readonly string[]): Promise<Offering[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.offerings
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
      .lean<Offering[]>()
      .exec();
  }

  /** The statuses the offerings reached, by their `<offeringId>:<status>` ids. */
  statusChanges(offeringIds: readonly string[]): Promise<OfferingStatusChange[]> {
    const ids = offeringIds.flatMap((id) => OFFERING_STATUSES.map((status) => `${id}:${status}`));
    return this.statuses
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
      .lean<OfferingStatusChange[]>()
      .exec();
  }

  /** Staff list: scans the offerings for those of one organisation. */
  list(
    scope: { awardingBodyId: string } | { deliveringOrganisationId: string },
    pagination: Pagination,
  ): Promise<Page<Offering>> {
    return findPage(this.offerings, scope, { startDate: -1, _id: 1 }, pagination);
  }
}
