import { findPage, insertOnce, type Page, type Pagination } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import {
  SHARE_LINK_MODEL,
  SHARE_LINK_WITHDRAWAL_MODEL,
  type ShareLink,
  type ShareLinkWithdrawal,
} from './share-link.schema';

/** Share links and their withdrawals. */
@Injectable()
export class ShareLinksRepository {
  constructor(
    @InjectModel(SHARE_LINK_MODEL) private readonly links: Model<ShareLink>,
    @InjectModel(SHARE_LINK_WITHDRAWAL_MODEL) private readonly withdrawals: Model<ShareLinkWithdrawal>,
  ) {}

  insertLink(link: ShareLink): Promise<boolean> {
    return insertOnce(this.links, link);
  }

  findLink(token: string): Promise<ShareLink | null> {
    return this.links.findById(token).lean<ShareLink>().exec();
  }

  /** One learner's links, newest first. */
  linksOf(learnerId: string, pagination: Pagination): Promise<Page<ShareLink>> {
    return findPage(this.links, { learnerId }, { createdAt: -1 }, pagination);
  }

  /** A credential's certificate links, oldest first. */
  certificateLinksOf(credentialId: string): Promise<ShareLink[]> {
    return this.links
      .find({ credentialId, purpose: 'certificate' })
      .sort({ createdAt: 1 })
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
