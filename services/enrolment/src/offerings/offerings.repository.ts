import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Offering,
  OFFERING_MODEL,
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

  statusChanges(offeringIds: string[]): Promise<OfferingStatusChange[]> {
    return this.statuses
      .find({ offeringId: { $in: offeringIds } }, WITHOUT_OUTBOX)
      .lean<OfferingStatusChange[]>()
      .exec();
  }

  /** Offerings an organisation runs: as their awarding body or as the delivering organisation. */
  async idsRunBy(organisationId: string): Promise<string[]> {
    const offerings = await this.offerings
      .find(
        { $or: [{ awardingBodyId: organisationId }, { deliveringOrganisationId: organisationId }] },
        { _id: 1 },
      )
      .lean<{ _id: string }[]>()
      .exec();
    return offerings.map((offering) => offering._id);
  }

  list(
    scope: { awardingBodyId: string } | { deliveringOrganisationId: string },
    pagination: Pagination,
  ): Promise<Page<Offering>> {
    return findPage(this.offerings, scope, { startDate: -1, _id: 1 }, pagination);
  }
}
