import type { OutboxFields } from '@lib/messaging';
import { existingIds, insertManyOnce, insertOnce, WITHOUT_OUTBOX } from '@lib/persistence';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
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

/** The ledger's keys, the credit they guard, its withdrawals and holds. Inserts of records with events signal the relay. */
@Injectable()
export class LedgerRepository {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(CREDIT_MODEL) private readonly credits: Model<Credit>,
    @InjectModel(CREDIT_WITHDRAWAL_MODEL) private readonly withdrawals: Model<CreditWithdrawal>,
    @InjectModel(CREDIT_HOLD_MODEL) private readonly holds: Model<CreditHold>,
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

  /** A learner's entries in a programme: credentials used, modules credited, cap slots. */
  entriesOf(programmeId: string, learnerId: string): Promise<LedgerEntry[]> {
    return this.entries.find({ programmeId, learnerId }).lean<LedgerEntry[]>().exec();
  }

  async deleteEntries(keys: string[]): Promise<void> {
    if (keys.length) await this.entries.deleteMany({ _id: { $in: keys } }).exec();
  }

  /** Frees every key a credit holds. */
  async deleteEntriesOf(creditId: string): Promise<void> {
    await this.entries.deleteMany({ creditId }).exec();
  }

  /** Deletes the entry only while that credit still holds it. */
  async deleteEntryHeldBy(key: string, creditId: string): Promise<void> {
    await this.entries.deleteOne({ _id: key, creditId }).exec();
  }

  /** Inserts the credit with its approved event and tells the relay at once; false when the id exists. */
  insertCredit(credit: Credit & OutboxFields): Promise<boolean> {
    return insertOnce(this.credits, credit);
  }

  /** Those of the credit ids that are recorded. */
  recordedCreditIds(creditIds: string[]): Promise<Set<string>> {
    return existingIds(this.credits, creditIds);
  }

  /** A learner's credit in a programme, withdrawn or not. */
  creditsOf(programmeId: string, learnerId: string): Promise<Credit[]> {
    return this.credits.find({ programmeId, learnerId }, WITHOUT_OUTBOX).lean<Credit[]>().exec();
  }

  /** Credit resting on a credential, withdrawn or not. */
  creditsResting(credentialId: string): Promise<Credit[]> {
    return this.credits.find({ credentialIds: credentialId }, WITHOUT_OUTBOX).lean<Credit[]>().exec();
  }

  /** Inserts the withdrawal with its withdrawn event; false when that credit is withdrawn already. */
  insertWithdrawal(withdrawal: CreditWithdrawal & OutboxFields): Promise<boolean> {
    return insertOnce(this.withdrawals, withdrawal);
  }

  /** Those of the credit ids that are withdrawn. */
  withdrawnIds(creditIds: string[]): Promise<Set<string>> {
    return existingIds(this.withdrawals, creditIds);
  }

  /** An awarding body's withdrawn credit, newest first. */
  withdrawalsOf(awardingBodyId: string): Promise<CreditWithdrawal[]> {
    return this.withdrawals
      .find({ awardingBodyId }, WITHOUT_OUTBOX)
      .sort({ withdrawnAt: -1 })
      .lean<CreditWithdrawal[]>()
      .exec();
  }

  /** False when the same hold or release is recorded already. */
  insertHold(hold: CreditHold): Promise<boolean> {
    return insertOnce(this.holds, hold);
  }

  /** Holds and releases of the credits, oldest first. */
  holdsOf(creditIds: string[]): Promise<CreditHold[]> {
    if (creditIds.length === 0) return Promise.resolve([]);
    return this.holds
      .find({ creditId: { $in: creditIds } })
      .sort({ at: 1 })
      .lean<CreditHold[]>()
      .exec();
  }

  /** An awarding body's holds and releases, oldest first. */
  holdsOfBody(awardingBodyId: string): Promise<CreditHold[]> {
    return this.holds.find({ awardingBodyId }).sort({ at: 1 }).lean<CreditHold[]>().exec();
  }
}
