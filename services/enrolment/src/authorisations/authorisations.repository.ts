import type { OutboxFields } from '@lib/messaging';
import { findPage, insertOnce, type Page, type Pagination, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Authorisation,
  AUTHORISATION_MODEL,
  AUTHORISATION_WITHDRAWAL_MODEL,
  type AuthorisationWithdrawal,
} from './authorisation.schema';

export type AuthorisationWithWithdrawal = Authorisation & { withdrawal?: AuthorisationWithdrawal };

@Injectable()
export class AuthorisationsRepository {
  constructor(
    @InjectModel(AUTHORISATION_MODEL) private readonly grants: Model<Authorisation>,
    @InjectModel(AUTHORISATION_WITHDRAWAL_MODEL) private readonly withdrawals: Model<AuthorisationWithdrawal>,
  ) {}

  insert(grant: Authorisation & OutboxFields): Promise<boolean> {
    return insertOnce(this.grants, grant);
  }

  /** False when the authorisation was withdrawn already. */
  insertWithdrawal(withdrawal: AuthorisationWithdrawal & OutboxFields): Promise<boolean> {
    return insertOnce(this.withdrawals, withdrawal);
  }

  async findById(id: string): Promise<AuthorisationWithWithdrawal | null> {
    const grant = await this.grants.findById(id, WITHOUT_OUTBOX).lean<Authorisation>().exec();
    return grant ? (await this.withWithdrawals([grant]))[0]! : null;
  }

  async list(
    scope: { awardingBodyId: string } | { partnerId: string },
    pagination: Pagination,
  ): Promise<Page<AuthorisationWithWithdrawal>> {
    const page = await findPage(this.grants, scope, { grantedAt: -1 }, pagination);
    return { ...page, items: await this.withWithdrawals(page.items) };
  }

  /** Every grant for a partner and course, with its withdrawal if any. */
  async forPartnerAndCourse(partnerId: string, courseId: string): Promise<AuthorisationWithWithdrawal[]> {
    const grants = await this.grants
      .find({ partnerId, courseId }, WITHOUT_OUTBOX)
      .lean<Authorisation[]>()
      .exec();
    return this.withWithdrawals(grants);
  }

  async courseIdsForPartner(partnerId: string): Promise<string[]> {
    return await this.grants.distinct('courseId', { partnerId }).exec();
  }

  private async withWithdrawals(grants: Authorisation[]): Promise<AuthorisationWithWithdrawal[]> {
    const withdrawals = await this.withdrawals
      .find({ _id: { $in: grants.map((grant) => grant._id) } }, WITHOUT_OUTBOX)
      .lean<AuthorisationWithdrawal[]>()
      .exec();
    const byId = new Map(withdrawals.map((withdrawal) => [withdrawal._id, withdrawal]));
    return grants.map((grant) => ({ ...grant, withdrawal: byId.get(grant._id) }));
  }
}
