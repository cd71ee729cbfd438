import type { OutboxFields } from '@lib/messaging';
import {
  addToIdList,
  allIds,
  existingIds,
  ID_LIST_MODEL,
  type IdList,
  idListOf,
  idListsOf,
  insertManyOnce,
  insertOnce,
  WITHOUT_OUTBOX,
} from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { idListKeys } from '../common/id-list-keys';
import {
  CREDIT_HOLD_MODEL,
  CREDIT_MODEL,
  CREDIT_WITHDRAWAL_MODEL,
  type Credit,
  type CreditHold,
  type CreditWithdrawal,
  LEDGER_ENTRY_MODEL,
  type LedgerEntry,
} from './ledger.schema';

/**
 * The ledger's keys, the credit they guard, its withdrawals and holds. Inserts of records with events signal the
 * relay. Everything per learner or per credential is read by `_id`, through keyed id lists written before the
 * records they name; only `reviewsOf`, a staff list, scans.
 */
@Injectable()
export class LedgerRepository {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(CREDIT_MODEL) private readonly credits: Model<Credit>,
    @InjectModel(CREDIT_WITHDRAWAL_MODEL) private readonly withdrawals: Model<CreditWithdrawal>,
    @InjectModel(CREDIT_HOLD_MODEL) private readonly holds: Model<CreditHold>,
    @InjectModel(ID_LIST_MODEL) private readonly lists: Model<IdList>,
  ) {}

  /** False when another credit holds the key. */
  insertEntry(entry: LedgerEntry): Promise<boolean> {
    return insertOnce(this.entries, entry);
  }

  /** Per entry, whether it was inserted (false: another credit holds the key). */
  insertEntries(entries: LedgerEntry[]): Promise<boolean[]> {
    return insertManyOnce(this.entries, entries);
  }

  findEntry(key: string): Promise<LedgerEntry | null> {
    return this.entries.findById(key).lean<LedgerEntry>().exec();
  }

  /** Those of the keys that are taken, with the credit holding each. */
  async entriesWithKeys(keys: string[]): Promise<LedgerEntry[]> {
    if (keys.length === 0) return [];
    return this.entries
      .find({ _id: { $in: keys } })
      .lean<LedgerEntry[]>()
      .exec();
  }

  async deleteEntries(keys: string[]): Promise<void> {
    if (keys.length) await this.entries.deleteMany({ _id: { $in: keys } }).exec();
  }

  /** Frees those of the keys that the credit holds. */
  async deleteEntriesOf(creditId: string, keys: string[]): Promise<void> {
    if (keys.length) await this.entries.deleteMany({ _id: { $in: keys }, creditId }).exec();
  }

  /** Deletes the entry only while that credit still holds it. */
  async deleteEntryHeldBy(key: string, creditId: string): Promise<void> {
    await this.entries.deleteOne({ _id: key, creditId }).exec();
  }

  /** Lists the credit under its learner and credentials, then inserts it with its approved event and tells the relay. */
  async insertCredit(credit: Credit & OutboxFields): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.learnerCredits(credit.programmeId, credit.learnerId), [
      credit._id,
    ]);
    for (const credentialId of credit.credentialIds)
      await addToIdList(this.lists, idListKeys.credentialCredits(credentialId), [credit._id]);
    return insertOnce(this.credits, credit);
  }

  /** Those of the credit ids that are recorded. */
  recordedCreditIds(creditIds: string[]): Promise<Set<string>> {
    return existingIds(this.credits, creditIds);
  }

  /** A learner's credit in a programme, withdrawn or not. */
  async creditsOf(programmeId: string, learnerId: string): Promise<Credit[]> {
    return this.creditsWithIds(await idListOf(this.lists, idListKeys.learnerCredits(programmeId, learnerId)));
  }

  /** Credit resting on a credential, withdrawn or not. */
  async creditsResting(credentialId: string): Promise<Credit[]> {
    return this.creditsWithIds(await idListOf(this.lists, idListKeys.credentialCredits(credentialId)));
  }

  private async creditsWithIds(ids: string[]): Promise<Credit[]> {
    if (ids.length === 0) return [];
    return this.credits
      .find({ _id: { $in: ids } }, WITHOUT_OUTBOX)
      .lean<Credit[]>()
      .exec();
  }

  /** Inserts the withdrawal with its withdrawn event; false when that credit is withdrawn already. */
  insertWithdrawal(withdrawal: CreditWithdrawal & OutboxFields): Promise<boolean> {
    return insertOnce(this.withdrawals, withdrawal);
  }

  /** Those of the credit ids that are withdrawn. */
  withdrawnIds(creditIds: string[]): Promise<Set<string>> {
    return existingIds(this.withdrawals, creditIds);
  }

  /**
   * Staff list: scans the withdrawals and the holds of the awarding body (withdrawn credit newest first, holds
   * and releases oldest first), for the registrar's review page.
   */
  async reviewsOf(awardingBodyId: string): Promise<{ withdrawals: CreditWithdrawal[]; holds: CreditHold[] }> {
    const [withdrawals, holds] = await Promise.all([
      this.withdrawals
        .find({ awardingBodyId }, WITHOUT_OUTBOX)
        .sort({ withdrawnAt: -1 })
        .lean<CreditWithdrawal[]>()
        .exec(),
      this.holds.find({ awardingBodyId }).sort({ at: 1 }).lean<CreditHold[]>().exec(),
    ]);
    return { withdrawals, holds };
  }

  /** Lists the hold under its credit, then inserts it; false when the same hold or release is recorded already. */
  async insertHold(hold: CreditHold): Promise<boolean> {
    await addToIdList(this.lists, idListKeys.creditHolds(hold.creditId), [hold._id]);
    return insertOnce(this.holds, hold);
  }

  /** Holds and releases of the credits, oldest first. */
  async holdsOf(creditIds: string[]): Promise<CreditHold[]> {
    const ids = allIds(await idListsOf(this.lists, creditIds.map(idListKeys.creditHolds)));
    if (ids.length === 0) return [];
    return this.holds
      .find({ _id: { $in: ids } })
      .sort({ at: 1 })
      .lean<CreditHold[]>()
      .exec();
  }
}
