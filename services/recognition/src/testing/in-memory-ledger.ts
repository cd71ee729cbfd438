import type { OutboxFields } from '@lib/messaging';
import type { Credit, CreditHold, CreditWithdrawal, LedgerEntry } from '../ledger/ledger.schema';
import type { LedgerRepository } from '../ledger/ledger.repository';
import { insertInto } from './insert-into';
import type { PublicOf } from '@lib/fakes';

/** The ledger's collections in maps, unique by `_id` as the database is; records keep their outbox for inspection. */
export class InMemoryLedger implements PublicOf<LedgerRepository> {
  readonly entries = new Map<string, LedgerEntry>();
  readonly credits = new Map<string, Credit & OutboxFields>();
  readonly withdrawals = new Map<string, CreditWithdrawal & OutboxFields>();
  readonly holds = new Map<string, CreditHold>();

  insertEntry(entry: LedgerEntry): Promise<boolean> {
    return Promise.resolve(insertInto(this.entries, entry));
  }

  insertEntries(entries: LedgerEntry[]): Promise<boolean[]> {
    return Promise.resolve(entries.map((entry) => insertInto(this.entries, entry)));
  }

  findEntry(key: string): Promise<LedgerEntry | null> {
    return Promise.resolve(this.entries.get(key) ?? null);
  }

  entriesWithKeys(keys: string[]): Promise<LedgerEntry[]> {
    return Promise.resolve(keys.flatMap((key) => this.entries.get(key) ?? []));
  }

  deleteEntries(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  deleteEntriesOf(creditId: string, keys: string[]): Promise<void> {
    for (const key of keys) if (this.entries.get(key)?.creditId === creditId) this.entries.delete(key);
    return Promise.resolve();
  }

  deleteEntryHeldBy(key: string, creditId: string): Promise<void> {
    if (this.entries.get(key)?.creditId === creditId) this.entries.delete(key);
    return Promise.resolve();
  }

  insertCredit(credit: Credit & OutboxFields): Promise<boolean> {
    return Promise.resolve(insertInto(this.credits, credit));
  }

  recordedCreditIds(creditIds: string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(creditIds.filter((id) => this.credits.has(id))));
  }

  creditsOf(programmeId: string, learnerId: string): Promise<Credit[]> {
    const credits = [...this.credits.values()].filter(
      (credit) => credit.programmeId === programmeId && credit.learnerId === learnerId,
    );
    return Promise.resolve(credits.map(withoutOutbox));
  }

  creditsResting(credentialId: string): Promise<Credit[]> {
    const credits = [...this.credits.values()].filter((credit) =>
      credit.credentialIds.includes(credentialId),
    );
    return Promise.resolve(credits.map(withoutOutbox));
  }

  insertWithdrawal(withdrawal: CreditWithdrawal & OutboxFields): Promise<boolean> {
    return Promise.resolve(insertInto(this.withdrawals, withdrawal));
  }

  withdrawnIds(creditIds: string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(creditIds.filter((id) => this.withdrawals.has(id))));
  }

  reviewsOf(awardingBodyId: string): Promise<{ withdrawals: CreditWithdrawal[]; holds: CreditHold[] }> {
    const withdrawals = [...this.withdrawals.values()]
      .filter((withdrawal) => withdrawal.awardingBodyId === awardingBodyId)
      .sort((a, b) => b.withdrawnAt.getTime() - a.withdrawnAt.getTime());
    const holds = this.holdsWhere((hold) => hold.awardingBodyId === awardingBodyId);
    return Promise.resolve({ withdrawals: withdrawals.map(withoutOutbox), holds });
  }

  insertHold(hold: CreditHold): Promise<boolean> {
    return Promise.resolve(insertInto(this.holds, hold));
  }

  holdsOf(creditIds: string[]): Promise<CreditHold[]> {
    return Promise.resolve(this.holdsWhere((hold) => creditIds.includes(hold.creditId)));
  }

  private holdsWhere(test: (hold: CreditHold) => boolean): CreditHold[] {
    return [...this.holds.values()].filter(test).sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

/** The record as a read without its outbox returns it. */
function withoutOutbox<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const field of ['outbox', 'outboxPending', 'outboxCreatedAt', 'outboxSentAt']) delete copy[field];
  return copy as T;
}
