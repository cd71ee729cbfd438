import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { TRUSTED_ISSUER_MODEL, type TrustedIssuer } from './trusted-issuer.schema';

/** The external issuers on the trust list, live and removed. */
@Injectable()
export class TrustListRepository {
  constructor(@InjectModel(TRUSTED_ISSUER_MODEL) private readonly entries: Model<TrustedIssuer>) {}

  /** The entries not removed, oldest first. */
  liveEntries(): Promise<TrustedIssuer[]> {
    return this.entries
      .find({ removedAt: { $exists: false } })
      .sort({ addedAt: 1 })
      .lean<TrustedIssuer[]>()
      .exec();
  }

  findEntry(issuerId: string): Promise<TrustedIssuer | null> {
    return this.entries.findById(issuerId).lean<TrustedIssuer>().exec();
  }

  /** Puts the entry on the list: false when a live entry for that issuer is there already. */
  async add(entry: TrustedIssuer): Promise<boolean> {
    // An entry removed earlier is replaced in place.
    const replaced = await this.entries
      .findOneAndReplace({ _id: entry._id, removedAt: { $exists: true } }, entry)
      .lean()
      .exec();
    return replaced !== null || insertOnce(this.entries, entry);
  }

  /** Marks a live entry removed, with who and when: false when there is no live entry. */
  async markRemoved(issuerId: string, removedBy: string, removedAt: Date): Promise<boolean> {
    const removed = await this.entries
      .updateOne({ _id: issuerId, removedAt: { $exists: false } }, { removedBy, removedAt })
      .exec();
    return removed.modifiedCount > 0;
  }
}
