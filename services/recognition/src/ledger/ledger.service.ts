import { creditApprovedV1, creditWithdrawnV1 } from '@lib/contracts';
import { outboxEvent, withOutbox } from '@lib/messaging';
import { ConflictException, Injectable } from '@nestjs/common';
import { EVENT_SOURCE } from '../common/event-source';
import { ProgrammesRepository } from '../programmes/programmes.repository';
import type { Credit, CreditHold, CreditWithdrawal, LedgerEntry } from './ledger.schema';
import { LedgerRepository } from './ledger.repository';
import {
  capSlotKeys,
  capSlotPrefix,
  credentialKeyPrefix,
  creditsOnHold,
  eventFacts,
  freeSlots,
  moduleKey,
} from './ledger-rules';

/** An entry left by a process that stopped between taking it and recording its credit is stale after this. */
const ORPHAN_AFTER_MS = 60_000;

/** The credit ledger: each credential counts once per programme and each module is credited once, by unique keys. */
@Injectable()
export class LedgerService {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly programmes: ProgrammesRepository,
  ) {}

  /**
   * Takes the module and every credential in the ledger, then records the credit with its approved event: all or
   * nothing. A key another decision holds refuses this one with 409 and the reason.
   */
  async approve(credit: Credit, cap: number): Promise<void> {
    const keys: [string, string][] = [
      [moduleKey(credit), `Module ${credit.moduleCode} is credited to this learner already.`],
      ...credit.credentialIds.map((id): [string, string] => [
        `${credentialKeyPrefix(credit.programmeId)}${id}`,
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
      if (!(await this.ledger.insertCredit({ ...credit, ...withOutbox(EVENT_SOURCE, event) })))
        throw new ConflictException(`Credit ${credit._id} is recorded already.`);
    } catch (error) {
      await this.ledger.deleteEntries(taken);
      throw error;
    }
  }

  /**
   * The recognition cap, held by keys too: a credit of c credits takes c free slots `cap:<programme>:<learner>:<n>`,
   * n from 1 to the cap, so decisions on several instances at once cannot together pass it. Withdrawal frees them.
   */
  private async takeCapSlots(credit: Credit, cap: number, taken: string[]): Promise<void> {
    const prefix = capSlotPrefix(credit.programmeId, credit.learnerId);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const free = freeSlots(await this.heldSlots(credit, cap), cap, credit.credits);
      if (free.length < credit.credits)
        throw new ConflictException(
          `Approving ${credit.credits} credits would pass the programme's recognition cap of ${cap} credits (${cap - free.length} used).`,
        );
      const slots = free.map((slot) => this.entryFor(`${prefix}${slot}`, credit));
      const inserted = await this.ledger.insertEntries(slots);
      const got = slots.filter((_, index) => inserted[index]).map((slot) => slot._id);
      if (got.length === slots.length) {
        taken.push(...got);
        return;
      }
      // Another decision took some of them at the same moment: give ours back and look again.
      await this.ledger.deleteEntries(got);
    }
    throw new ConflictException(
      'Another decision for this learner is being made at the same moment; try again.',
    );
  }

  /**
   * Cap slots held by recorded credit, or taken in the last minute by a decision still being made. Slots of a
   * decision that stopped before recording its credit are cleared here, so they can be taken again.
   */
  private async heldSlots(credit: Credit, cap: number): Promise<Set<number>> {
    const prefix = capSlotPrefix(credit.programmeId, credit.learnerId);
    const entries = await this.ledger.entriesWithKeys(capSlotKeys(credit.programmeId, credit.learnerId, cap));
    const recorded = await this.ledger.recordedCreditIds([...new Set(entries.map((e) => e.creditId))]);
    const orphaned = (entry: LedgerEntry) => !recorded.has(entry.creditId) && isStale(entry);
    for (const orphan of entries.filter(orphaned))
      await this.ledger.deleteEntryHeldBy(orphan._id, orphan.creditId);
    const live = entries.filter((entry) => !orphaned(entry));
    return new Set(live.map((entry) => Number(entry._id.slice(prefix.length))));
  }

  /** Those of the credentials that count toward credit in a programme already (a credential counts once). */
  async usedCredentialIds(programmeId: string, credentialIds: readonly string[]): Promise<Set<string>> {
    const prefix = credentialKeyPrefix(programmeId);
    const entries = await this.ledger.entriesWithKeys(
      [...new Set(credentialIds)].map((id) => `${prefix}${id}`),
    );
    return new Set(entries.map((entry) => entry._id.slice(prefix.length)));
  }

  /** The learner's live credit in a programme: approved and not withdrawn. */
  async liveCredits(programmeId: string, learnerId: string): Promise<Credit[]> {
    return this.withoutWithdrawn(await this.ledger.creditsOf(programmeId, learnerId));
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
      await this.ledger.insertWithdrawal({ ...withdrawal, ...withOutbox(EVENT_SOURCE, event) });
      // Redelivered revocations come here again; deleting what is gone already is harmless.
      await this.ledger.deleteEntriesOf(credit._id, await this.keysOf(credit));
    }
  }

  /** Puts credit resting on a suspended credential on hold, or releases it on reinstatement. */
  async holdFor(credentialId: string, action: CreditHold['action'], reason: string, at: Date): Promise<void> {
    for (const credit of await this.creditsResting(credentialId)) {
      await this.ledger.insertHold({
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
    return creditsOnHold(await this.ledger.holdsOf(creditIds));
  }

  /** What a registrar must review: withdrawn credit and credit on hold, for their awarding body. */
  async reviews(awardingBodyId: string) {
    const { withdrawals, holds } = await this.ledger.reviewsOf(awardingBodyId);
    const onHold = await this.heldIds([...new Set(holds.map((hold) => hold.creditId))]);
    const withdrawn = new Set(withdrawals.map((withdrawal) => withdrawal._id));
    return {
      withdrawn: withdrawals.map(({ _id, withdrawnAt, ...rest }) => ({
        creditId: _id,
        ...rest,
        withdrawnAt: withdrawnAt.toISOString(),
      })),
      onHold: holds
        .filter(
          (hold) => hold.action === 'hold' && onHold.has(hold.creditId) && !withdrawn.has(hold.creditId),
        )
        // Only holds are left (the filter): `action` is said as such, for the view's type.
        .map(({ _id: _key, at, ...rest }) => ({ ...rest, action: 'hold' as const, at: at.toISOString() })),
    };
  }

  /** Every key the credit may hold: its module, its credentials and any of the learner's cap slots. */
  private async keysOf(credit: Credit): Promise<string[]> {
    const programme = await this.programmes.findProgramme(credit.programmeId);
    const cap = programme?.policy.maxRecognitionCredits ?? 0;
    return [
      moduleKey(credit),
      ...credit.credentialIds.map((id) => `${credentialKeyPrefix(credit.programmeId)}${id}`),
      ...capSlotKeys(credit.programmeId, credit.learnerId, cap),
    ];
  }

  private async creditsResting(credentialId: string): Promise<Credit[]> {
    return this.withoutWithdrawn(await this.ledger.creditsResting(credentialId));
  }

  private async withoutWithdrawn(credits: Credit[]): Promise<Credit[]> {
    const withdrawn = await this.ledger.withdrawnIds(credits.map((credit) => credit._id));
    return credits.filter((credit) => !withdrawn.has(credit._id));
  }

  /** Inserts a ledger key; an orphan (no credit recorded for it long after) is cleared and the key taken. */
  private async take(key: string, credit: Credit): Promise<boolean> {
    const entry = this.entryFor(key, credit);
    if (await this.ledger.insertEntry(entry)) return true;
    const holder = await this.ledger.findEntry(key);
    const orphaned =
      holder &&
      isStale(holder) &&
      !(await this.ledger.recordedCreditIds([holder.creditId])).has(holder.creditId);
    if (!orphaned) return false;
    await this.ledger.deleteEntryHeldBy(key, holder.creditId);
    return this.ledger.insertEntry(entry);
  }

  private entryFor(key: string, credit: Credit): LedgerEntry {
    return {
      _id: key,
      creditId: credit._id,
      programmeId: credit.programmeId,
      learnerId: credit.learnerId,
      createdAt: new Date(),
    };
  }
}

/** Taken longer ago than a decision takes: its process stopped before recording the credit. */
function isStale(entry: LedgerEntry): boolean {
  return Date.now() - entry.createdAt.getTime() > ORPHAN_AFTER_MS;
}
