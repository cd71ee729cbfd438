import { insertOnce } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { trustedIssuerId } from './trust-list-keys';
import { type LegacyTrustedIssuer, TRUSTED_ISSUER_MODEL, type TrustedIssuer } from './trusted-issuer.schema';

/** The trust lists' entries, live and removed, each on one list (hub-wide or one awarding body's). */
@Injectable()
export class TrustListRepository {
  constructor(@InjectModel(TRUSTED_ISSUER_MODEL) private readonly entries: Model<TrustedIssuer>) {}

  /** One list's entries not removed, oldest first (a scan of a small collection, for staff and the public list). */
  liveEntriesOf(trustedBy: string): Promise<TrustedIssuer[]> {
    return this.entries
      .find({ trustedBy, removedAt: { $exists: false } })
      .sort({ addedAt: 1 })
      .lean<TrustedIssuer[]>()
      .exec();
  }

  /** The live entries for one issuer on any of these lists, by `_id`. */
  async liveEntriesFor(issuerId: string, lists: readonly string[]): Promise<TrustedIssuer[]> {
    const ids = lists.map((trustedBy) => trustedIssuerId(trustedBy, issuerId));
    const found = await this.entries
      .find({ _id: { $in: ids } })
      .lean<TrustedIssuer[]>()
      .exec();
    return found.filter((entry) => !entry.removedAt);
  }

  /** Puts the entry on its list: false when a live entry for that issuer is there already. */
  async add(entry: TrustedIssuer): Promise<boolean> {
    // An entry removed earlier is replaced in place.
    const replaced = await this.entries
      .findOneAndReplace({ _id: entry._id, removedAt: { $exists: true } }, entry)
      .lean()
      .exec();
    return replaced !== null || insertOnce(this.entries, entry);
  }

  /** Marks a live entry of one list removed, with who and when: false when that list has no live entry for it. */
  async markRemoved(
    trustedBy: string,
    issuerId: string,
    removedBy: string,
    removedAt: Date,
  ): Promise<boolean> {
    const removed = await this.entries
      .updateOne(
        { _id: trustedIssuerId(trustedBy, issuerId), removedAt: { $exists: false } },
        { removedBy, removedAt },
      )
      .exec();
    return removed.modifiedCount > 0;
  }

  /** Entries written before there was a list per awarding body (see TrustListMigration). */
  legacyEntries(): Promise<LegacyTrustedIssuer[]> {
    return this.entries
      .find({ trustedBy: { $exists: false } })
      .lean<LegacyTrustedIssuer[]>()
      .exec();
  }

  /** Stores an old entry in its new form, then drops the old one; run again after a crash, it finishes the move. */
  async moveLegacyEntry(legacy: LegacyTrustedIssuer, moved: TrustedIssuer): Promise<void> {
    await insertOnce(this.entries, moved);
    await this.entries.deleteOne({ _id: legacy._id, trustedBy: { $exists: false } }).exec();
  }
}
