import {
  findPage,
  insertOnce,
  type Page,
  type Pagination,
  readInParts,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import type { OutboxFields } from '@lib/messaging';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Organisation, ORGANISATION_MODEL } from './organisation.schema';

@Injectable()
export class OrganisationsRepository {
  constructor(@InjectModel(ORGANISATION_MODEL) private readonly model: Model<Organisation>) {}

  /** False when an organisation of that name exists already. */
  insert(organisation: Organisation & OutboxFields): Promise<boolean> {
    return insertOnce(this.model, organisation);
  }

  findById(id: string): Promise<Organisation | null> {
    return this.model.findById(id, WITHOUT_OUTBOX).lean<Organisation>().exec();
  }

  /** By key, e.g. the organisations running a learner's offerings. */
  findByIds(ids: readonly string[]): Promise<Organisation[]> {
    return readInParts(ids, (part) =>
      this.model
        .find({ _id: { $in: part } }, WITHOUT_OUTBOX)
        .lean<Organisation[]>()
        .exec(),
    );
  }

  /** Staff list: every organisation (an admin's list, a scan), or the given ones by key. */
  list(ids: string[] | 'all', pagination: Pagination): Promise<Page<Organisation>> {
    return findPage(this.model, ids === 'all' ? {} : { _id: { $in: ids } }, { name: 1 }, pagination);
  }
}
