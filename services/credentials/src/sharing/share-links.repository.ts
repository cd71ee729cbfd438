import {
  addToIdLists,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  insertOnce,
  type Page,
  pageOf,
  type Pagination,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  SHARE_LINK_MODEL,
  SHARE_LINK_WITHDRAWAL_MODEL,
  type ShareLink,
  type ShareLinkWithdrawal,
} from './share-link.schema';
import { idListKeys } from '../common/id-list-keys';

/** Share links and their withdrawals; a learner's and a credential's links found through id lists. */
@Injectable()
export class ShareLinksRepository {
  constructor(
    @InjectModel(SHARE_LINK_MODEL) private readonly links: Model<ShareLink>,
    @InjectModel(SHARE_LINK_WITHDRAWAL_MODEL) private readonly withdrawals: Model<ShareLinkWithdrawal>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /** Lists the link for its learner and its credential first, so no link is ever missing from the lists. */
  async insertLink(link: ShareLink): Promise<boolean> {
    await addToIdLists(
      this.lists,
      new Map([
        [idListKeys.learnerShareLinks(link.learnerId), [link._id]],
        [idListKeys.credentialShareLinks(link.credentialId), [link._id]],
      ]),
    );
    return insertOnce(this.links, link);
  }

  findLink(token: string): Promise<ShareLink | null> {
    return this.links.findById(token).lean<ShareLink>().exec();
  }

  /** One learner's links, newest first. */
  async linksOf(learnerId: string, pagination: Pagination): Promise<Page<ShareLink>> {
    const links = await this.listed(idListKeys.learnerShareLinks(learnerId));
    return pageOf(
      links.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
      pagination,
    );
  }

  /** A credential's certificate links, oldest first. */
  async certificateLinksOf(credentialId: string): Promise<ShareLink[]> {
    const links = await this.listed(idListKeys.credentialShareLinks(credentialId));
    return links
      .filter((link) => link.purpose === 'certificate')
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  private async listed(list: string): Promise<ShareLink[]> {
    const tokens = await idListOf(this.lists, list);
    if (tokens.length === 0) return [];
    return this.links
      .find({ _id: { $in: tokens } })
      .lean<ShareLink[]>()
      .exec();
  }

  /** False when the link is withdrawn already. */
  insertWithdrawal(withdrawal: ShareLinkWithdrawal): Promise<boolean> {
    return insertOnce(this.withdrawals, withdrawal);
  }

  findWithdrawal(token: string): Promise<ShareLinkWithdrawal | null> {
    return this.withdrawals.findById(token).lean<ShareLinkWithdrawal>().exec();
  }

  withdrawalsOf(tokens: readonly string[]): Promise<ShareLinkWithdrawal[]> {
    if (tokens.length === 0) return Promise.resolve([]);
    return this.withdrawals
      .find({ _id: { $in: tokens } })
      .lean<ShareLinkWithdrawal[]>()
      .exec();
  }
}
