import type { Credit, CreditHold } from './ledger.schema';

/** The key that credits a module of a programme to a learner once. */
export function moduleKey(credit: Pick<Credit, 'programmeId' | 'learnerId' | 'moduleCode'>): string {
  return `module:${credit.programmeId}:${credit.learnerId}:${credit.moduleCode}`;
}

/** The prefix of the key that lets a credential count once per programme; the credential id follows it. */
export function credentialKeyPrefix(programmeId: string): string {
  return `credential:${programmeId}:`;
}

/** The prefix of a learner's cap slots in a programme; the slot number follows it. */
export function capSlotPrefix(programmeId: string, learnerId: string): string {
  return `cap:${programmeId}:${learnerId}:`;
}

/** The keys of every cap slot of a learner in a programme, 1 to the cap: the slots are read and freed by these. */
export function capSlotKeys(programmeId: string, learnerId: string, cap: number): string[] {
  const prefix = capSlotPrefix(programmeId, learnerId);
  return Array.from({ length: Math.max(cap, 0) }, (_, index) => `${prefix}${index + 1}`);
}

/** The first `wanted` slots from 1 to the cap that are not held; fewer when the cap is reached. */
export function freeSlots(held: ReadonlySet<number>, cap: number, wanted: number): number[] {
  const free: number[] = [];
  for (let slot = 1; slot <= cap && free.length < wanted; slot += 1) if (!held.has(slot)) free.push(slot);
  return free;
}

/** Credit ids whose latest hold or release, per credential, is a hold. */
export function creditsOnHold(holdsInTimeOrder: readonly CreditHold[]): Set<string> {
  const latest = new Map<string, CreditHold>();
  for (const hold of holdsInTimeOrder) latest.set(`${hold.creditId}:${hold.credentialId}`, hold);
  return new Set([...latest.values()].filter((hold) => hold.action === 'hold').map((hold) => hold.creditId));
}

/** What the approved and withdrawn events both say of a credit. */
export function eventFacts(credit: Credit) {
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
