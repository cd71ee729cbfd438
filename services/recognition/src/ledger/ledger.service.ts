import { creditApprovedV1, creditWithdrawnV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { insertManyOnce, insertOnce } from '@lib/persistence';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EVENT_SOURCE } from '../common/event-source';
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

/** An entry left by a process that stopped between taking it and recording its credit is stale after this. */
const ORPHAN_AFTER_MS = 60_000;

/** The credit ledger: each credential counts once per programme and each module is credited once, by unique keys. */
@Injectable()
export class LedgerService {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(CREDIT_MODEL) private readonly credits: Model<Credit>,
    @InjectModel(CREDIT_WITHDRAWAL_MODEL) private readonly withdrawals: Model<CreditWithdrawal>,
    @InjectModel(CREDIT_HOLD_MODEL) private readonly holds: Model<CreditHold>,
  ) {}

  /**
   * Takes the module and every credential in the ledger, then records the credit with its approved event: all or
   * nothing. A key another decision holds refuses this one with 409 and the reason.
   */
  async approve(credit: Credit, cap: number): Promise<void> {
    const keys: [string, string][] = [
      [
        `module:${credit.programmeId}:${credit.learnerId}:${credit.moduleCode}`,
        `Module ${credit.moduleCode} is credited to this learner already.`,
      ],
      ...credit.credentialIds.map((id): [string, string] => [
        `credential:${credit.programmeId}:${id}`,
        `Credential ${id} already counts toward credit in this programme; a credential is used once.`,
      ]),
    ];
    const taken: string[] = [];
    try {
      for (const [key, refusal] of keys) {
        if (!(await this.take(key, credit))) throw new ConflictException(refusal);
        taken.push(key);
      }
      await this.takeCapSlots(credit, cap, taken);
      const event = outboxEvent(creditApprovedV1, {
        ...eventFacts(credit),
        level: credit.level,
        decidedBy: credit.decidedBy,
        decidedAt: credit.decidedAt.toISOString(),
      });
      await this.credits.create({ ...credit, ...withOutbox(EVENT_SOURCE, event) });
    } catch (error) {
      if (taken.length) await this.entries.deleteMany({ _id: { $in: taken } }).exec();
      throw error;
    }
  }

  /**
   * The recognition cap, held by keys too: a credit of c credits takes c free slots `cap:<programme>:<learner>:<n>`,
   * n from 1 to the cap, so decisions on several instances at once cannot together pass it. Withdrawal frees them.
   */
  private async takeCapSlots(credit: Credit, cap: number, taken: string[]): Promise<void> {
    const prefix = `cap:${credit.programmeId}:${credit.learnerId}:`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const held = await this.heldSlots(credit, prefix);
      const free: number[] = [];
      for (let slot = 1; slot <= cap && free.length < credit.credits; slot += 1)
        if (!held.has(slot)) free.push(slot);
      if (free.length < credit.credits)
        throw new ConflictException(
          `Approving ${credit.credits} credits would pass the programme's recognition cap of ${cap} credits (${cap - free.length} used).`,
        );
      const slots = free.map((slot) => ({
        _id: `${prefix}${slot}`,
        creditId: credit._id,
        programmeId: credit.programmeId,
        learnerId: credit.learnerId,
        createdAt: new Date(),
      }));
      const inserted = await insertManyOnce(this.entries, slots);
      const got = slots.filter((_, index) => inserted[index]).map((slot) => slot._id);
      if (got.length === slots.length) {
        taken.push(...got);
        return;
      }
      // Another decision took some of them at the same moment: give ours back and look again.
      await this.entries.deleteMany({ _id: { $in: got } }).exec();
    }
    throw new ConflictException(
      'Another decision for this learner is being made at the same moment; try again.',
    );
  }

  /** Cap slots held by recorded credit, or taken in the last minute by a decision still being made. */
  private async heldSlots(credit: Credit, prefix: string): Promise<Set<number>> {
    const entries = (
      await this.entries
        .find({ programmeId: credit.programmeId, learnerId: credit.learnerId })
        .lean<LedgerEntry[]>()
        .exec()
    ).filter((entry) => entry._id.startsWith(prefix));
    const recorded = new Set(
      (
        await this.credits
          .find({ _id: { $in: [...new Set(entries.map((e) => e.creditId))] } }, { _id: 1 })
          .lean<{ _id: string }[]>()
          .exec()
      ).map((found) => found._id),
    );
    const live = entries.filter(
      (entry) => recorded.has(entry.creditId) || Date.now() - entry.createdAt.getTime() <= ORPHAN_AFTER_MS,
    );
    return new Set(live.map((entry) => Number(entry._id.slice(prefix.length))));
  }

  /** Credentials counted toward credit in a programme (any learner's: a credential is one learner's anyway). */
  async usedCredentialIds(programmeId: string, learnerId: string): Promise<Set<string>> {
    const entries = await this.entries.find({ programmeId, learnerId }).lean<LedgerEntry[]>().exec();
    const prefix = `credential:${programmeId}:`;
    return new Set(entries.filter((e) => e._id.startsWith(prefix)).map((e) => e._id.slice(prefix.length)));
  }

  /** The learner's live credit in a programme: approved and not withdrawn. */
  async liveCredits(programmeId: string, learnerId: string): Promise<Credit[]> {
    const credits = await this.credits.find({ programmeId, learnerId }).lean<Credit[]>().exec();
    const withdrawn = await this.withdrawnIds(credits.map((credit) => credit._id));
    return credits.filter((credit) => !withdrawn.has(credit._id));
  }

  /** Withdraws every live credit resting on a revoked credential, with its event, and frees its ledger keys. */
  async withdrawFor(credentialId: string, reason: string, at: Date): Promise<void> {
    for (const credit of await this.creditsResting(credentialId)) {
      const withdrawal: CreditWithdrawal = {
        _id: credit._id,
        programmeId: credit.programmeId,
        awardingBodyId: credit.awardingBodyId,
        learnerId: credit.learnerId,
        moduleCode: credit.moduleCode,
        credentialId,
        reason,
        withdrawnAt: at,
      };
      const event = outboxEvent(creditWithdrawnV1, {
        ...eventFacts(credit),
        reason,
        withdrawnAt: at.toISOString(),
      });
      await insertOnce(this.withdrawals, { ...withdrawal, ...withOutbox(EVENT_SOURCE, event) });
      // Redelivered revocations come here again; deleting what is gone already is harmless.
      await this.entries.deleteMany({ creditId: credit._id }).exec();
    }
  }

  /** Puts credit resting on a suspended credential on hold, or releases it on reinstatement. */
  async holdFor(credentialId: string, action: CreditHold['action'], reason: string, at: Date): Promise<void> {
    for (const credit of await this.creditsResting(credentialId)) {
      await insertOnce(this.holds, {
        _id: `${credit._id}:${credentialId}:${at.toISOString()}`,
        creditId: credit._id,
        credentialId,
        awardingBodyId: credit.awardingBodyId,
        action,
        reason,
        at,
      });
    }
  }

  /** Credit ids on hold now, of the given credits. */
  async heldIds(creditIds: string[]): Promise<Set<string>> {
    if (creditIds.length === 0) return new Set();
    const holds = await this.holds
      .find({ creditId: { $in: creditIds } })
      .sort({ at: 1 })
      .lean<CreditHold[]>()
      .exec();
    const byCredential = new Map<string, CreditHold>();
    for (const hold of holds) byCredential.set(`${hold.creditId}:${hold.credentialId}`, hold);
    return new Set(
      [...byCredential.values()].filter((hold) => hold.action === 'hold').map((hold) => hold.creditId),
    );
  }

  /** What a registrar must review: withdrawn credit and credit on hold, for their awarding body. */
  async reviews(awardingBodyId: string) {
    const [withdrawals, holds] = await Promise.all([
      this.withdrawals.find({ awardingBodyId }).sort({ withdrawnAt: -1 }).lean<CreditWithdrawal[]>().exec(),
      this.holds.find({ awardingBodyId }).sort({ at: 1 }).lean<CreditHold[]>().exec(),
    ]);
    const onHold = await this.heldIds([...new Set(holds.map((hold) => hold.creditId))]);
    const withdrawn = new Set(withdrawals.map((withdrawal) => withdrawal._id));
    return {
      withdrawn: withdrawals.map(({ _id, ...rest }) => ({ creditId: _id, ...rest })),
      onHold: holds
        .filter(
          (hold) => hold.action === 'hold' && onHold.has(hold.creditId) && !withdrawn.has(hold.creditId),
        )
        .map(({ _id: _key, ...rest }) => rest),
    };
  }

  private async creditsResting(credentialId: string): Promise<Credit[]> {
    const credits = await this.credits.find({ credentialIds: credentialId }).lean<Credit[]>().exec();
    const withdrawn = await this.withdrawnIds(credits.map((credit) => credit._id));
    return credits.filter((credit) => !withdrawn.has(credit._id));
  }

  private async withdrawnIds(creditIds: string[]): Promise<Set<string>> {
    if (creditIds.length === 0) return new Set();
    const found = await this.withdrawals
      .find({ _id: { $in: creditIds } }, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return new Set(found.map((withdrawal) => withdrawal._id));
  }

  /** Inserts a ledger key; an orphan (no credit recorded for it long after) is cleared and the key taken. */
  private async take(key: string, credit: Credit): Promise<boolean> {
    const entry: LedgerEntry = {
      _id: key,
      creditId: credit._id,
      programmeId: credit.programmeId,
      learnerId: credit.learnerId,
      createdAt: new Date(),
    };
    if (await insertOnce(this.entries, entry)) return true;
    const holder = await this.entries.findById(key).lean<LedgerEntry>().exec();
    const orphaned =
      holder &&
      Date.now() - holder.createdAt.getTime() > ORPHAN_AFTER_MS &&
      !(await this.credits.exists({ _id: holder.creditId }).exec());
    if (!orphaned) return false;
    await this.entries.deleteOne({ _id: key, creditId: holder.creditId }).exec();
    return insertOnce(this.entries, entry);
  }
}

/** What the approved and withdrawn events both say of a credit. */
function eventFacts(credit: Credit) {
  return {
    creditId: credit._id,
    learnerId: credit.learnerId,
    programmeId: credit.programmeId,
    programmeCode: credit.programmeCode,
    moduleCode: credit.moduleCode,
    credits: credit.credits,
    sourceCredentialIds: credit.credentialIds,
  };
}
