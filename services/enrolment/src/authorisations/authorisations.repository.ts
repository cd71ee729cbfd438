import type { OutboxFields } from '@lib/messaging';
import {
  addToIdList,
  findPage,
  idListOf,
  insertOnce,
  type Page,
  type Pagination,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  type Authorisation,
  AUTHORISATION_MODEL,
  AUTHORISATION_WITHDRAWAL_MODEL,
  type AuthorisationWithdrawal,
  PARTNER_AUTHORISATION_IDS_MODEL,
  type PartnerAuthorisationIds,
} from './authorisation.schema';

export type AuthorisationWithWithdrawal = Authorisation & { withdrawal?: AuthorisationWithdrawal };

@Injectable()
export class AuthorisationsRepository {
  constructor(
    @InjectModel(AUTHORISATION_MODEL) private readonly grants: Model<Authorisation>,
    @InjectModel(AUTHORISATION_WITHDRAWAL_MODEL) private readonly withdrawals: Model<AuthorisationWithdrawal>,
    @InjectModel(PARTNER_AUTHORISATION_IDS_MODEL) private readonly byPartner: Model<PartnerAuthorisationIds>,
  ) {}

  /** False when the partner has a grant for the course from that date already. Listed for the partner first. */
  async insert(grant: Authorisation & OutboxFields): Promise<boolean> {
    await addToIdList(this.byPartner, grant.partnerId, [grant._id], 'authorisationIds');
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

  /** Staff list: scans the grants for those of one awarding body or partner. */
  async list(
    scope: { awardingBodyId: string } | { partnerId: string },
    pagination: Pagination,
  ): Promise<Page<AuthorisationWithWithdrawal>> {
    const page = await findPage(this.grants, scope, { grantedAt: -1 }, pagination);
    return { ...page, items: await this.withWithdrawals(page.items) };
  }

  /** Every grant for a partner and course, with its withdrawal if any. */
  async forPartnerAndCourse(partnerId: string, courseId: string): Promise<AuthorisationWithWithdrawal[]> {
    const grants = (await this.forPartner(partnerId)).filter((grant) => grant.courseId === courseId);
    return this.withWithdrawals(grants);
  }

  /** The courses a partner was ever authorised for. */
  async courseIdsForPartner(partnerId: string): Promise<string[]> {
    return [...new Set((await this.forPartner(partnerId)).map((grant) => grant.courseId))];
  }

  /** A partner's grants, through its id list. */
  private async forPartner(partnerId: string): Promise<Authorisation[]> {
    const ids = await idListOf(this.byPartner, partnerId, 'authorisationIds');
    if (ids.length === 0) return [];
    return this.grants
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
      .lean<Authorisation[]>()
      .exec();
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
